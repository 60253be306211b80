#!/usr/bin/perl
# Bochs 2.7, a second, stricter emulator (it faults where QEMU TCG lets
# things pass, e.g. stale data segments on return to ring 3).
#
#   1. build/os.iso, default GRUB entry, headless: COM1 shows GRUB's menu
#      and the kernel reaching "kernel: ready"; port 0xE9 shows it too.
#      The harness kills Bochs at that line (an idle kernel never stops it).
#   2. The in-kernel suites (test=all) under each mechanism, from a
#      throw-away ISO whose only entry adds test=all. With no
#      isa-debug-exit in Bochs, the kernel ends the run through the
#      Bochs shutdown port; the verdict is the TAP on COM1.
#   3. The internal debugger, driven by a script the way a user types it
#      at `make bochs` (docs/debugging.md): ldsym, lb "start_kernel", c,
#      r, sreg, info gdt, then on to ktest_run_selected for the kernel's
#      own GDT, IDT and MSRs.
#   4. The debugger on the system-call entry, under each mechanism: stop
#      at the first sysenter_entry (syscall=sysenter) or system_call
#      (syscall=int80) with eax = the number /init's first call of that
#      kind must have, then at syscall_call with struct pt_regs complete
#      on the kernel stack, and vector 0x80 a DPL 3 trap gate.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Boot;

Boot::need('build/os.iso', 'build/kernel.elf', 'build/kernel.sym');

my $READY = Boot::READY;

