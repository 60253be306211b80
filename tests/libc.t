#!/usr/bin/perl
# The libc's self-tests (tests/user/libc_*.c), run on the host under
# qemu-i386, QEMU's Linux i386 user-mode emulator: it implements Linux's
# system-call ABI, so passing here shows the libc follows it. qemu-user
# maps no vDSO, so the libc takes its `int $0x80` path. It also emulates
# vfork with fork and refuses clone(CLONE_VM) without CLONE_THREAD:
# LIBC_TEST_QEMU_USER=1 lets libc_proc skip exactly those checks (they
# run on Linux and on our kernel).
#
# Each program prints its TAP as a subtest (lines indented by 4 spaces)
# and exits with its failure count; every program becomes one subtest
# here, with one result per guest result plus the exit status.
use strict;
use warnings;
use FindBin;
use File::Basename qw(basename);
use File::Temp qw(tempfile);
use Test::More;

chdir "$FindBin::Bin/.." or die "chdir: $!\n";

my ($qemu) = grep { -x } map { "$_/qemu-i386" } split /:/, $ENV{PATH} // '';
plan skip_all => 'qemu-i386 not found (package qemu-user; tools/install-deps.sh installs it)'
	unless $qemu;

my @progs = map { basename($_, '.c') } sort glob 'tests/user/libc_*.c';
plan skip_all => 'no tests/user/libc_*.c' unless @progs;

# Build them all in one make run (make -s: quiet unless something fails).
my @targets = map { "build/tests/user/$_" } @progs;
my $build = qx{make -s @targets 2>&1};
if ($? != 0) {
	diag($build);
	BAIL_OUT('building the libc tests failed');
}

# What a program must print besides its TAP (checked after the TAP).
my %extra = (
	# The last atexit handler's line is left in stdout's buffer.
	libc_exit => sub { like($_[0], qr/^    # flushed by exit\(\)$/m,
				'stdio buffers are flushed at exit') },
);

# Run one program under qemu-i386 with a timeout: (stdout, stderr, $?).
sub run {
	my ($prog) = @_;
	my ($efh, $efile) = tempfile(UNLINK => 1);
	local $ENV{LIBC_TEST_ENV} = 'hello';
	local $ENV{LIBC_TEST_QEMU_USER} = 1;
	my $out = qx{timeout 60 $qemu build/tests/user/$prog 2>$efile};
	my $status = $?;
	local $/;
	my $err = <$efh> // '';
	return ($out, $err, $status);
}

for my $prog (@progs) {
	my ($out, $err, $status) = run($prog);
	subtest "user: $prog" => sub {
		my ($planned, $count) = (undef, 0);
		for my $line (split /\n/, $out) {
			if ($line =~ /^    1\.\.(\d+)$/) {
				$planned = $1;
			} elsif ($line =~ /^    ok (\d+) # skip\s*(.*)$/i) {
				$count++;
				SKIP: { skip($2, 1) }
			} elsif ($line =~ /^    (not )?ok (\d+)(?: - (.*))?$/) {
				$count++;
				ok(!$1, $3 // "test $2");
			} elsif ($line =~ /^    #(.*)$/) {
				note($1);
			} else {
				fail("a TAP line: '$line'");
			}
		}
		ok(defined $planned, 'printed a plan');
		is($count, $planned // -1, 'ran as many tests as planned');
		$extra{$prog}->($out) if $extra{$prog};
		my $what = $status & 127 ? 'signal ' . ($status & 127)
			 : 'status ' . ($status >> 8);
		ok($status == 0, "exit status 0 ($what)");
		diag("stderr:\n$err") if $err ne '' && $status != 0;
	};
}

done_testing();
