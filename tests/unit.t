#!/usr/bin/perl
# The in-kernel unit suites (test=all) under each system-call mechanism,
# booted directly with QEMU -kernel. Every guest TAP result becomes one
# host test named "<mechanism>: <suite>: <test>".
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Boot;

Boot::need('build/kernel.elf');

for my $mode (qw(int80 sysenter auto)) {
	my $r = Boot::qemu(append => "syscall=$mode test=all", timeout => 60);
	Boot::relay_tap($r, $mode);
	Boot::has($r, qr/^syscall: mechanism requested: \Q$mode\E$/m,
	     "$mode: the kernel took syscall=$mode");
}

done_testing();