# The default entry of boot/grub/menu.lst: its title and command line.
my ($default, @entries) = (0);
open(my $fh, '<', "$Boot::ROOT/boot/grub/menu.lst") or die "menu.lst: $!";
while (<$fh>) {
	s/#.*//;
	if (/^\s*default\s+(\d+)/) { $default = $1 }
	elsif (/^\s*title\s+(.*?)\s*$/) { push @entries, { title => $1 } }
	elsif (@entries && /^\s*kernel\s+\S+\s*(.*?)\s*$/) { $entries[-1]{args} = $1 }
}
close $fh;
my $e = $entries[$default] or BAIL_OUT("menu.lst: no entry $default");
my ($mode) = ($e->{args} // '') =~ /\bsyscall=(\w+)/;
$mode //= 'auto';

# --- 1. os.iso to "kernel: ready" ----------------------------------------------------

Boot::check(Boot::bochs(stop_at => $READY), 'os.iso, default entry', sub {
	my $r = shift;
	Boot::has($r, qr/GNU GRUB  version 0\.97/, 'GRUB menu on COM1');
	Boot::has($r, qr/Booting '\Q$e->{title}\E'/, "default entry '$e->{title}' booted");
	Boot::has($r, qr/^Kernel image: \/boot\/kernel\.elf$/m, 'Kernel image: /boot/kernel.elf');
	Boot::has($r, qr/^Loaded by: (GNU )?GRUB 0\.97/m, 'Loaded by: GRUB 0.97');
	Boot::has($r, qr/^syscall: mechanism requested: \Q$mode\E$/m,
		  "syscall: mechanism requested: $mode");
	Boot::hasnt($r, qr/Kernel panic/, 'no panic');
	ok($r->{stopped}, 'COM1 reached "kernel: ready"');
	like($r->{out}, qr/^kernel: ready\r?$/m, 'port 0xE9 console reached "kernel: ready" too')
		or diag("Bochs stdout (port 0xE9):\n$r->{out}");
});

# --- 2. test=all under each mechanism ----------------------------------------------------

for my $m (qw(int80 sysenter auto)) {
	my $iso = Boot::make_iso(Boot::menu_for("syscall=$m test=all"), "test-$m");
	my $r = Boot::bochs(cdrom => $iso);
	Boot::check($r, "test=all, syscall=$m", sub {
		my $r = shift;
		Boot::relay_tap($r, "bochs $m", exit => 'bochs', dump => 0);
		Boot::has($r, qr/^syscall: mechanism requested: \Q$m\E$/m, "kernel took syscall=$m");
	});
}

# --- 3. the internal debugger ------------------------------------------------------------

my $sym = "$Boot::BUILD/kernel.sym";
my $sk = Boot::symbol_addr('start_kernel');
my $kr = Boot::symbol_addr('ktest_run_selected');
ok(defined $sk && defined $kr, 'start_kernel and ktest_run_selected in kernel.sym')
	or BAIL_OUT('kernel.sym lacks start_kernel or ktest_run_selected');

my $script = <<"EOF";
# what a user types at `make bochs` (which does the ldsym itself)
ldsym global "$sym"
lb "start_kernel"
c
r
sreg
info gdt
# on to the kernel's own tables
lb "ktest_run_selected"
c
sreg
info gdt
info idt 0x80 0x80
show "cpu0.MSR"
x /8wx esp
quit
EOF
my $r = Boot::bochs(rc => $script);
Boot::check($r, 'debugger script', sub {
	my $r = shift;
	my $d = $r->{dbglog};
	my ($at1, $at2) = (sprintf('%08x', $sk), sprintf('%08x', $kr));
	unlike($d, qr/syntax error|ERROR in source file/, 'script ran without error');
	like($d, qr/^\(0\) Breakpoint 1, 0x0*\Q$at1\E in /m, "breakpoint 1 hit at start_kernel ($at1)");
	like($d, qr/^\(0\) \[0x[0-9a-f]+\] [0-9a-f]{4}:0*\Q$at1\E \(start_kernel\+0\): /m,
	     'disassembly names start_kernel+0 (ldsym worked)');
	like($d, qr/^rip: 00000000_\Q$at1\E$/m, 'r: eip = start_kernel');
	like($d, qr/^cs:0x0008, .*\n\tCode segment, .*32-bit$/m,
	     "sreg at start_kernel: GRUB's flat code segment 0x0008");
	like($d, qr/^gdtr:base=0x[0-9a-f]+, limit=0x[0-9a-f]+$/m, 'sreg shows gdtr');
	like($d, qr/^Global Descriptor Table \(base=0x[0-9a-f]+, limit=\d+\):$/m, 'info gdt');

	like($d, qr/^\(0\) Breakpoint 2, 0x0*\Q$at2\E in /m, "breakpoint 2 hit at ktest_run_selected ($at2)");
	# The second sreg/info gdt: the kernel's GDT is loaded by now.
	my @cs = $d =~ /^cs:(0x[0-9a-f]{4}), /mg;
	my $kcs = $cs[1] // 'none';
	isnt($kcs, '0x0008', "cs at ktest_run_selected is the kernel's ($kcs)");
	if (my ($logcs) = $r->{log} =~ /^gdt: kernel cs\/ds (0x[0-9a-f]+)\//m) {
		is(hex $kcs, hex $logcs, 'the cs the kernel log announced');
	}
	like($d, qr/^GDT\[\Q$kcs\E\]=Code segment, base=0x00000000, limit=0xffffffff, Execute\/Read, .*32-bit$/m,
	     'its GDT entry: flat 32-bit code');
	like($d, qr/^IDT\[0x80\]=/m, 'info idt 0x80 0x80 prints the gate');
	like($d, qr/^\s*sysenter_cs_msr = 0x[0-9a-f]+$/m, 'show "cpu0.MSR" lists the SYSENTER MSRs');
	# At a function's first instruction, [esp] is the return address:
	# into start_kernel, which calls ktest_run_selected.
	my ($ret) = $d =~ /^0x[0-9a-f]+ <[^>]*>:\s+0x([0-9a-f]{8})/m;
	my ($in) = defined $ret ? Boot::symbol_at(hex $ret) : ();
	is($in, 'start_kernel', 'x /8wx esp: return address into start_kernel')
		or diag('first word: ' . ($ret // 'none'));
	# start_kernel ends its log just before it calls ktest_run_selected
	# (the last character or two may still sit in the emulated UART).
	like($r->{log}, qr/^syscall: mechanism requested: /m,
	     'COM1: start_kernel got through its set-up before breakpoint 2');
});

# --- 4. the debugger on the system-call entry ------------------------------------------

# The numbers from Debian's UAPI header, as the kernel and libc take them.
my %nr;
open(my $uh, '<', "$Boot::BUILD/uapi/asm/unistd_32.h") or die "unistd_32.h: $!";
while (<$uh>) { $nr{$1} = $2 if /^#define __NR_(\w+)\s+(\d+)/ }
close $uh;

# What /init does first, per mechanism: the libc's startup installs the
# TLS descriptor with a raw int $0x80 (set_thread_area, before %gs works);
# the first call through the vDSO is main's getpid (user/init.c).
my %first = (
	sysenter => { entry => 'sysenter_entry', call => 'getpid' },
	int80 => { entry => 'system_call', call => 'set_thread_area' },
);
my @pt = qw(ebx ecx edx esi edi ebp eax ds es fs gs orig_eax eip cs eflags esp ss);
my $sc = Boot::symbol_addr('system_call');
for my $m (qw(sysenter int80)) {
	my ($entry, $call) = @{ $first{$m} }{qw(entry call)};
	my $want = $nr{$call};
	my $at = sprintf('%08x', Boot::symbol_addr($entry));
	my $iso = Boot::make_iso(Boot::menu_for("syscall=$m"), "entry-$m");
	my $r = Boot::bochs(cdrom => $iso, rc => <<"EOF");
ldsym global "$sym"
lb "$entry"
c
r
lb "syscall_call"
c
print-stack 18
info idt 0x80 0x80
EOF
	Boot::check($r, "debugger at $entry, syscall=$m", sub {
		my $r = shift;
		my $d = $r->{dbglog};
		like($d, qr/^\(0\) Breakpoint 1, 0x0*\Q$at\E in /m,
		     "stopped at the first $entry ($at)");
		my ($eax) = $d =~ /^rax: 00000000_([0-9a-f]{8})$/m;
		is(defined $eax ? hex $eax : undef, $want,
		   "eax = $want, __NR_$call (/init's first call of this kind)");
		like($d, qr/\(syscall_call\+0\)/, 'then at syscall_call');
		# print-stack: [esp] is the return address, pt_regs follows.
		my @w = map { hex } $d =~ /^ \| STACK 0x[0-9a-f]+ \[0x([0-9a-f]{8})\]/mg;
		is(scalar @w, 18, 'print-stack showed the return address and 17 words');
		my %regs;
		@regs{@pt} = map { $_ // -1 } @w[1 .. 17];
		is($regs{orig_eax}, $want, 'pt_regs.orig_eax = the number');
		is($regs{eax}, $want, 'pt_regs.eax = the number (the call has not run)');
		is($regs{cs}, 0x73, 'pt_regs.cs = __USER_CS (0x73)');
		is($regs{ss}, 0x7b, 'pt_regs.ss = __USER_DS (0x7b)');
		is($regs{ds}, 0x7b, 'pt_regs.ds = the user data segment');
		ok(($regs{eflags} & 0x202) == 0x202,
		   sprintf('pt_regs.eflags %#x: IF set', $regs{eflags}));
		ok($regs{esp} > 0 && $regs{esp} < 0xc0000000,
		   sprintf('pt_regs.esp %#x: a user stack', $regs{esp}));
		if ($m eq 'sysenter') {
			my ($vs) = $r->{log} =~ /__kernel_vsyscall at ([0-9a-f]+)/;
			is($regs{eip}, defined $vs ? hex($vs) + 16 : -1,
			   'pt_regs.eip = SYSENTER_RETURN (__kernel_vsyscall + 16)');
		} else {
			ok($regs{eip} > 0 && $regs{eip} < 0xc0000000,
			   sprintf('pt_regs.eip %#x: after the int $0x80, in user code', $regs{eip}));
		}
		my $target = sprintf('%08x', $sc);
		like($d, qr/^IDT\[0x80\]=32-Bit Trap Gate target=0x0060:0x\Q$target\E, DPL=3$/m,
		     'IDT[0x80]: a DPL 3 trap gate to system_call');
	});
}

done_testing();
