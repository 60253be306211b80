#!/usr/bin/perl
# The two vDSO images (arch/i386/vdso/), checked on the host with readelf,
# objdump and nm: the ELF shape libc relies on (soname, versioned exports,
# entry, no relocations, one R+X PT_LOAD, DT_HASH and DT_GNU_HASH), the
# instruction sequences the kernel relies on (int $0x80 vs sysenter, the
# 2-byte restart jmp before SYSENTER_RETURN, the sigreturn trampolines
# with the numbers from asm/unistd_32.h), the unwind info, the generated
# offsets header and the embedding object. Nothing is booted.
use strict;
use warnings;
use FindBin;
use Test::More;

my $ROOT = "$FindBin::Bin/..";
chdir $ROOT or die "chdir $ROOT: $!\n";

my $OUT     = 'build/arch/i386/vdso';
my $OFFSETS = 'build/include/generated/vdso-offsets.h';
my $EMBED   = "$OUT/vdso-images.o";
my %image = (
	int80    => { so => "$OUT/vdso-int80.so",    dbg => "$OUT/vdso-int80.so.dbg" },
	sysenter => { so => "$OUT/vdso-sysenter.so", dbg => "$OUT/vdso-sysenter.so.dbg" },
);
my @names = qw(int80 sysenter);

# The exports and their versions, as Linux's vdso32 has them.
my %want_export = (
	__kernel_vsyscall     => 'LINUX_2.5',
	__kernel_sigreturn    => 'LINUX_2.5',
	__kernel_rt_sigreturn => 'LINUX_2.5',
	__vdso_clock_gettime  => 'LINUX_2.6',
	__vdso_gettimeofday   => 'LINUX_2.6',
	__vdso_time           => 'LINUX_2.6',
);

# --- helpers ---------------------------------------------------------------

# Output of a command (list form, no shell); dies if it fails.
sub run {
	my @cmd = @_;
	open(my $fh, '-|', @cmd) or die "@cmd: $!\n";
	local $/;
	my $out = <$fh> // '';
	close($fh) or die "@cmd: exit status $?\n";
	return $out;
}

sub slurp {
	my ($f) = @_;
	open(my $fh, '<:raw', $f) or die "$f: $!\n";
	local $/;
	return scalar <$fh>;
}

# Bytes at a virtual address: the image is linked at 0 with virtual
# address = file offset (checked below), so that is a file offset too.
sub bytes_at {
	my ($img, $addr, $len) = @_;
	return substr($img->{bytes}, $addr, $len);
}

sub hexstr { join(' ', map { sprintf '%02x', $_ } unpack('C*', $_[0])) }

# __NR_<name> from the UAPI header the build used.
my %nr;
sub nr {
	my ($name) = @_;
	unless (%nr) {
		my $h = 'build/uapi/asm/unistd_32.h';
		-f $h or $h = '/usr/include/x86_64-linux-gnu/asm/unistd_32.h';
		open(my $fh, '<', $h) or die "$h: $!\n";
		while (<$fh>) {
			$nr{$1} = $2 if /^\s*#\s*define\s+__NR_(\w+)\s+(\d+)\s*$/;
		}
	}
	defined $nr{$name} or die "no __NR_$name in asm/unistd_32.h\n";
	return $nr{$name};
}

# --- build -----------------------------------------------------------------

# Up to date after `make`; built here too so that the script runs alone.
# make's progress lines must not reach the TAP stream: shown only on failure.
my @targets = ((map { ($_->{so}, $_->{dbg}) } @image{@names}), $OFFSETS, $EMBED);
my $make_out = `make -s @targets 2>&1`;
if ($? != 0) {
	diag($make_out);
	BAIL_OUT("make -s @targets failed");
}

# --- per image -------------------------------------------------------------

