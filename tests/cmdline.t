#!/usr/bin/perl
# Bad or unusual kernel command lines must not stop the boot: each one
# costs a warning naming the word, and the boot still reaches "kernel:
# ready" or runs the selected tests to a pass. Boots QEMU -kernel.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Boot;

Boot::need('build/kernel.elf');

my $kernel = "$Boot::BUILD/kernel.elf";
my $READY = Boot::READY;

# Boot to "kernel: ready" and stop there (linger: keep reading a little,
# to see what the kernel does after it, e.g. no tests).
sub boot_ready {
	my ($append, %o) = @_;
	return Boot::qemu(append => $append, stop_at => $READY, timeout => 30, %o);
}

sub no_warning_about {
	my ($r, $word, $name) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	Boot::hasnt($r, qr/^cmdline: .*'\Q$word\E'/m, $name // "no warning about '$word'");
}

sub reached_ready {
	my ($r) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	ok(defined $r->{t_stop}, 'boot reached "kernel: ready"');
	# What runs after ready (init) is not this script's business.
	my ($before) = $r->{log} =~ /\A(.*?)^kernel: ready$/ms;
	ok(defined $before && $before !~ /Kernel panic/, 'no panic before ready');
}

sub tap_passed {
	my ($r) = @_;
	Boot::has($r, qr/^TAP version 13$/m, 'TAP header');
	Boot::has($r, qr/^# \d+ passed, 0 failed$/m, 'guest summary: 0 failed');
	Boot::hasnt($r, qr/^not ok /m, 'no "not ok" line');
	is($r->{status}, Boot::PASS, 'exit status is the pass code');
}

# --- unknown keys ------------------------------------------------------------

Boot::check(boot_ready('frobnicate foo=bar syscall=int80'), 'unknown keys', sub {
	my $r = shift;
	Boot::has($r, qr/^cmdline: unknown parameter 'frobnicate', ignored$/m,
	     'bare unknown word warned about');
	Boot::has($r, qr/^cmdline: unknown parameter 'foo(=bar)?', ignored$/m,
	     'unknown key=value warned about (by its key)');
	Boot::has($r, qr/^cmdline: 2 parameter\(s\) ignored$/m, 'count of ignored words');
	Boot::has($r, qr/^syscall: mechanism requested: int80$/m,
	     'a good parameter after bad ones still applies');
	reached_ready($r);
});

Boot::check(Boot::qemu(append => 'nosuchkey=1 test=params'), 'unknown key, tests still run', sub {
	my $r = shift;
	Boot::has($r, qr/^cmdline: unknown parameter 'nosuchkey(=1)?', ignored$/m, 'warning');
	tap_passed($r);
});

# --- bad values ----------------------------------------------------------------

Boot::check(boot_ready('syscall=bogus'), 'syscall=bogus', sub {
	my $r = shift;
	Boot::has($r, qr/^cmdline: bad value 'bogus' for 'syscall', keeping the default \(syscall=auto\)$/m,
	     'bad value warned about, default named');
	Boot::has($r, qr/^syscall: mechanism requested: auto$/m, 'default mechanism kept');
	reached_ready($r);
});

Boot::check(boot_ready('loglevel=99'), 'loglevel=99', sub {
	my $r = shift;
	Boot::has($r, qr/^cmdline: bad value '99' for 'loglevel', keeping the default \(loglevel=7\)$/m,
	     'bad value warned about, default named');
	Boot::has($r, qr/^Kernel image: /m, 'info messages still shown');
	reached_ready($r);
});

Boot::check(boot_ready('test=nosuchsuite', linger => 1), 'test=nosuchsuite', sub {
	my $r = shift;
	Boot::has($r, qr/^cmdline: bad value 'nosuchsuite' for 'test', keeping the default/m,
	     'unknown suite warned about');
	reached_ready($r);
	Boot::hasnt($r, qr/^TAP version/m, 'no tests run (1 s after ready)');
});

Boot::check(Boot::qemu(append => 'loglevel=99 syscall=bogus test=nosuchsuite bogus test=params'),
	    'several bad words, tests still run', sub {
	my $r = shift;
	Boot::has($r, qr/^cmdline: bad value '99' for 'loglevel'/m, 'loglevel warning');
	Boot::has($r, qr/^cmdline: bad value 'bogus' for 'syscall'/m, 'syscall warning');
	Boot::has($r, qr/^cmdline: bad value 'nosuchsuite' for 'test'/m, 'test warning');
	Boot::has($r, qr/^cmdline: unknown parameter 'bogus', ignored$/m, 'unknown word warning');
	Boot::has($r, qr/^cmdline: 4 parameter\(s\) ignored$/m, 'count of ignored words');
	tap_passed($r);
});

# --- quoting ---------------------------------------------------------------------

# init= is reported when the kernel gets to starting init, after "kernel:
# ready": "init: /path", "init: started /path ..." or "init: cannot run
# /path ...". No such program exists here, which does not matter: the
# line shows the value arrived whole, without its quotes.
my $INIT_LINE = qr{^init: (?:started |cannot run )?/sbin/my init\b}m;
Boot::check(Boot::qemu(append => 'init="/sbin/my init"', stop_at => $INIT_LINE, timeout => 30),
	    'quoted value with a blank', sub {
	my $r = shift;
	ok($r->{stopped}, 'init= value "/sbin/my init" reported whole, quotes removed');
	Boot::hasnt($r, qr/^cmdline:/m, 'no cmdline warning');
});

Boot::check(Boot::qemu(append => 'test="params" syscall="int80"'), 'quoted values', sub {
	my $r = shift;
	Boot::hasnt($r, qr/^cmdline: \d+ parameter\(s\) ignored/m, 'no boot parameter ignored');
	no_warning_about($r, 'test');
	no_warning_about($r, 'syscall');
	Boot::has($r, qr/^syscall: mechanism requested: int80$/m, 'syscall="int80" taken');
	tap_passed($r);
});

# --- empty command line and the image path -----------------------------------

for my $case (['no -append', undef], ['-append ""', '']) {
	my ($name, $append) = @$case;
	Boot::check(Boot::qemu(append => $append, stop_at => $READY, timeout => 30), $name, sub {
		my $r = shift;
		Boot::hasnt($r, qr/^cmdline:/m, 'no cmdline warning');
		Boot::has($r, qr/^Kernel image: \Q$kernel\E$/m,
		     'first word (the -kernel path) reported as Kernel image');
		no_warning_about($r, $kernel, 'kernel path not taken for a parameter');
		Boot::has($r, qr/^syscall: mechanism requested: auto$/m, 'default mechanism');
		reached_ready($r);
	});
}

# --- loglevel=0 -------------------------------------------------------------------

Boot::check(Boot::qemu(append => 'loglevel=0 test=params'), 'loglevel=0', sub {
	my $r = shift;
	for my $info ('Kernel image:', 'Loaded by:', 'syscall: mechanism requested:', 'kernel: ready') {
		Boot::hasnt($r, qr/^\Q$info\E/m, "'$info' hidden");
	}
	Boot::has($r, qr/^1\.\.\d+$/m, 'TAP plan still printed');
	Boot::has($r, qr/^ok \d+ - params: /m, 'TAP results still printed');
	tap_passed($r);
});

done_testing();
