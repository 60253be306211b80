package Boot;
# Boot the kernel in an emulator from a test script and judge the result.
#
#   use FindBin; use lib "$FindBin::Bin/lib";
#   use Test::More; use Boot;
#
#   my $r = Boot::qemu(append => 'syscall=int80 test=all');
#   Boot::relay_tap($r, 'int80');          # one ok() per guest TAP line
#
#   Boot::check(Boot::qemu(append => 'foo', stop_at => Boot::READY),
#               'unknown key', sub { my $r = shift; like(...) });
#
# Every boot runs under a wall-clock timeout and in its own scratch
# directory, so scripts may run in parallel (prove -j). A boot returns a
# hash: log (serial output, "\r\n" turned into "\n"), status (exit code,
# undef if killed), signal, timed_out, stopped (stop_at matched and the
# emulator was killed on purpose), elapsed and t_stop (seconds), cmd, and
# stderr. Whatever goes wrong (timeout, panic, wrong exit code, missing
# TAP), the checks fail and the whole serial log is printed with diag().
#
# Core Perl modules only.
use strict;
use warnings;
use Cwd qw(abs_path);
use File::Basename qw(dirname);
use File::Temp qw(tempdir);
use POSIX qw(:sys_wait_h setsid);
use Time::HiRes qw(time sleep);
use Test::More ();

our $ROOT  = abs_path(dirname(__FILE__) . '/../..');
our $BUILD = "$ROOT/build";

# The initramfs the build makes (user/build.mk), handed to the kernel as
# its first multiboot module whenever it exists.
our $INITRAMFS = "$BUILD/initramfs.cpio";
sub initramfs { return -e $INITRAMFS ? $INITRAMFS : undef }

# The kernel's "boot finished" line (pr_notice in kernel/main.c).
use constant READY => qr/^kernel: ready$/m;

my %live;	# pid => its stop signal, for emulators still running (killed at exit)

# --- exit codes ------------------------------------------------------------

my %exit_code;

# QEMU's exit status for TEST_EXIT_PASS / TEST_EXIT_FAIL, read from
# include/asm/power.h: isa-debug-exit turns a write of v into (v<<1)|1.
sub exit_code {
	my ($which) = @_;	# 'pass' or 'fail'
	unless (%exit_code) {
		my $h = "$ROOT/include/asm/power.h";
		open(my $fh, '<', $h) or die "Boot: $h: $!\n";
		while (<$fh>) {
			my ($name, $val) = /^\s*#\s*define\s+TEST_EXIT_(PASS|FAIL)\s+(0[xX][0-9a-fA-F]+|\d+)\b/
				or next;
			my $v = $val =~ /^0[xX]/ ? hex($val) : $val + 0;
			$exit_code{lc $name} = (($v << 1) | 1) & 0xff;
		}
		die "Boot: no TEST_EXIT_PASS/TEST_EXIT_FAIL in $h\n"
			unless defined $exit_code{pass} && defined $exit_code{fail};
	}
	return $exit_code{$which};
}
sub PASS { exit_code('pass') }
sub FAIL { exit_code('fail') }

# --- build products ----------------------------------------------------------

# Stop the whole script early if the build is missing: every test would
# fail for the same reason.
sub need {
	for my $f (@_) {
		my $p = $f =~ m{^/} ? $f : "$ROOT/$f";
		Test::More::BAIL_OUT("$f is missing: run 'make' first") unless -e $p;
	}
}

# Scratch directory for one script, removed at exit unless KEEP_TMP=1.
my $scratch;
sub scratch {
	$scratch //= tempdir('boot-test.XXXXXX', TMPDIR => 1,
			     CLEANUP => !$ENV{KEEP_TMP});
	return $scratch;
}

