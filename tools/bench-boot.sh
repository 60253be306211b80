#!/usr/bin/env bash
# Boot-time and build-time figures (`make bench`). Not a test: no
# thresholds, nothing fails on a slow machine.
#
#   boot to ready   wall-clock time from starting the emulator to the
#                   kernel's "kernel: ready" line on the serial port,
#                   read as it arrives; the emulator is killed at the
#                   line. BENCH_RUNS runs (default 5): median, min, max.
#                   QEMU -kernel; QEMU on a GRUB ISO whose menu has
#                   timeout 0 (build/os.iso waits its menu timeout);
#                   Bochs on that ISO.
#   clean build     `make -j2` in a scratch copy of the source tree, so
#                   that the build/ in use here is left alone.
#
# QEMU runs under TCG (no KVM here) and shares the machine: expect
# 5-15% spread from run to run; compare medians.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${BENCH_RUNS:-5}
QEMU=${QEMU:-qemu-system-i386}
BOCHS=${BOCHS:-bochs}
TIMEOUT=60
READY="kernel: ready"

for f in build/kernel.elf build/os.iso; do
	[ -e "$f" ] || { echo "bench: $f missing, run make first" >&2; exit 1; }
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/bench-boot.XXXXXX")
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
	rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s%N; }

# qemu_ready ARGS...: seconds until READY on QEMU's serial (its stdout).
qemu_ready() {
	local start line t=timeout
	start=$(now)
	coproc QEMU_PROC {
		exec setsid "$QEMU" -m 128M -display none -no-reboot \
			-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
			-serial stdio "$@" </dev/null 2>/dev/null
	}
	local pid=$QEMU_PROC_PID
	pids+=("$pid")
	while IFS= read -r -t "$TIMEOUT" line <&"${QEMU_PROC[0]}"; do
		if [[ $line == *"$READY"* ]]; then
			t=$(( $(now) - start ))
			break
		fi
	done
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	echo "$t"
}

# bochs_ready ISO: seconds until READY in Bochs's COM1 file.
bochs_ready() {
	local iso=$1 start t=timeout com1=$scratch/com1.txt
	rm -f "$com1"
	printf 'c\nquit\n' > "$scratch/c.rc"
	start=$(now)
	BOCHS_ISO=$iso BOCHS_SERIAL=$com1 BOCHS_LOG=$scratch/bochs.log TERM=dumb \
		setsid "$BOCHS" -q -f tools/bochsrc -rc "$scratch/c.rc" \
		</dev/null >/dev/null 2>&1 &
	local pid=$!
	pids+=("$pid")
	while (( ($(now) - start) / 1000000000 < TIMEOUT )); do
		if grep -q "$READY" "$com1" 2>/dev/null; then
			t=$(( $(now) - start ))
			break
		fi
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.01
	done
	# Bochs's debugger takes SIGTERM for a break: KILL it.
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	echo "$t"
}

# stats NANOSECONDS...: "median min max" in seconds, or "timeout".
stats() {
	local v
	for v in "$@"; do
		[[ $v == timeout ]] && { echo "timeout (a run never reached ready)"; return; }
	done
	printf '%s\n' "$@" | sort -n | awk '
		{ v[NR] = $1 / 1e9 }
		END {
			m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf "%8.3f %8.3f %8.3f\n", m, v[1], v[NR]
		}'
}

row() {	# label runs stats...
	local label=$1 runs=$2
	shift 2
	printf '%-40s %4s %s\n' "$label" "$runs" "$*"
}

bench() {	# label command...
	local label=$1 i
	shift
	local times=()
	for ((i = 0; i < RUNS; i++)); do
		times+=("$("$@")")
	done
	row "$label" "$RUNS" "$(stats "${times[@]}")"
}

# The initramfs, if the build makes one, goes with the kernel as on
# `make run` and in build/os.iso.
initrd=() module=
if [ -e build/initramfs.cpio ]; then
	initrd=(-initrd build/initramfs.cpio)
	module="module /boot/initramfs.cpio"
fi

# An ISO like build/os.iso whose single entry boots at once.
cat > "$scratch/menu.lst" <<EOF
serial --unit=0 --speed=115200
terminal --timeout=0 serial console
default 0
timeout 0
title bench
	kernel /boot/kernel.elf syscall=auto
	$module
EOF
tools/mkiso.sh "$scratch/bench.iso" build/kernel.elf "$scratch/menu.lst"

echo "bench: $RUNS runs each; $(nproc) CPUs; $("$QEMU" --version | head -1)"
printf '%-40s %4s %8s %8s %8s\n' "boot to \"$READY\" (wall, s)" runs median min max
bench "QEMU -kernel (TCG)" qemu_ready -kernel build/kernel.elf "${initrd[@]}" -append "syscall=auto"
bench "QEMU GRUB ISO, menu timeout 0 (TCG)" qemu_ready -cdrom "$scratch/bench.iso" -boot d
bench "Bochs GRUB ISO, menu timeout 0" bochs_ready "$scratch/bench.iso"

# A clean build in a copy of the sources (build/ and .git left out).
mkdir "$scratch/src"
tar -C "$ROOT" --exclude=./build --exclude=./.git -cf - . | tar -C "$scratch/src" -xf -
start=$(now)
if make -C "$scratch/src" -j2 >"$scratch/make.log" 2>&1; then
	t=$(( $(now) - start ))
	printf '%-40s %4s %8.3f\n' "clean build: make -j2 (s)" 1 "$(awk "BEGIN { print $t / 1e9 }")"
else
	echo "clean build: make -j2 failed; last lines:" >&2
	tail -5 "$scratch/make.log" >&2
	exit 1
fi
