#!/usr/bin/perl
# Turn the raw output of tools/bench-syscall.sh into one table, CSV, JSON,
# Markdown and charts (part of `make bench`; docs/benchmarks.md).
#
#   tools/bench-report.pl [DIR]          (default build/bench)
#
# Reads DIR/syscall-CLOCK-MODE.txt (the "bench:" lines /bench printed in
# one boot; CLOCK tcg, icount or bochs; MODE int80, sysenter or linux)
# and DIR/meta.txt (key=value facts about the run), prints the table and
# writes:
#
#   DIR/results.csv    one line per operation and clock: min, median
#                      and max per column, the two ratios
#   DIR/results.json   the same with the metadata, the method and the
#                      definitions of columns and ratios
#   DIR/results.md     the table in Markdown (what docs/benchmarks.md and
#                      README.md show)
#   DIR/getpid.svg     getpid by entry path, icount (gnuplot; a .png too)
#   DIR/ops.svg        the process operations, icount, log scale (.png too)
#
# The layout (docs/benchmarks.md explains it):
#   rows     one per operation; the three getpid rows are the three
#            instruction sequences in /bench (int $0x80 inline, the vDSO
#            call, sysenter inline), each measured in every boot
#   columns  this kernel booted syscall=int80, this kernel booted
#            syscall=sysenter, Linux 6.1 (whose vDSO uses sysenter here)
#   sysenter/int80  ours sysenter-boot / ours int80-boot, same row
#   ours/Linux      ours sysenter-boot / Linux: the same user code on both
#                   kernels, with the same mechanism in the vDSO
# Cells show, per call, the median batch for the counting clocks (icount,
# Bochs) and the fastest batch for TCG, whose host cycles only grow with
# host load (the CSV and JSON hold min, median and max of every cell).
# Nothing is hard-coded: a cell
# whose boot did not run or did not print the line stays empty.
#
# Core Perl only (JSON::PP); gnuplot for the charts (skipped with a note
# when it is missing).
use strict;
use warnings;
use utf8;
use JSON::PP;

my $dir = shift // 'build/bench';

my @clocks = (
	{ key => 'icount', name => 'icount', unit => 'guest instructions', stat => 'median',
	  what => 'QEMU -icount shift=0,sleep=off: rdtsc counts guest instructions' },
	{ key => 'tcg', name => 'TCG', unit => 'host cycles', stat => 'min',
	  what => 'QEMU plain TCG: rdtsc reads the host TSC' },
	{ key => 'bochs', name => 'Bochs', unit => 'Bochs ticks', stat => 'median',
	  what => 'Bochs, clock sync=none, ips=1e9: one tick per instruction (plus idle time)' },
);
my @cols = (
	{ key => 'ours_int80', mode => 'int80', name => 'ours int80',
	  legend => 'gate386, syscall=int80',
	  what => 'this kernel booted with syscall=int80 (its vDSO: int $0x80; ret)' },
	{ key => 'ours_sysenter', mode => 'sysenter', name => 'ours sysenter',
	  legend => 'gate386, syscall=sysenter',
	  what => 'this kernel booted with syscall=sysenter (its vDSO: sysenter)' },
	{ key => 'linux', mode => 'linux', name => 'Linux 6.1',
	  legend => 'Linux 6.1 686 (vDSO: sysenter)',
	  what => "Debian's Linux 6.1 686 kernel, same QEMU, same /bench as init (its vDSO: sysenter)" },
);
# Operation key, the name /bench prints, the name in the table, the
# name on a chart.
my @ops = (
	[ 'getpid_int80',    'getpid int $0x80',      'getpid, int $0x80 inline', 'int $0x80 inline' ],
	[ 'getpid_vdso',     'getpid call *%gs:0x10', 'getpid, vDSO call *%gs:0x10', 'vDSO: call *%gs:0x10' ],
	[ 'getpid_sysenter', 'getpid raw sysenter',   'getpid, raw sysenter inline', 'raw sysenter inline' ],
	[ 'fork_exit_wait',  'fork+exit+wait4',       'fork + exit + wait4', 'fork + exit\n+ wait4' ],
	[ 'vfork_exec_wait', 'vfork+execve+wait4',    'vfork + execve + exit + wait4', 'vfork + execve\n+ exit + wait4' ],
	[ 'fork_exec_wait',  'fork+execve+wait4',     'fork + execve + exit + wait4', 'fork + execve\n+ exit + wait4' ],
	[ 'thread',          'thread create+join',    'thread create + exit + join', 'thread create\n+ exit + join' ],
	[ 'pipe',            'pipe round trip',       'pipe round trip', 'pipe round trip\n(2 processes)' ],
	[ 'empty',           'empty loop',            '(empty measuring loop)', 'empty loop' ],
);
my %op_by_bench = map { $_->[1] => $_ } @ops;

