#!/usr/bin/env bash
# The cost of one system call by entry path, and of the process
# operations (part of `make bench`). Boots this kernel with init=/bench
# (user/bench.c) under syscall=int80 and syscall=sysenter, and, when
# build/linux holds Debian's Linux kernel (make linux-kernel
# linux-initramfs), Linux with the same /bench as its init; each twice:
# plain TCG (rdtsc = host cycles, which follow host load: median of the
# batches) and -icount shift=0 (rdtsc = guest instructions: exact and
# repeatable). Not a test: no thresholds.
set -euo pipefail

cd "$(dirname "$0")/.."
QEMU=${QEMU:-qemu-system-i386}
OUT=build/bench
mkdir -p "$OUT"

for f in build/kernel.elf build/initramfs.cpio; do
	[ -e "$f" ] || { echo "bench: $f missing, run make first" >&2; exit 1; }
done

# run MODE CLOCK: print the bench lines of one boot.
run() {
	local mode=$1 clock=$2 extra=()

	[ "$clock" = icount ] && extra=(-icount shift=0,sleep=off -rtc base=2024-01-01T00:00:00,clock=vm)
	if [ "$mode" = linux ]; then
		timeout 900 "$QEMU" -m 256M -display none -no-reboot "${extra[@]}" \
			-kernel build/linux/vmlinuz -initrd build/linux/initramfs.cpio \
			-append "console=ttyS0 rdinit=/bench panic=-1 quiet" \
			-serial stdio </dev/null 2>/dev/null | tr -d '\r' | grep '^bench:' || true
		return
	fi
	timeout 300 "$QEMU" -m 128M -display none -no-reboot "${extra[@]}" \
		-kernel build/kernel.elf -initrd build/initramfs.cpio \
		-append "syscall=$mode init=/bench loglevel=4" \
		-serial stdio </dev/null 2>/dev/null | tr -d '\r' | grep '^bench:' || true
}

modes="int80 sysenter"
if [ -e build/linux/vmlinuz ] && [ -e build/linux/initramfs.cpio ]; then
	modes="$modes linux"
else
	echo "bench: no build/linux/vmlinuz: Linux rows skipped (make linux-kernel linux-initramfs)"
fi

echo "cost per operation (user/bench.c; method below)"
printf '%-10s %-8s %-24s %10s %10s\n' clock mode operation min median
for clock in tcg icount; do
	for mode in $modes; do
		run "$mode" "$clock" > "$OUT/syscall-$clock-$mode.txt"
		C=$clock M=$mode perl -ne 'printf "%-10s %-8s %-24s %10s %10s\n",
			$ENV{C}, $ENV{M}, $1, $2, $3
			if /^bench: (empty loop|getpid.*?|fork.*?|vfork.*?|thread.*?|pipe.*?)\s+min\s+(\d+)\s+median\s+(\d+)/' \
			< "$OUT/syscall-$clock-$mode.txt"
	done
done
grep -h '^bench: method' "$OUT"/syscall-tcg-int80.txt | sed 's/^bench: //'
echo "tcg: host cycles (rdtsc under TCG); icount: guest instructions (-icount shift=0)"
echo "linux: Debian's Linux i386 kernel in the same QEMU, the same /bench as its init (its vDSO uses sysenter)"
echo "raw output: $OUT/syscall-*.txt"
