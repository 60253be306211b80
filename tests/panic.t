#!/usr/bin/perl
# Deliberate kernel crashes (test=crash-NAME, tests/kernel/test_crash.c)
# must be reported in full: the panic message, a register dump, and a
# call trace whose frames are named correctly by the kernel's symbol
# table; then the run ends with the fail code. These tests pass when the
# crash is reported as it should be.
#
# Every KTEST_CRASH found in build/kernel.sym (symbols __ktest_crash_*)
# gets the common checks; panic and pagefault must exist and get more.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Boot;

Boot::need('build/kernel.elf', 'build/kernel.sym');

my %crash = map { $_->[1] =~ /^__ktest_crash_(\w+)$/ ? ($1 => 1) : () } Boot::symbols();
ok($crash{$_}, "crash test '$_' is built in") for qw(panic pagefault);

my $HEX = qr/[0-9a-f]{8}/;

# Check a "Call Trace:" (and the symbolized EIP line): every frame's
# name+offset must be what build/kernel.sym says of its address.
# Returns the frame names, innermost first.
sub check_trace {
	my ($r) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my ($trace) = $r->{log} =~ /^Call Trace:\n((?: \[<$HEX>\] .*\n)+)/m;
	ok(defined $trace, 'Call Trace: with frames') or return;
	my (@names, @bad);
	for my $f ($trace =~ /^( \[<$HEX>\] .*)$/mg) {
		my ($addr, $sym) = $f =~ /\[<($HEX)>\] (.*)$/;
		my ($name, $off) = $sym =~ /^(\S+)\+0x([0-9a-f]+)$/;
		unless (defined $name && Boot::symbol_is(hex $addr, $name, hex $off)) {
			my ($want, $start) = Boot::symbol_at(hex $addr);
			my $expect = defined $want ? sprintf('%s+0x%x', $want, hex($addr) - $start) : '?';
			push @bad, "$addr: kernel says '$sym', kernel.sym says '$expect'";
		}
		push @names, $sym =~ /^([^+]+)/;
	}
	ok(!@bad, 'every frame symbolized as kernel.sym says (name+offset)')
		or diag(join "\n", @bad);
	ok(@names >= 2, 'at least two frames (' . scalar(@names) . ')');
	if (my ($eip, $name, $off) = $r->{log} =~ /^EIP: \[<($HEX)>\] (\S+)\+0x([0-9a-f]+)$/m) {
		ok(Boot::symbol_is(hex $eip, $name, hex $off), 'EIP symbolized as kernel.sym says')
			or diag("EIP $eip: kernel says $name+0x$off, kernel.sym says " .
				join('+', Boot::symbol_at(hex $eip)));
	} else {
		fail('EIP: [<addr>] symbol line');
	}
	return @names;
}

# Are the wanted names in @names, in this order (not necessarily adjacent)?
sub in_order {
	my ($names, @want) = @_;
	my $i = 0;
	for (@$names) { $i++ if $i < @want && $_ eq $want[$i] }
	return $i == @want;
}

sub common_checks {
	my ($r, $name) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	is($r->{status}, Boot::FAIL, 'exit status is the fail code ' . Boot::FAIL);
	Boot::has($r, qr/^TAP version 13\n1\.\.1$/m, 'TAP header, plan 1..1');
	Boot::hasnt($r, qr/^(not )?ok 1\b/m, 'no result line: the kernel went down first');
	Boot::has($r, qr/^Kernel panic - not syncing: \S/m, 'panic message');
	Boot::has($r, qr/^EIP: [0-9a-f]{4}:$HEX EFLAGS: $HEX$/m, 'EIP and EFLAGS');
	Boot::has($r, qr/^EAX: $HEX EBX: $HEX ECX: $HEX EDX: $HEX$/m, 'EAX..EDX');
	Boot::has($r, qr/^ESI: $HEX EDI: $HEX EBP: $HEX ESP: $HEX$/m, 'ESI..ESP');
	Boot::has($r, qr/^DS: [0-9a-f]{4} ES: [0-9a-f]{4} .*SS: [0-9a-f]{4}/m, 'segment registers');
	Boot::has($r, qr/^CR0: $HEX CR2: $HEX CR3: $HEX CR4: $HEX$/m, 'control registers');
	Boot::has($r, qr/^---\[ end Kernel panic \]---$/m, 'end marker');
	my @names = check_trace($r);
	ok(in_order(\@names, "ktest_crash_$name", 'ktest_run_selected', 'start_kernel'),
	   "trace goes ktest_crash_$name -> ktest_run_selected -> start_kernel")
		or diag("frames: @names");
	return @names;
}

Boot::check(Boot::qemu(append => 'test=crash-panic', timeout => 30), 'crash-panic', sub {
	my $r = shift;
	Boot::has($r, qr/^Kernel panic - not syncing: deliberate panic from test=crash-panic$/m,
		  'the panic() message');
	my @names = common_checks($r, 'panic');
	ok(in_order(\@names, 'crash_inner', 'crash_outer', 'ktest_crash_panic'),
	   'inner frames crash_inner -> crash_outer -> ktest_crash_panic')
		or diag("frames: @names");
});

Boot::check(Boot::qemu(append => 'test=crash-pagefault', timeout => 30), 'crash-pagefault', sub {
	my $r = shift;
	# The test writes through a pointer holding 0x10.
	Boot::has($r, qr/^BUG: unable to handle kernel NULL pointer dereference at 00000010$/m,
		  'NULL dereference reported with the address');
	Boot::has($r, qr/^CR2: 00000010$/m, 'CR2 line with the faulting address');
	Boot::has($r, qr/^CR0: $HEX CR2: 00000010 /m, 'CR2 in the register dump');
	Boot::has($r, qr/^#PF: error_code\(0x0*2\): not-present page, write, kernel mode$/m,
		  'error code 2 decoded: not-present, write, kernel mode');
	Boot::has($r, qr/^Kernel panic - not syncing: page fault: 0*2 \[trap 14\] in kernel mode$/m,
		  'panic names the page fault');
	Boot::has($r, qr/^EIP: \[<$HEX>\] ktest_crash_pagefault\+0x[0-9a-f]+$/m,
		  'faulting EIP in ktest_crash_pagefault');
	common_checks($r, 'pagefault');
});

# Any other crash test gets the common checks.
for my $name (sort grep { !/^(panic|pagefault)$/ } keys %crash) {
	Boot::check(Boot::qemu(append => "test=crash-$name", timeout => 30), "crash-$name", sub {
		common_checks(shift, $name);
	});
}

done_testing();