for my $name (@names) {
	my $img = $image{$name};
	my $so = $img->{so};
	$img->{bytes} = slurp($so);
	my $b = $img->{bytes};

	# ELF header (Elf32_Ehdr).
	my ($mag, $class, $data) = unpack('a4 C C', $b);
	my ($type, $machine, $version, $entry, $phoff, $shoff, $flags,
	    $ehsize, $phentsize, $phnum) = unpack('x16 v v V V V V V v v v', $b);
	is($mag, "\x7fELF", "$name: ELF magic");
	is($class, 1, "$name: ELFCLASS32");
	is($data, 1, "$name: little-endian");
	is($type, 3, "$name: ET_DYN");
	is($machine, 3, "$name: EM_386");

	# Dynamic section: soname, both hash tables, versions, nothing else.
	my $dyn = run('readelf', '-d', '-W', $so);
	like($dyn, qr/\(SONAME\)\s+Library soname: \[linux-gate\.so\.1\]/,
	     "$name: soname linux-gate.so.1");
	for my $tag (qw(HASH GNU_HASH SYMTAB STRTAB VERDEF VERSYM)) {
		like($dyn, qr/\($tag\)/, "$name: DT_$tag present");
	}
	for my $tag (qw(NEEDED REL RELA RELSZ RELASZ JMPREL PLTGOT TEXTREL VERNEED INIT FINI)) {
		unlike($dyn, qr/\($tag\)/, "$name: no DT_$tag");
	}

	# Relocations: none at all, and no relocation sections.
	my $rel = run('readelf', '-r', '-W', $so);
	like($rel, qr/There are no relocations in this file/, "$name: no relocations")
		or diag($rel);
	my $sections = run('readelf', '-S', '-W', $so);
	unlike($sections, qr/\]\s+\S+\s+(REL|RELA)\s/, "$name: no REL/RELA sections");
	unlike($sections, qr/\]\s+\.(data|bss)\b/, "$name: no .data or .bss");

	# Program headers: one R+X PT_LOAD at offset 0 = address 0, holding
	# the whole image, plus PT_DYNAMIC, PT_NOTE, PT_GNU_EH_FRAME.
	my @ph;
	for my $i (0 .. $phnum - 1) {
		my ($pt, $off, $va, $pa, $fsz, $msz, $pf, $al) =
			unpack('V8', substr($b, $phoff + $i * $phentsize, 32));
		push @ph, { type => $pt, off => $off, va => $va, fsz => $fsz,
			    msz => $msz, flags => $pf };
	}
	my @load = grep { $_->{type} == 1 } @ph;
	is(scalar @load, 1, "$name: exactly one PT_LOAD");
	my $load = $load[0] // {};
	is($load->{flags}, 5, "$name: PT_LOAD is R+X (PF_R|PF_X)");
	is($load->{off}, 0, "$name: PT_LOAD at file offset 0");
	is($load->{va}, 0, "$name: PT_LOAD at address 0 (address = offset)");
	is($load->{msz}, $load->{fsz}, "$name: PT_LOAD has no bss");
	my %known = (1 => 'LOAD', 2 => 'DYNAMIC', 4 => 'NOTE', 0x6474e550 => 'GNU_EH_FRAME');
	my @other = grep { !$known{$_->{type}} } @ph;
	is(scalar @other, 0, "$name: only LOAD, DYNAMIC, NOTE, GNU_EH_FRAME")
		or diag(sprintf 'unexpected p_type 0x%x', $_->{type}) for @other;
	ok((grep { $_->{type} == 2 } @ph) == 1, "$name: one PT_DYNAMIC");
	ok((grep { $_->{type} == 0x6474e550 } @ph) == 1, "$name: one PT_GNU_EH_FRAME");
	for my $p (grep { $_->{type} != 1 } @ph) {
		ok($p->{va} + $p->{msz} <= ($load->{msz} // 0),
		   sprintf("%s: p_type 0x%x inside the PT_LOAD", $name, $p->{type}));
	}

	# Exports: exactly the six functions, with their versions.
	my $syms = run('readelf', '--dyn-syms', '-V', '-W', $so);
	my ($dynsym) = $syms =~ /(Symbol table '\.dynsym'.*?)(?:\n\n|\z)/s;
	my (%got, @und);
	for (split /\n/, $dynsym // '') {
		my ($num, $val, $size, $t, $bind, $vis, $ndx, $sym) =
			/^\s*(\d+):\s+([0-9a-f]+)\s+(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?/
			or next;
		next if $num == 0;
		if ($ndx eq 'UND') { push @und, $sym; next; }
		# The version definitions' own ABS symbols.
		next if $t eq 'OBJECT' && $ndx eq 'ABS' && $sym =~ /^LINUX_\d/;
		my ($base, $ver) = $sym =~ /^([^@]+)@@(\S+)$/;
		($base, $ver) = ($sym, '(no default version)') unless defined $base;
		$got{$base} = { ver => $ver, value => hex($val), size => $size,
				type => $t, bind => $bind, vis => $vis };
	}
	is(scalar @und, 0, "$name: imports nothing") or diag("undefined: @und");
	is_deeply([sort keys %got], [sort keys %want_export],
		  "$name: exports exactly the six symbols")
		or diag($dynsym);
	for my $s (sort keys %want_export) {
		my $e = $got{$s} or next;
		is($e->{ver}, $want_export{$s}, "$name: $s\@\@$want_export{$s}");
		ok($e->{type} eq 'FUNC' && $e->{bind} eq 'GLOBAL' && $e->{vis} eq 'DEFAULT',
		   "$name: $s is a global default-visibility function");
		ok($e->{size} > 0, "$name: $s has a size");
	}
	like($syms, qr/Index: 1\s+Cnt: 1\s+Name: linux-gate\.so\.1/, "$name: base version linux-gate.so.1");
	like($syms, qr/Name: LINUX_2\.5\b/, "$name: version LINUX_2.5 defined");
	like($syms, qr/Name: LINUX_2\.6\b/, "$name: version LINUX_2.6 defined");
	$img->{sym} = { map { $_ => $got{$_}{value} } keys %got };

	# Entry point.
	my $vsys = $img->{sym}{__kernel_vsyscall} // -1;
	is($entry, $vsys, sprintf("%s: e_entry 0x%x = __kernel_vsyscall", $name, $entry));

	# Local symbols (SYSENTER_RETURN, vvar_page) from the unstripped twin,
	# whose exports must match the stripped image.
	my %nm;
	for (split /\n/, run('nm', $img->{dbg})) {
		$nm{$3} = hex($1) if /^([0-9a-f]+)\s+(\S)\s+(\S+)$/;
	}
	$img->{nm} = \%nm;
	is_deeply({ map { $_ => $nm{$_} } keys %want_export }, $img->{sym},
		  "$name: .so.dbg and .so agree");
	is($nm{vvar_page}, 0xfffff000, "$name: vvar_page is one page below the image");

	# Sigreturn trampolines: fixed offsets and exact bytes.
	my $sig = $img->{sym}{__kernel_sigreturn} // 0;
	my $rt  = $img->{sym}{__kernel_rt_sigreturn} // 0;
	is($sig - $vsys, 32, "$name: __kernel_sigreturn = __kernel_vsyscall + 32");
	is($rt - $vsys, 64, "$name: __kernel_rt_sigreturn = __kernel_vsyscall + 64");
	my $want_sig = pack('C C V C C', 0x58, 0xb8, nr('sigreturn'), 0xcd, 0x80);
	is(hexstr(bytes_at($img, $sig, 8)), hexstr($want_sig),
	   "$name: __kernel_sigreturn is popl %eax; movl \$__NR_sigreturn (" .
	   nr('sigreturn') . "), %eax; int \$0x80");
	my $want_rt = pack('C V C C', 0xb8, nr('rt_sigreturn'), 0xcd, 0x80);
	is(hexstr(bytes_at($img, $rt, 7)), hexstr($want_rt),
	   "$name: __kernel_rt_sigreturn is movl \$__NR_rt_sigreturn (" .
	   nr('rt_sigreturn') . "), %eax; int \$0x80");

	# Disassembly of the embedded image.
	my $dis = run('objdump', '-d', '--no-show-raw-insn', $so);
	$img->{dis} = $dis;
	my @sysenter = $dis =~ /^\s*([0-9a-f]+):\s+sysenter\b/mg;
	$img->{sysenter_at} = [map { hex } @sysenter];

	# Unwind info: an FDE for every export; signal-frame FDEs for the
	# trampolines, starting one byte early (the unwinder looks up ra - 1).
	my $frames = run('readelf', '--debug-dump=frames', $so);
	my (%cie_aug, @fde);
	for my $blk (split /\n\n/, $frames) {
		if ($blk =~ /^([0-9a-f]+) [0-9a-f]+ [0-9a-f]+ CIE/m) {
			my $off = hex($1);
			my ($aug) = $blk =~ /Augmentation:\s+"([^"]*)"/;
			$cie_aug{$off} = $aug // '';
		} elsif ($blk =~ /FDE cie=([0-9a-f]+) pc=([0-9a-f]+)\.\.([0-9a-f]+)/) {
			push @fde, { cie => hex($1), lo => hex($2), hi => hex($3) };
		}
	}
	for my $s (sort keys %want_export) {
		my $a = $img->{sym}{$s} // next;
		my ($f) = grep { $_->{lo} <= $a && $a < $_->{hi} } @fde;
		ok($f, "$name: an FDE covers $s");
		next unless $f && $s =~ /sigreturn/;
		like($cie_aug{$f->{cie}} // '', qr/S/, "$name: $s has a signal-frame FDE ('S')");
		is($f->{lo}, $a - 1, "$name: $s FDE starts one byte early");
	}
	my ($fv) = grep { $_->{lo} == $vsys } @fde;
	ok($fv && $fv->{hi} - $fv->{lo} ==
	   ($got{__kernel_vsyscall}{size} // 0), "$name: __kernel_vsyscall FDE spans the function");
}

# --- the two entry sequences ----------------------------------------------

{
	my $img = $image{int80};
	my $v = $img->{sym}{__kernel_vsyscall} // 0;
	is(scalar @{$img->{sysenter_at}}, 0, 'int80: no sysenter instruction anywhere')
		or diag($img->{dis});
	is(hexstr(bytes_at($img, $v, 3)), 'cd 80 c3',
	   'int80: __kernel_vsyscall is int $0x80; ret');
	ok(!exists $img->{nm}{SYSENTER_RETURN}, 'int80: no SYSENTER_RETURN');
}

{
	my $img = $image{sysenter};
	my $v = $img->{sym}{__kernel_vsyscall} // 0;
	my $sr = $img->{nm}{SYSENTER_RETURN};
	ok(defined $sr, 'sysenter: SYSENTER_RETURN exists');
	$sr //= 0;
	is_deeply($img->{sysenter_at}, [$v + 5],
		  'sysenter: one sysenter, at __kernel_vsyscall + 5')
		or diag($img->{dis});
	is(hexstr(bytes_at($img, $v, 7)), '51 52 55 89 e5 0f 34',
	   'sysenter: push %ecx; push %edx; push %ebp; mov %esp,%ebp; sysenter');
	my $vsize = run('nm', '-S', $img->{dbg}) =~ /^[0-9a-f]+ ([0-9a-f]+) \S __kernel_vsyscall$/m
		? hex($1) : 0;
	ok($sr >= $v + 7 + 2 && $sr < $v + $vsize,
	   'sysenter: SYSENTER_RETURN lies inside __kernel_vsyscall, after sysenter');
	my ($op, $disp) = unpack('C c', bytes_at($img, $sr - 2, 2));
	is(sprintf('%02x', $op), 'eb', 'sysenter: a 2-byte jmp (eb rel8) at SYSENTER_RETURN - 2');
	my $target = $sr + $disp;
	is($target, $v + 3, 'sysenter: the jmp goes back to __kernel_vsyscall + 3');
	is(hexstr(bytes_at($img, $target, 4)), '89 e5 0f 34',
	   'sysenter: the jmp target is mov %esp,%ebp; sysenter');
	like($img->{dis}, qr/^\s*\Q@{[sprintf '%x', $target]}\E:\s+mov\s+%esp,%ebp$/m,
	     'sysenter: objdump agrees: mov %esp,%ebp at the jmp target');
	like($img->{dis}, qr/^\s*\Q@{[sprintf '%x', $sr - 2]}\E:\s+jmp\s+\Q@{[sprintf '%x', $target]}\E\b/m,
	     'sysenter: objdump agrees: jmp at SYSENTER_RETURN - 2');
	my $between = bytes_at($img, $v + 7, $sr - 2 - ($v + 7));
	ok($between =~ /^\x90*$/, 'sysenter: only nops between sysenter and the jmp');
	is(hexstr(bytes_at($img, $sr, 4)), '5d 5a 59 c3',
	   'sysenter: SYSENTER_RETURN: pop %ebp; pop %edx; pop %ecx; ret');
}

# --- the generated offsets header ------------------------------------------

{
	my %def;
	open(my $fh, '<', $OFFSETS) or die "$OFFSETS: $!\n";
	while (<$fh>) {
		my ($m, $v) = /^#define\s+(VDSO_\w+)\s+(0x[0-9a-fA-F]+|\d+)\s*$/ or next;
		$def{$m} = $v =~ /^0x/ ? hex($v) : $v + 0;
	}
	for my $name (@names) {
		my $img = $image{$name};
		my $N = uc $name;
		is($def{"VDSO_${N}_SIZE"}, length $img->{bytes}, "$OFFSETS: VDSO_${N}_SIZE");
		for my $s (qw(__kernel_vsyscall __kernel_sigreturn __kernel_rt_sigreturn)) {
			my $m = 'VDSO_' . $N . '_' . uc($s =~ s/^_+//r);
			is($def{$m}, $img->{sym}{$s}, "$OFFSETS: $m");
		}
	}
	is($def{VDSO_SYSENTER_SYSENTER_RETURN}, $image{sysenter}{nm}{SYSENTER_RETURN},
	   "$OFFSETS: VDSO_SYSENTER_SYSENTER_RETURN");
	ok(!exists $def{VDSO_INT80_SYSENTER_RETURN}, "$OFFSETS: no VDSO_INT80_SYSENTER_RETURN");
}

# --- the embedding object --------------------------------------------------

{
	my %sym;
	for (split /\n/, run('nm', $EMBED)) {
		$sym{$3} = hex($1) if /^([0-9a-f]+)\s+(\S)\s+(\S+)$/;
	}
	my $sections = run('readelf', '-S', '-W', $EMBED);
	my ($off, $size, $align) =
		$sections =~ /\]\s+\.rodata\.vdso\s+PROGBITS\s+[0-9a-f]+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+\S+\s+\S*\s+\d+\s+\d+\s+(\d+)/;
	is($align, 4096, "$EMBED: .rodata.vdso is page-aligned");
	my $sec = defined $off ? substr(slurp($EMBED), hex($off), hex($size)) : '';
	for my $name (@names) {
		my ($s, $e) = ($sym{"vdso_${name}_start"}, $sym{"vdso_${name}_end"});
		ok(defined $s && defined $e, "$EMBED: vdso_${name}_start/_end") or next;
		is($s % 4096, 0, "$EMBED: vdso_${name}_start page-aligned");
		is($e - $s, length $image{$name}{bytes}, "$EMBED: $name image size");
		ok(substr($sec, $s, $e - $s) eq $image{$name}{bytes},
		   "$EMBED: $name bytes are vdso-$name.so");
		my $pad_end = ($e + 4095) & ~4095;
		ok(substr($sec, $e, $pad_end - $e) =~ /^\0*$/,
		   "$EMBED: $name padded with zeros to its page end");
	}
}

done_testing();
