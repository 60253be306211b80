#!/usr/bin/perl
# The reference run on real Linux (docs/linux-reference.md): Debian's
# i386 kernel (linux-image-686) boots in qemu-system-i386 with
# build/linux/initramfs.cpio, whose /linux-init (user/linux-init.c) runs
# every /tests/NAME program as our kernel's test=user suite does and
# prints the same TAP. Each "ok N - user: NAME" becomes one host test
# named "linux: user: NAME": our tests must hold on Linux too.
#
# Run by `make test-linux` (which fetches the kernel and builds the
# initramfs first), not by `make test`: it lives outside tests/*.t.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Boot;

my $kernel = "$Boot::BUILD/linux/vmlinuz";
my $initrd = "$Boot::BUILD/linux/initramfs.cpio";
Test::More::BAIL_OUT("$_ is missing: run 'make test-linux'") for grep { !-e } $kernel, $initrd;

my $version = 'unknown';
if (open(my $fh, '<', "$Boot::BUILD/linux/version")) {
	chomp($version = <$fh> // 'unknown');
}

# Linux reaches /init in about 5 s under TCG; the programs take seconds.
my $append = join(' ', 'console=ttyS0 rdinit=/linux-init panic=-1 quiet',
		  grep { /\S/ } $ENV{LINUX_APPEND} // ());
my $r = Boot::qemu(
	kernel => $kernel,
	append => $append,
	memory => '256M',
	extra => ['-initrd', $initrd],
	timeout => $ENV{LINUX_TIMEOUT} // 180,
);

my ($uname) = $r->{log} =~ /^linux-init: (Linux .*)$/m;
my ($started) = $r->{log} =~ /^linux-init: started ([\d.]+) s after the kernel/m;
note(sprintf('Linux %s (%s), "%s": /linux-init started %s s after the '
	     . 'kernel; whole run %.1f s wall', $version, $uname // 'no banner',
	     $append, $started // '?', $r->{elapsed}));

Boot::relay_tap($r, 'linux');
# Only the runner may end the run: a kernel that reboots (panic=-1 with
# -no-reboot) or powers off would give status 0, not the pass code.
Boot::has($r, qr/^linux-init: Linux \Q$version\E /m,
	  "linux: the kernel that ran is $version")
	or Boot::dump_log($r, 'linux');

done_testing();