# --- read -------------------------------------------------------------------

my %meta;
if (open(my $fh, '<', "$dir/meta.txt")) {
	while (<$fh>) {
		chomp;
		$meta{$1} = $2 if /^([\w.]+)=(.*)$/;
	}
}

# $cell{clock}{mode}{opkey} = { min, median, max, boots, batches, batch,
# warmup } or { skipped => reason }; $vdso{clock}{mode} = int80|sysenter|
# none. A file may hold several boots (the TCG rounds): then min is the
# least min, median the median of the boots' medians, max the largest.
my (%cell, %vdso, %ran, %started, %finished, $method);
for my $c (@clocks) {
	for my $col (@cols) {
		my $f = "$dir/syscall-$c->{key}-$col->{mode}.txt";
		open(my $fh, '<', $f) or next;
		$ran{$c->{key}}{$col->{mode}} = 1;
		my %seen;	# opkey => [per-boot results]
		while (<$fh>) {
			s/\r//g;
			if (/^bench: (.+?)\s+min\s+(\d+)\s+median\s+(\d+)\s+max\s+(\d+)\s+per call(?:\s+\((\d+) batches of (\d+) after (\d+) warm-up\))?/) {
				my $op = $op_by_bench{$1} or next;
				push @{ $seen{$op->[0]} }, {
					min => $2 + 0, median => $3 + 0, max => $4 + 0,
					defined $5 ? (batches => $5 + 0, batch => $6 + 0, warmup => $7 + 0) : () };
			} elsif (/^bench: (.+?)\s+skipped \((.*)\)\s*$/) {
				my $op = $op_by_bench{$1} or next;
				push @{ $seen{$op->[0]} }, { skipped => $2 };
			} elsif (/^bench: vDSO __kernel_vsyscall uses: (\S+)/) {
				$vdso{$c->{key}}{$col->{mode}} = $1;
			} elsif (/^bench: method: (.*)/) {
				$method //= $1;
				$started{$c->{key}}{$col->{mode}}++;
			} elsif (/^bench: done/) {
				$finished{$c->{key}}{$col->{mode}}++;
			}
		}
		for my $k (keys %seen) {
			my @m = grep { !$_->{skipped} } @{ $seen{$k} };
			if (!@m) {
				$cell{$c->{key}}{$col->{mode}}{$k} = $seen{$k}[0];
				next;
			}
			my @med = sort { $a <=> $b } map { $_->{median} } @m;
			$cell{$c->{key}}{$col->{mode}}{$k} = { %{ $m[0] },
				min => (sort { $a <=> $b } map { $_->{min} } @m)[0],
				max => (sort { $b <=> $a } map { $_->{max} } @m)[0],
				median => @med % 2 ? $med[$#med / 2]
					: int(($med[@med / 2 - 1] + $med[@med / 2]) / 2 + 0.5),
				boots => scalar @m };
		}
	}
}
my @clocks_run = grep { $ran{$_->{key}} } @clocks;
# Several boots of one kind (the TCG rounds): say how the cells combine them.
for my $c (@clocks_run) {
	my ($n) = sort { $b <=> $a } map { $_->{boots} // 1 }
		map { values %$_ } values %{ $cell{$c->{key}} };
	$c->{what} .= "; $n boots each (min: of all their batches, median: of their medians)" if $n && $n > 1;
}
die "bench-report: no $dir/syscall-*.txt: run tools/bench-syscall.sh\n" unless @clocks_run;

# Batch sizes as /bench printed them (the same program in every boot).
my %batching;
for my $c (@clocks_run) {
	for my $col (@cols) {
		for my $op (@ops) {
			my $v = $cell{$c->{key}}{$col->{mode}}{$op->[0]} or next;
			$batching{$op->[0]} //= $v if defined $v->{batches};
		}
	}
}

# --- derive -------------------------------------------------------------------

sub med { my $v = shift; return $v && defined $v->{median} ? $v->{median} : undef }
sub val { my ($v, $stat) = @_; return $v && defined $v->{$stat} ? $v->{$stat} : undef }
sub ratio {
	my ($a, $b) = @_;
	return undef unless defined $a && defined $b && $b > 0;
	return 0 + sprintf('%.2f', $a / $b);
}

my @rows;
for my $op (@ops) {
	for my $c (@clocks_run) {
		my %r = (key => $op->[0], operation => $op->[2], clock => $c->{key},
			 unit => $c->{unit});
		for my $col (@cols) {
			my $v = $cell{$c->{key}}{$col->{mode}}{$op->[0]};
			$r{$col->{key}} = $v ? { %$v } : undef;
			delete @{ $r{$col->{key}} }{qw(batches batch warmup)} if $v;
			$r{$col->{key}}{boots} //= 1 if $v && !$v->{skipped};
		}
		$r{statistic} = $c->{stat};
		my ($i, $s, $l) = map { val($r{$_->{key}}, $c->{stat}) } @cols;
		$r{sysenter_over_int80} = ratio($s, $i);
		$r{ours_over_linux} = ratio($s, $l);
		push @rows, \%r;
	}
}

# --- print --------------------------------------------------------------------

sub txt {	# a cell for the terminal
	my ($v, $stat) = @_;
	return '-' unless $v;
	return 'skipped' if $v->{skipped};
	return $v->{$stat};
}
sub rtxt { my $v = shift; return defined $v ? sprintf('%.2f', $v) : '-' }

my $fmt = "%-31s %-6s %11s %13s %11s %14s %10s\n";
print "\n";
print "per call; icount and Bochs: the median batch, TCG: the fastest batch\n";
printf $fmt, 'operation', 'clock', 'ours int80', 'ours sysenter',
	'Linux 6.1', 'sysenter/int80', 'ours/Linux';
my $last = '';
for my $r (@rows) {
	my ($c) = grep { $_->{key} eq $r->{clock} } @clocks;
	printf $fmt, $r->{operation} eq $last ? '' : $r->{operation}, $c->{name},
		(map { txt($r->{$_->{key}}, $r->{statistic}) } @cols),
		rtxt($r->{sysenter_over_int80}), rtxt($r->{ours_over_linux});
	$last = $r->{operation};
}
print "\n";
for my $c (@clocks_run) {
	printf "  %-6s %s, %s shown: %s\n", $c->{name}, $c->{unit}, $c->{stat}, $c->{what};
}
print "  columns: ours int80 / ours sysenter = this kernel booted with that syscall=;\n",
      "    Linux 6.1 = Debian's kernel, same QEMU, same /bench (Bochs: not run)\n",
      "  sysenter/int80 = ours sysenter / ours int80 (same row);",
      " ours/Linux = ours sysenter / Linux\n",
      "    (both vDSOs use sysenter: the same user code on both kernels)\n";
for my $c (@clocks_run) {
	my @k = map { "$_->{name}: " . ($vdso{$c->{key}}{$_->{mode}} // '-') }
		grep { $ran{$c->{key}}{$_->{mode}} } @cols;
	printf "  vDSO __kernel_vsyscall (%s boots): %s\n", $c->{name}, join(', ', @k);
}
# The getpid a C library makes (call *%gs:0x10) against int $0x80 inline.
for my $c (@clocks_run) {
	my %g = map { my $col = $_; $col->{key} => { map { $_ => val($cell{$c->{key}}{$col->{mode}}{$_}, $c->{stat}) } qw(getpid_int80 getpid_vdso) } } @cols;
	my @p;
	push @p, sprintf('ours %s int80-boot, %s sysenter-boot (x%s)',
			 $g{ours_int80}{getpid_vdso} // '-', $g{ours_sysenter}{getpid_vdso} // '-',
			 rtxt(ratio($g{ours_sysenter}{getpid_vdso}, $g{ours_int80}{getpid_vdso})));
	push @p, sprintf('Linux %s int $0x80, %s vDSO (x%s)',
			 $g{linux}{getpid_int80} // '-', $g{linux}{getpid_vdso} // '-',
			 rtxt(ratio($g{linux}{getpid_vdso}, $g{linux}{getpid_int80})))
		if $ran{$c->{key}}{linux};
	printf "  getpid through the vDSO vs int \$0x80 (%s): %s\n", $c->{name}, join('; ', @p);
}
for my $c (@clocks_run) {
	for my $col (@cols) {
		next unless $ran{$c->{key}}{$col->{mode}};
		my ($s, $d) = map { $_->{$c->{key}}{$col->{mode}} // 0 } \%started, \%finished;
		printf "  WARNING: %s %s: %d of %d boots printed 'bench: done' (see %s/log-%s-%s*.txt)\n",
			$c->{name}, $col->{name}, $d, $s || 1, $dir, $c->{key}, $col->{mode}
			if !$s || $d < $s;
	}
}
print "  method: $method\n" if $method;
print "  batches: ", join('; ', map {
	my $b = $batching{$_->[0]};
	$b ? "$_->[1] $b->{batches} x $b->{batch} (+$b->{warmup} warm-up)" : ();
} @ops), "\n";
print "  run: ", join(', ', map { "$_ $meta{$_}" } grep { defined $meta{$_} }
	qw(date git_commit)), ($meta{git_dirty} // '') eq 'yes' ? ' (uncommitted changes)' : '', "\n";
print "  $_\n" for grep { defined } @meta{qw(qemu bochs gcc linux)};

# --- CSV ------------------------------------------------------------------------

sub csvq { my $s = shift // ''; return $s =~ /[",\n]/ ? '"' . ($s =~ s/"/""/gr) . '"' : $s }
open(my $csv, '>', "$dir/results.csv") or die "$dir/results.csv: $!\n";
print $csv join(',', 'operation', 'clock', 'unit',
	(map { my $k = $_->{key}; map { "${k}_$_" } qw(min median max) } @cols),
	'sysenter_over_int80', 'ours_over_linux', 'note'), "\n";
for my $r (@rows) {
	my @note;
	my @f = ($r->{operation}, $r->{clock}, $r->{unit});
	for my $col (@cols) {
		my $v = $r->{$col->{key}};
		if ($v && $v->{skipped}) {
			push @note, "$col->{key} skipped: $v->{skipped}";
			$v = undef;
		}
		push @f, map { $v ? $v->{$_} : '' } qw(min median max);
	}
	push @f, map { defined $_ ? sprintf('%.2f', $_) : '' } $r->{sysenter_over_int80}, $r->{ours_over_linux};
	push @f, join('; ', @note);
	print $csv join(',', map { csvq($_) } @f), "\n";
}
close $csv;

# --- JSON -------------------------------------------------------------------------

my %json = (
	meta => { %meta, method => $method,
		  statistic => 'per call: batch time / batch size; min, median and max over the batches; each row says which one the table shows (statistic) and the ratios use' },
	clocks => { map { $_->{key} => { unit => $_->{unit}, what => $_->{what}, statistic => $_->{stat} } } @clocks_run },
	columns => { map { $_->{key} => $_->{what} } @cols },
	ratios => {
		sysenter_over_int80 => 'ours_sysenter / ours_int80, same row, the row\'s statistic',
		ours_over_linux => 'ours_sysenter / linux, same row, the row\'s statistic (both vDSOs use sysenter)',
	},
	vdso => { map { my $c = $_; $c => { map { $_->{key} => $vdso{$c}{$_->{mode}} } grep { $vdso{$c}{$_->{mode}} } @cols } } keys %vdso },
	batches => { map { $_->[0] => $batching{$_->[0]} } grep { $batching{$_->[0]} } @ops },
	rows => \@rows,
);
open(my $js, '>', "$dir/results.json") or die "$dir/results.json: $!\n";
print $js JSON::PP->new->pretty->canonical->encode(\%json);
close $js;

# --- Markdown ----------------------------------------------------------------------

sub group { my $n = shift; 1 while $n =~ s/^(\d+)(\d{3})/$1 $2/; return $n }
sub mdcell {
	my ($v, $stat) = @_;
	return '—' unless $v;
	return 'not allowed' if $v->{skipped};
	return group($v->{$stat});
}
sub mdr { my $v = shift; return defined $v ? sprintf('%.2f', $v) : '—' }
open(my $md, '>:utf8', "$dir/results.md") or die "$dir/results.md: $!\n";
print $md "| operation | clock | ours int80 | ours sysenter | Linux 6.1 | sysenter/int80 | ours/Linux |\n";
print $md "|---|---|---:|---:|---:|---:|---:|\n";
$last = '';
for my $r (@rows) {
	my ($c) = grep { $_->{key} eq $r->{clock} } @clocks;
	(my $op = $r->{operation}) =~ s/(int \$0x80|call \*%gs:0x10)/`$1`/g;
	print $md join(' | ', '', $r->{operation} eq $last ? '' : $op, $c->{name},
		(map { mdcell($r->{$_->{key}}, $r->{statistic}) } @cols),
		mdr($r->{sysenter_over_int80}), mdr($r->{ours_over_linux})) =~ s/^ //r, " |\n";
	$last = $r->{operation};
}
close $md;

# --- charts ------------------------------------------------------------------------

my $gnuplot = $ENV{GNUPLOT} || 'gnuplot';
if (system("command -v $gnuplot >/dev/null 2>&1") != 0) {
	print "  no gnuplot: charts skipped (tools/install-deps.sh installs gnuplot-nox)\n";
} elsif (!$ran{icount}) {
	print "  no icount runs: charts skipped\n";
} else {
	my $sub = join(', ', grep { $_ } ($meta{date} // '') =~ s/T.*//r,
		$meta{qemu} ? ($meta{qemu} =~ s/^QEMU emulator version (\S+).*/QEMU $1/r) . ' -icount shift=0' : undef,
		$meta{git_commit} ? 'commit ' . substr($meta{git_commit}, 0, 10) . (($meta{git_dirty} // '') eq 'yes' ? '+' : '') : undef,
		$meta{linux} ? 'Linux ' . ($meta{linux} =~ s/ .*//r) : undef);
	my @colors = ('#4C72B0', '#DD8452', '#55A868');
	chart('getpid', [ grep { $_->[0] =~ /^getpid/ } @ops ], 0,
	      "getpid: guest instructions per call, by entry path", $sub, \@colors);
	chart('ops', [ grep { $_->[0] !~ /^(getpid|empty)/ } @ops ], 1,
	      "process operations: guest instructions per operation (log scale)", $sub, \@colors);
	print "  charts: $dir/getpid.svg, $dir/ops.svg (and .png)\n";
}
print "  written: $dir/results.csv, $dir/results.json, $dir/results.md\n";

sub short {	# 113642 -> 114k, 1957 -> 1.96k
	my $n = shift;
	return $n if $n < 1000;
	return sprintf('%.1fk', $n / 1e3) if $n < 10000;
	return sprintf('%.0fk', $n / 1e3) if $n < 1e6;
	return sprintf('%.2fM', $n / 1e6);
}

sub chart {
	my ($name, $ops, $log, $title, $sub, $colors) = @_;
	my $w = 0.27;
	my $top = 0;
	open(my $d, '>', "$dir/$name.dat") or die "$dir/$name.dat: $!\n";
	for my $ci (0 .. $#cols) {
		my $col = $cols[$ci];
		print $d "# $col->{name}\n";
		for my $oi (0 .. $#$ops) {
			my $x = $oi + ($ci - 1) * $w;
			my $v = $cell{icount}{$col->{mode}}{ $ops->[$oi][0] };
			if ($v && defined $v->{median}) {
				$top = $v->{median} if $v->{median} > $top;
				printf $d "%.3f %d \"%s\"\n", $x, $v->{median},
					$log ? short($v->{median}) : $v->{median};
			} else {
				# Nothing measured: an empty bar, a word on the axis.
				printf $d "%.3f %s \"%s\"\n", $x, $log ? 1000 : 0,
					$v && $v->{skipped} ? 'n/a' : 'not run';
			}
		}
		print $d "\n\n";
	}
	close $d;
	# Tic labels are formats to gnuplot: % doubled.
	my $xtics = join(', ', map { sprintf('"%s" %d', $ops->[$_][3] =~ s/%/%%/gr, $_) } 0 .. $#$ops);
	my @plot;
	for my $ci (0 .. $#cols) {
		push @plot, sprintf(q{'%s' index %d using 1:2 with boxes lc rgb '%s' title '%s'},
			"$dir/$name.dat", $ci, $colors->[$ci], $cols[$ci]{legend});
		push @plot, sprintf(q{'' index %d using 1:2:3 with labels offset 0,0.6 font ',%d' notitle}, $ci, $log ? 9 : 10);
	}
	my $ylabel = $log ? 'instructions (log scale)' : 'instructions per call';
	# Room above the tallest bar for its label; the key goes below.
	my $yr = $log ? sprintf("set logscale y\nset yrange [1000:%d]\nset format y '%%.0s%%c'", $top * 2)
		: sprintf('set yrange [0:%d]', $top * 1.12 + 1);
	# Two-line tic labels on the operations chart need more room.
	my $bm = $log ? 6.5 : 5;
	my $body = <<"EOF";
set title "$title\\n$sub" font 'sans,13'
set style fill solid 0.9 border lc rgb '#333333'
set boxwidth $w
set xtics ($xtics) scale 0
set xrange [-0.6:@{[ $#$ops + 0.6 ]}]
$yr
set ylabel '$ylabel'
set grid ytics lc rgb '#dddddd'
set key below horizontal reverse Left samplen 2 maxcols 3
set bmargin $bm
set border 3
set tics nomirror
plot @{[ join(", \\\n     ", @plot) ]}
EOF
	# SVG for the documents, PNG for viewers without SVG.
	for my $t ("svg size 820,460 dynamic noenhanced font 'sans,12' background rgb 'white'",
		   "pngcairo size 820,460 noenhanced font 'sans,10' background rgb 'white'") {
		my $ext = $t =~ /^svg/ ? 'svg' : 'png';
		open(my $g, '|-', $gnuplot) or die "gnuplot: $!\n";
		print $g "set terminal $t\nset output '$dir/$name.$ext'\n$body";
		close $g or warn "bench-report: gnuplot failed for $name.$ext\n";
	}
}
