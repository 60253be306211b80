#!/usr/bin/env bash
# The cost of one system call by entry path, and of the process
# operations (part of `make bench`; docs/benchmarks.md). Not a test: no
# thresholds, and every figure comes from the runs below.
#
# /bench (user/bench.c) runs as init in each of these boots:
#
#   clock   emulator                          rdtsc counts
#   tcg     QEMU, plain TCG                   host cycles (follow host load)
#   icount  QEMU -icount shift=0,sleep=off    guest instructions (exact)
#   bochs   Bochs, GRUB ISO, ips=1e9          Bochs ticks (one per
#           clock: sync=none                  instruction, plus idle time)
#
# under this kernel's syscall=int80 and syscall=sysenter, and, in QEMU,
# Debian's Linux 6.1 i386 kernel (make linux-kernel linux-initramfs) with
# the very same static /bench as its init. The serial output of each boot
# goes to build/bench/log-CLOCK-MODE.txt, its "bench:" lines to
# build/bench/syscall-CLOCK-MODE.txt, facts about the run (versions,
# commit, date) to build/bench/meta.txt; tools/bench-report.pl then
# prints the combined table and writes build/bench/results.{csv,json}
# and the charts build/bench/{getpid,ops}.svg.
#
# The TCG boots run one at a time (host cycles depend on load), in
# BENCH_TCG_RUNS rounds (default 3) of int80, sysenter, Linux, so that a
# burst of load on the host hits one boot of each kind rather than all
# boots of one; the report takes the median of their medians. The
# icount and Bochs boots count instructions, not time: once each, two
# at a time when the machine has two CPUs or more.
#
# Environment: QEMU, BOCHS (emulator commands), BENCH_BOCHS=0 (skip the
# Bochs boots), BENCH_TCG_RUNS, BENCH_OUT (default build/bench).
set -euo pipefail

cd "$(dirname "$0")/.."
QEMU=${QEMU:-qemu-system-i386}
BOCHS=${BOCHS:-bochs}
OUT=${BENCH_OUT:-build/bench}
mkdir -p "$OUT"

for f in build/kernel.elf build/initramfs.cpio; do
	[ -e "$f" ] || { echo "bench: $f missing, run make first" >&2; exit 1; }
done

# Fixed inputs for the instruction-counting QEMU runs: no idle skipping
# by wall time, an RTC that follows the virtual clock from a fixed date.
# shellcheck disable=SC2054 # commas belong to the option values
ICOUNT=(-icount shift=0,sleep=off -rtc base=2024-01-01T00:00:00,clock=vm)
# Bochs: one tick per instruction (ips = 1e9 ticks a second, the scale
# of QEMU's icount shift=0), time from the instruction count and a fixed
# date (tools/bochsrc: clock: sync=none, time0=...).
BOCHS_CPU='cpu: count=1, ips=1000000000'

now() { date +%s%N; }

# run CLOCK MODE [ROUND]: boot once, /bench as init; its serial log to
# $OUT/log-CLOCK-MODE[.ROUND].txt, its bench lines appended to
# $OUT/syscall-CLOCK-MODE.txt (one block per boot).
run() {
	local clock=$1 mode=$2 round=${3:+.$3} extra=() start
	local log=$OUT/log-$clock-$mode$round.txt
	[ "$clock" = icount ] && extra=("${ICOUNT[@]}")
	start=$(now)
	case $clock-$mode in
	bochs-*)
		local iso=$OUT/bochs-$mode.iso
		BOCHS_ISO=$iso BOCHS_SERIAL=$OUT/com1-bochs-$mode.txt \
		BOCHS_LOG=$OUT/bochs-$mode.log TERM=dumb \
			timeout -s KILL 300 "$BOCHS" -q -f tools/bochsrc \
			-rc "$OUT/bochs-c.rc" "$BOCHS_CPU" \
			</dev/null >/dev/null 2>&1 || true
		tr -d '\r' < "$OUT/com1-bochs-$mode.txt" > "$log" 2>/dev/null || : > "$log"
		;;
	*-linux)
		timeout 900 "$QEMU" -m 256M -display none -no-reboot "${extra[@]}" \
			-kernel build/linux/vmlinuz -initrd build/linux/initramfs.cpio \
			-append "console=ttyS0 rdinit=/bench panic=-1 quiet" \
			-serial stdio </dev/null 2>/dev/null | tr -d '\r' > "$log" || true
		;;
	*)
		timeout 300 "$QEMU" -m 128M -display none -no-reboot "${extra[@]}" \
			-kernel build/kernel.elf -initrd build/initramfs.cpio \
			-append "syscall=$mode init=/bench loglevel=4" \
			-serial stdio </dev/null 2>/dev/null | tr -d '\r' > "$log" || true
		;;
	esac
	grep -a '^bench:' "$log" >> "$OUT/syscall-$clock-$mode.txt" || true
	local ns=$(( $(now) - start ))
	printf 'wall_%s_%s%s=%d.%d\n' "$clock" "$mode" "${round/./_}" \
		$((ns / 1000000000)) $((ns / 100000000 % 10)) > "$OUT/wall-$clock-$mode$round.txt"
	if ! grep -aq '^bench: done' "$log"; then
		echo "bench: $clock $mode: /bench did not finish; the end of $log:" >&2
		tail -n 15 "$log" | sed 's/^/    /' >&2
	fi
}

