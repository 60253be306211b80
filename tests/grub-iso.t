#!/usr/bin/perl
# The real boot path: build/os.iso (GRUB legacy 0.97 from CD) in QEMU.
# GRUB's menu is on the serial line, so this script drives it the way a
# user at `make run-iso` would: it waits for the menu and types keys.
#
#   1. the default entry boots by itself after the menu timeout;
#   2. every other entry, chosen with Ctrl-N / Ctrl-P and Enter;
#   3. the GRUB prompt ('c'): kernel ... test=all, boot; the in-kernel
#      suites must pass when loaded by GRUB too.
#
# Entries, titles, default and timeout are read from boot/grub/menu.lst.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Boot;

Boot::need('build/os.iso', 'boot/grub/menu.lst');

# --- what menu.lst says ---------------------------------------------------------

my ($default, $timeout, @entries) = (0, 5);
open(my $fh, '<', "$Boot::ROOT/boot/grub/menu.lst") or die "menu.lst: $!";
while (<$fh>) {
	s/#.*//;
	if (/^\s*default\s+(\d+)/) { $default = $1 }
	elsif (/^\s*timeout\s+(\d+)/) { $timeout = $1 }
	elsif (/^\s*title\s+(.*?)\s*$/) { push @entries, { title => $1 } }
	elsif (@entries && /^\s*kernel\s+(\S+)\s*(.*?)\s*$/) {
		@{ $entries[-1] }{qw(path args)} = ($1, $2);
	}
	elsif (@entries && /^\s*module\s+(.*?)\s*$/) {
		push @{ $entries[-1]{modules} }, $1;
	}
}
close $fh;
ok(@entries >= 3, 'menu.lst has an entry per mechanism (' . scalar(@entries) . ')');
ok($default < @entries, "default entry $default exists") or BAIL_OUT('bad default');
my %modes = map { ($_->{args} // '') =~ /\bsyscall=(\w+)/ ? ($1 => 1) : () } @entries;
ok($modes{$_}, "an entry boots with syscall=$_") for qw(sysenter int80 auto);

my $READY = Boot::READY;
my $MENU = qr/The highlighted entry will be booted automatically in \d+ seconds?\./;

sub check_entry {
	my ($r, $e) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my ($mode) = ($e->{args} // '') =~ /\bsyscall=(\w+)/;
	Boot::has($r, qr/GNU GRUB  version 0\.97/, 'GRUB banner on the serial line');
	Boot::has($r, qr/\Q$_->{title}\E/, "menu shows '$_->{title}'") for @entries;
	Boot::has($r, qr/Booting '\Q$e->{title}\E'/, "GRUB boots '$e->{title}'");
	Boot::has($r, qr/^\s*\[Multiboot-elf, /m, 'GRUB loaded the ELF as multiboot');
	for my $m (@{ $e->{modules} || [] }) {
		Boot::has($r, qr/^module \Q$m\E\s*\n\s*\[Multiboot-module @ 0x[0-9a-f]+, 0x[0-9a-f]+ bytes\]/m,
			  "GRUB loaded module $m");
	}
	Boot::has($r, qr/^Command line: \Q$e->{path}\E \Q$e->{args}\E\s*$/m,
		  'kernel got the entry\'s command line');
	Boot::has($r, qr/^Kernel image: \Q$e->{path}\E$/m, "Kernel image: $e->{path}");
	Boot::has($r, qr/^Loaded by: (GNU )?GRUB 0\.97/m, 'Loaded by: GRUB 0.97');
	Boot::has($r, qr/^syscall: mechanism requested: \Q$mode\E$/m,
		  "syscall: mechanism requested: $mode");
	Boot::hasnt($r, qr/^cmdline:/m, 'no command-line warning');
	Boot::hasnt($r, qr/Kernel panic/, 'no panic');
	ok($r->{stopped}, 'reached "kernel: ready"');
}

# --- 1. the default entry, no key pressed ------------------------------------------

{
	my $e = $entries[$default];
	my $r = Boot::qemu(cdrom => "$Boot::BUILD/os.iso", stop_at => $READY,
			   timeout => 60 + $timeout);
	Boot::check($r, "default entry $default ($e->{title})", sub {
		my $r = shift;
		Boot::has($r, qr/booted automatically in $timeout seconds?/,
			  "menu counts down from $timeout s") if $timeout;
		check_entry($r, $e);
	});
	note(sprintf('default entry: ready after %.2f s (menu timeout %d s)',
		     $r->{t_stop} // $r->{elapsed}, $timeout));
}

SKIP: {
	skip 'menu.lst has timeout 0: no menu to drive', 2 unless $timeout;

	# --- 2. every other entry, chosen from the menu ---------------------------

	for my $i (grep { $_ != $default } 0 .. $#entries) {
		my $e = $entries[$i];
		# Ctrl-N moves the highlight down, Ctrl-P up; Enter boots.
		my $keys = ($i > $default ? "\x0e" : "\x10") x abs($i - $default);
		my $r = Boot::qemu(cdrom => "$Boot::BUILD/os.iso", stop_at => $READY,
				   timeout => 60, send => [[$MENU, "$keys\r"]]);
		Boot::check($r, "entry $i ($e->{title}) chosen from the menu", sub {
			check_entry(shift, $e);
		});
	}

	# --- 3. GRUB's command line: the unit suites under GRUB -------------------

	# The same modules as the default entry (the initramfs).
	my $args = 'syscall=sysenter test=all';
	my @modules = @{ $entries[$default]{modules} || [] };
	my $r = Boot::qemu(cdrom => "$Boot::BUILD/os.iso", timeout => 90, send => [
		[$MENU, 'c'],
		[qr/grub> /, "kernel /boot/kernel.elf $args\r"],
		(map { [qr/\]\s*\n.*grub> /s, "module $_\r"] } @modules),
		[qr/\]\s*\n.*grub> /s, "boot\r"],
	]);
	Boot::check($r, 'GRUB prompt: test=all', sub {
		my $r = shift;
		Boot::relay_tap($r, 'grub', dump => 0);
		Boot::has($r, qr/^Command line: \/boot\/kernel\.elf \Q$args\E\s*$/m,
			  'kernel got the command line typed at grub>');
		Boot::has($r, qr/^Loaded by: (GNU )?GRUB 0\.97/m, 'Loaded by: GRUB 0.97');
	});
}

done_testing();