# Symbol table of build/kernel.sym: sorted [addr, name] pairs.
my @syms;
sub symbols {
	unless (@syms) {
		open(my $fh, '<', "$BUILD/kernel.sym")
			or die "Boot: $BUILD/kernel.sym: $!\n";
		while (<$fh>) {
			push @syms, [hex($1), $2] if /^([0-9a-fA-F]+)\s+(\S+)/;
		}
		@syms = sort { $a->[0] <=> $b->[0] } @syms;
	}
	return @syms;
}

# Name and start address of the symbol containing addr (by kernel.sym).
sub symbol_at {
	my ($addr) = @_;
	my @s = symbols();
	my ($lo, $hi) = (0, $#s);
	return unless @s && $addr >= $s[0][0];
	while ($lo < $hi) {
		my $mid = int(($lo + $hi + 1) / 2);
		if ($s[$mid][0] <= $addr) { $lo = $mid } else { $hi = $mid - 1 }
	}
	return ($s[$lo][1], $s[$lo][0]);
}

# Is "name+off" a right name for addr? True if kernel.sym has name at
# addr - off and no other symbol starts after it and at or before addr
# (so aliases at the same address all count as right).
sub symbol_is {
	my ($addr, $name, $off) = @_;
	my @s = symbols();
	for my $i (0 .. $#s) {
		next unless $s[$i][1] eq $name && $s[$i][0] + $off == $addr;
		my $j = $i + 1;
		$j++ while $j <= $#s && $s[$j][0] == $s[$i][0];
		return 1 if $j > $#s || $s[$j][0] > $addr;
	}
	return 0;
}

sub symbol_addr {
	my ($name) = @_;
	for (symbols()) { return $_->[0] if $_->[1] eq $name }
	return;
}

# --- running an emulator -------------------------------------------------------

# Stop an emulator and reap it: its stop signal (TERM unless the caller
# said otherwise), then KILL if it is still there after 2 s. Bochs with
# its debugger takes SIGTERM as a break into the debugger and keeps
# running, so bochs() asks for KILL at once. Returns the wait status.
sub _kill {
	my ($pid) = @_;
	return unless $live{$pid};
	kill $live{$pid}, $pid;
	for (1 .. 40) {
		if (waitpid($pid, WNOHANG) == $pid) {
			delete $live{$pid};
			return $?;
		}
		sleep 0.05;
	}
	kill 'KILL', $pid;
	waitpid($pid, 0);
	delete $live{$pid};
	return $?;
}

END {
	my $keep = $?;
	_kill($_) for keys %live;
	$? = $keep;
}
$SIG{INT} = $SIG{TERM} = sub { _kill($_) for keys %live; exit 1; };

sub _slurp {
	my ($f) = @_;
	open(my $fh, '<:raw', $f) or return '';
	local $/;
	my $s = <$fh>;
	return $s // '';
}

# After one boot of a script has timed out (the script fails anyway),
# the later ones get at most this long: a kernel that hangs every boot
# must not hold `make test` for many minutes.
our $TIMEOUT_AFTER_HANG = 10;
my $hung;

# run(cmd => [...], %opt): start an emulator, follow its serial output
# as it comes, and stop it. Options:
#   serial   => 'stdout' (default: the program's stdout is the serial
#               line) or a file the program writes COM1 to
#   stdout   => file for the program's stdout when serial is a file
#   input    => true: a pipe on its stdin (for send); else /dev/null
#   send     => [[qr/after this/, "keys"], ...]: once the log matches
#               the pattern (searched after the previous match), write
#               the keys to its stdin
#   stop_at  => qr//: kill it once the log matches (stopped => 1;
#               t_stop: seconds from the start to the match)
#   linger   => seconds to keep reading after stop_at matched (default 0)
#   timeout  => seconds (default 60): then kill it, timed_out => 1
#   env      => {VAR => value}
#   kill_signal => the signal that stops it (default TERM, then KILL)
sub run {
	my (%o) = @_;
	my $dir = scratch();
	my $timeout = $o{timeout} // 60;
	$timeout = $TIMEOUT_AFTER_HANG if $hung && $timeout > $TIMEOUT_AFTER_HANG;
	my $errfile = File::Temp->new(DIR => $dir, SUFFIX => '.err');
	my $serial_file = $o{serial} && $o{serial} ne 'stdout' ? $o{serial} : undef;
	unlink $serial_file if $serial_file;

	my ($out_r, $out_w, $in_r, $in_w);
	pipe($out_r, $out_w) or die "pipe: $!";
	if ($o{input}) { pipe($in_r, $in_w) or die "pipe: $!"; }

	my $t0 = time;
	my $pid = fork() // die "fork: $!";
	if (!$pid) {
		# A session of its own: no controlling terminal (as under
		# CI), and a Ctrl-C on the user's terminal reaches prove and
		# this library, which then stops the emulator.
		setsid();
		if ($in_r) { open(STDIN, '<&', $in_r) or POSIX::_exit(127); }
		else { open(STDIN, '<', '/dev/null') or POSIX::_exit(127); }
		if ($serial_file && $o{stdout}) {
			open(STDOUT, '>', $o{stdout}) or POSIX::_exit(127);
		} else {
			open(STDOUT, '>&', $out_w) or POSIX::_exit(127);
		}
		open(STDERR, '>', $errfile->filename) or POSIX::_exit(127);
		$ENV{$_} = $o{env}{$_} for keys %{ $o{env} || {} };
		{ no warnings "exec"; exec { $o{cmd}[0] } @{ $o{cmd} }; }
		print STDERR "exec $o{cmd}[0]: $!\n";
		POSIX::_exit(127);
	}
	$live{$pid} = $o{kill_signal} || 'TERM';
	close $out_w;
	close $in_r if $in_r;

	my %r = (cmd => join(' ', map { /[\s"'|;&<>]/ ? "'$_'" : $_ } @{ $o{cmd} }),
		 log => '', timed_out => 0, stopped => 0);
	my @send = @{ $o{send} || [] };
	my ($raw, $file_pos, $send_from, $exited, $status) = ('', 0, 0, 0);
	my $out_open = 1;

	while (1) {
		# Take what arrived since the last round (20 ms at most).
		if ($out_open) {
			my $rin = '';
			vec($rin, fileno($out_r), 1) = 1;
			if (select(my $rout = $rin, undef, undef, 0.02) > 0) {
				my $got = sysread($out_r, my $buf, 65536);
				if ($got) { $raw .= $buf unless $serial_file; }
				else { close $out_r; $out_open = 0; }
			}
		} else {
			sleep 0.02;
		}
		if ($serial_file && open(my $fh, '<:raw', $serial_file)) {
			seek($fh, $file_pos, 0);
			local $/;
			my $more = <$fh>;
			if (defined $more) { $raw .= $more; $file_pos += length $more; }
		}
		($r{log} = $raw) =~ s/\r\n?/\n/g;

		while (@send && substr($r{log}, $send_from) =~ $send[0][0]) {
			$send_from += $+[0];
			my $keys = (shift @send)->[1];
			local $SIG{PIPE} = 'IGNORE';
			syswrite($in_w, $keys) if $in_w;
		}
		if (!$exited && $o{stop_at} && !defined $r{t_stop} &&
		    $r{log} =~ $o{stop_at}) {
			$r{t_stop} = time - $t0;
		}
		if (!$exited && defined $r{t_stop} &&
		    time - $t0 >= $r{t_stop} + ($o{linger} // 0)) {
			$r{stopped} = 1;
			$status = _kill($pid);
			last;
		}
		if (!$exited && waitpid($pid, WNOHANG) == $pid) {
			$status = $?;
			delete $live{$pid};
			$exited = time;
		}
		if ($exited) {
			# Drain what is still in the pipe, then stop.
			last if !$out_open || time - $exited > 2;
			next;
		}
		if (time - $t0 > $timeout) {
			$r{timed_out} = 1;
			Test::More::diag("a boot timed out: later boots of this script get $TIMEOUT_AFTER_HANG s")
				unless $hung++;
			$status = _kill($pid);
			last;
		}
	}
	$r{elapsed} = time - $t0;
	# The serial file as the emulator left it.
	if ($serial_file) {
		$raw = _slurp($serial_file);
		($r{log} = $raw) =~ s/\r\n?/\n/g;
	}
	close $out_r if $out_open;
	close $in_w if $in_w;
	$r{raw} = $raw;
	if (!$r{stopped} && !$r{timed_out} && defined $status) {
		$r{signal} = $status & 127;
		$r{status} = $r{signal} ? undef : $status >> 8;
	}
	$r{stderr} = _slurp($errfile->filename);
	return \%r;
}

# The QEMU command used by qemu() (also printed in failure reports).
sub qemu_cmd {
	my (%o) = @_;
	my @cmd = ($ENV{QEMU} || 'qemu-system-i386',
		   '-m', $o{memory} // '128M', '-display', 'none',
		   '-monitor', 'none', '-serial', 'stdio', '-no-reboot',
		   '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04');
	if ($o{cdrom}) {
		push @cmd, '-cdrom', $o{cdrom}, '-boot', 'd';
	} else {
		push @cmd, '-kernel', $o{kernel} // "$BUILD/kernel.elf";
		my $initrd = exists $o{initrd} ? $o{initrd} : initramfs();
		push @cmd, '-initrd', $initrd if defined $initrd && length $initrd;
		push @cmd, '-append', $o{append} if defined $o{append};
	}
	push @cmd, @{ $o{extra} || [] };
	push @cmd, split(' ', $ENV{QEMU_EXTRA}) if $ENV{QEMU_EXTRA};
	return @cmd;
}

# Boot QEMU headless. kernel => ELF (default build/kernel.elf) with
# append => "command line" (omitted: no -append at all) and initrd =>
# file ('' for none; default build/initramfs.cpio if built), or
# cdrom => ISO.
# Other options as for run(). The serial line is QEMU's stdout.
sub qemu {
	my (%o) = @_;
	return run(%o, cmd => [qemu_cmd(%o)], input => !!$o{send});
}

# Bochs headless on an ISO: tools/bochsrc with the display on a dumb
# terminal, COM1 to a file. rc => debugger commands (a quit is added at
# the end); without rc the script is "c" then "quit": run until the
# guest powers off, or until stop_at/timeout. Extra results: out (Bochs's
# stdout: port 0xE9 text and debugger output), dbglog (the debugger
# transcript), bochslog (Bochs's own log).
sub bochs {
	my (%o) = @_;
	my $dir = tempdir('bochs.XXXXXX', DIR => scratch(), CLEANUP => 0);
	my $rc = $o{rc} // "c\n";
	$rc .= "\nquit\n" unless $rc =~ /^\s*quit\s*$/m;
	open(my $fh, '>', "$dir/cmds.rc") or die "$dir/cmds.rc: $!";
	print $fh $rc;
	close $fh;
	my $r = run(%o,
		cmd => [$ENV{BOCHS} || 'bochs', '-q', '-f', "$ROOT/tools/bochsrc",
			'-rc', "$dir/cmds.rc", '-dbglog', "$dir/dbg.txt",
			@{ $o{extra} || [] }],
		serial => "$dir/com1.txt",
		stdout => "$dir/stdout.txt",
		timeout => $o{timeout} // 120,
		kill_signal => 'KILL',
		env => {
			TERM => 'dumb',
			BOCHS_ISO => $o{cdrom} // "$BUILD/os.iso",
			BOCHS_SERIAL => "$dir/com1.txt",
			BOCHS_LOG => "$dir/bochs.log",
			%{ $o{env} || {} },
		});
	$r->{out} = _slurp("$dir/stdout.txt");
	$r->{dbglog} = _slurp("$dir/dbg.txt");
	$r->{bochslog} = _slurp("$dir/bochs.log");
	$r->{dir} = $dir;
	return $r;
}

# A GRUB legacy ISO with its own menu.lst (text), built by tools/mkiso.sh
# in the scratch directory (with build/initramfs.cpio if the menu loads
# it). Returns its path.
sub make_iso {
	my ($menu, $name) = @_;
	$name //= 'test';
	my $dir = scratch();
	open(my $fh, '>', "$dir/$name.lst") or die "$dir/$name.lst: $!";
	print $fh $menu;
	close $fh;
	system("$ROOT/tools/mkiso.sh", "$dir/$name.iso", "$BUILD/kernel.elf",
	       "$dir/$name.lst") == 0 or die "mkiso.sh failed\n";
	return "$dir/$name.iso";
}

# A menu.lst that boots one kernel command line at once, on COM1, with
# the initramfs as module if it is built.
sub menu_for {
	my ($args) = @_;
	my $module = initramfs() ? "\tmodule /boot/initramfs.cpio\n" : '';
	return <<"EOF";
serial --unit=0 --speed=115200
terminal --timeout=0 serial console
default 0
timeout 0
title test
	kernel /boot/kernel.elf $args
$module
EOF
}

# --- judging -------------------------------------------------------------------

# Print everything we know about a boot, for a failed check.
sub dump_log {
	my ($r, $what) = @_;
	$what //= 'boot';
	my $how = $r->{timed_out} ? sprintf('TIMEOUT after %.1f s', $r->{elapsed})
		: $r->{stopped} ? sprintf('stopped by the harness after %.1f s', $r->{elapsed})
		: defined $r->{status} ? sprintf('exit status %d after %.1f s', $r->{status}, $r->{elapsed})
		: sprintf('killed by signal %d after %.1f s', $r->{signal} // -1, $r->{elapsed});
	my $log = $r->{log};
	# GRUB's menu is drawn with VT100 sequences: keep the text only.
	$log =~ s/\e\[\d*;?\d*H/\n/g;
	$log =~ s/\e\[[0-9;]*[A-Za-z]//g;
	$log =~ s/\n\s*\n/\n/g;
	$log =~ s/[^\n\t\x20-\x7e]//g;
	my $msg = "---- $what: $how\n---- command: $r->{cmd}\n";
	# Bochs lists every plugin it loads: keep the rest.
	my $err = join '', grep { !/lt_dlhandle|loaded plugin|not set\. using/ }
		split /^/, $r->{stderr} // '';
	$msg .= "---- stderr:\n$err" if $err =~ /\S/;
	$msg .= "---- serial log:\n$log";
	$msg .= "\n" unless $msg =~ /\n\z/;
	if (defined $r->{dbglog} && $r->{dbglog} =~ /\S/) {
		$msg .= "---- Bochs debugger transcript:\n$r->{dbglog}";
		$msg .= "\n" unless $msg =~ /\n\z/;
	}
	$msg .= "---- end of $what\n";
	Test::More::diag($msg);
}

# like()/unlike() on the serial log, without printing the whole log
# at each failure (check() and relay_tap() print it once).
sub has {
	my ($r, $re, $name) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	return Test::More::ok($r->{log} =~ $re, $name)
		|| Test::More::diag("no line matches $re");
}

sub hasnt {
	my ($r, $re, $name) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	return 1 if Test::More::ok($r->{log} !~ $re, $name);
	my ($line) = $r->{log} =~ /^(.*$re.*)$/m;
	Test::More::diag("unwanted line: " . ($line // $&));
	return 0;
}

# Run the checks of one boot as a subtest; if any fails, print the log.
# Unless the boot is expected to be stopped at a line (stop_at) or to
# exit, a timeout is a failure on its own.
sub check {
	my ($r, $name, $checks) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my $ok = Test::More::subtest($name => sub {
		Test::More::ok(!$r->{timed_out}, 'no timeout')
			or Test::More::diag(sprintf('no end within %.0f s', $r->{elapsed}));
		$checks->($r);
	});
	dump_log($r, $name) unless $ok;
	return $ok;
}

# Relay the guest's TAP as host tests, names prefixed with "$prefix: ".
# One ok() per guest "ok"/"not ok" line (with the guest's "#" lines
# before it as diag on failure), then: the plan count was run, no panic,
# the guest's summary agrees, and the boot ended with the pass code
# (exit => 'qemu', the default) or with a power-off through the Bochs
# shutdown port (exit => 'bochs'). On any failure the whole serial log
# is printed, unless dump => 0 (the caller prints it, e.g. via check()).
sub relay_tap {
	my ($r, $prefix, %o) = @_;
	my $exit = $o{exit} // 'qemu';
	# Report failures at the caller's line, not inside this library.
	local $Test::Builder::Level = $Test::Builder::Level + 2;
	my $all_ok = 1;
	my $ok = sub { my ($c, $n) = @_; Test::More::ok($c, "$prefix: $n") or $all_ok = 0; $c };

	my @lines = split /\n/, $r->{log};
	my ($start) = grep { $lines[$_] =~ /^TAP version \d+\s*$/ } 0 .. $#lines;
	$ok->(!$r->{timed_out}, 'boot ended before the timeout')
		or Test::More::diag(sprintf('%s: no end within %.0f s', $prefix, $r->{elapsed}));
	if ($ok->(defined $start, 'guest printed "TAP version"')) {
		my ($plan, $summary, @diag);
		my $count = 0;
		for my $l (@lines[$start + 1 .. $#lines]) {
			if ($l =~ /^1\.\.(\d+)\s*$/) {
				$plan //= $1;
			} elsif ($l =~ /^(not )?ok\s+(\d+)\s*(?:-\s*)?(.*?)\s*$/) {
				my ($fail, $num, $desc) = ($1, $2, $3);
				$count++;
				$desc .= " (guest test $num, expected $count)" if $num != $count;
				if ($desc =~ s/\s*#\s*skip\b\s*(.*)$//i) {
					Test::More->builder->skip("$prefix: $desc: $1");
				} else {
					$ok->(!$fail && $num == $count, $desc)
						or Test::More::diag(join("\n", @diag) || 'no diagnostics from the guest');
				}
				@diag = ();
			} elsif ($l =~ /^#\s*(\d+) passed, (\d+) failed/) {
				$summary = [$1, $2];
			} elsif ($l =~ /^#/) {
				push @diag, $l;
			}
		}
		if ($ok->(defined $plan, 'guest printed a plan (1..N)')) {
			$ok->($plan > 0, "guest planned some tests ($plan)");
			$ok->($count == $plan, "guest ran all planned tests ($count of $plan)");
		}
		if (@diag) {
			# '#' lines after the last result: usually a crash.
			Test::More::diag("$prefix: guest output after its last test:\n" . join("\n", @diag));
		}
		$ok->(defined $summary, 'guest printed its "# X passed, Y failed" summary');
	}
	$ok->($r->{log} !~ /Kernel panic/, 'no kernel panic');
	if ($exit eq 'qemu') {
		my $st = $r->{status};
		$ok->(defined $st && $st == PASS(),
		      sprintf('exit status is the pass code %d (got %s)', PASS(), $st // 'none'));
		Test::More::diag("$prefix: status 0 is a triple fault (QEMU -no-reboot) or a power-off, not a verdict")
			if defined $st && $st == 0;
	} elsif ($exit eq 'bochs') {
		# Bochs says so on stderr when the guest writes "Shutdown"
		# to port 0x8900 (its exit status is 1 either way).
		$ok->(!$r->{timed_out} && !$r->{stopped} &&
		      $r->{stderr} =~ /Shutdown port: shutdown requested/,
		      'guest shut Bochs down through port 0x8900');
	}
	dump_log($r, $prefix) unless $all_ok || defined $o{dump} && !$o{dump};
	return $all_ok;
}

1;