modes="int80 sysenter"
if [ -e build/linux/vmlinuz ] && [ -e build/linux/initramfs.cpio ]; then
	linux=1
else
	linux=0
	echo "bench: no build/linux/vmlinuz: Linux columns empty (make linux-kernel linux-initramfs)"
fi
bochs=${BENCH_BOCHS:-1}
if [ "$bochs" = 1 ] && ! command -v "$BOCHS" >/dev/null 2>&1; then
	echo "bench: $BOCHS not found: Bochs rows skipped (tools/install-deps.sh)"
	bochs=0
fi

rm -f "$OUT"/syscall-*.txt "$OUT"/log-*.txt "$OUT"/wall-*.txt "$OUT"/com1-*.txt

if [ "$bochs" = 1 ]; then
	for mode in $modes; do
		printf '%s\n' 'serial --unit=0 --speed=115200' \
			'terminal --timeout=0 serial console' 'default 0' 'timeout 0' \
			"title bench syscall=$mode" \
			"	kernel /boot/kernel.elf syscall=$mode init=/bench loglevel=4" \
			'	module /boot/initramfs.cpio' > "$OUT/bochs-$mode.lst"
		tools/mkiso.sh "$OUT/bochs-$mode.iso" build/kernel.elf \
			"$OUT/bochs-$mode.lst" build/initramfs.cpio
	done
	printf 'c\nquit\n' > "$OUT/bochs-c.rc"
fi

t0=$(now)
rounds=${BENCH_TCG_RUNS:-3}
echo "bench: TCG boots, one at a time, $rounds rounds"
for ((i = 1; i <= rounds; i++)); do
	for mode in $modes; do run tcg "$mode" "$i"; done
	[ "$linux" = 1 ] && run tcg linux "$i"
done

# The counting runs: Linux under icount (the longest) in one lane, the
# rest in another.
if [ "$bochs" = 1 ]; then echo "bench: icount and Bochs boots"; else echo "bench: icount boots"; fi
lane_a() { [ "$linux" = 1 ] && run icount linux; return 0; }
lane_b() {
	local mode
	for mode in $modes; do run icount "$mode"; done
	if [ "$bochs" = 1 ]; then
		for mode in $modes; do run bochs "$mode"; done
	fi
}
if [ "$(nproc)" -ge 2 ]; then
	lane_a & a=$!
	lane_b & b=$!
	trap 'kill $a $b 2>/dev/null || true' INT TERM
	wait $a; wait $b
	trap - INT TERM
else
	lane_a; lane_b
fi
elapsed=$(( ($(now) - t0) / 1000000000 ))

# Facts about this run, for the report's metadata.
version_of() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo unknown; }
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo yes || echo no)
{
	echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "qemu=$("$QEMU" --version | head -n 1)"
	echo "qemu_cpu=qemu32 (QEMU's default for qemu-system-i386)"
	if [ "$bochs" = 1 ]; then
		v=$(grep -a -m1 -o 'Bochs x86 Emulator [^ ]*' "$OUT/bochs-int80.log" 2>/dev/null || true)
		echo "bochs=${v:-Bochs} (Debian $(version_of bochs))"
		echo "bochs_cpu=default model (bx_generic), $BOCHS_CPU, clock: sync=none"
	fi
	echo "gcc=$(${CC:-gcc} --version | head -n 1)"
	echo "git_commit=$commit"
	echo "git_dirty=$dirty"
	[ "$linux" = 1 ] && echo "linux=$(cat build/linux/version 2>/dev/null || echo unknown) (Debian linux-image-686)"
	echo "host_cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
	echo "host_cpus=$(nproc)"
	echo "tcg_rounds=$rounds"
	echo "wall_total_s=$elapsed"
	cat "$OUT"/wall-*.txt
} > "$OUT/meta.txt"

tools/bench-report.pl "$OUT"
echo "bench: the boots took ${elapsed} s; raw output: $OUT/syscall-*.txt, serial logs: $OUT/log-*.txt"
