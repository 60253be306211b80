# Targets that boot the kernel, included by the top-level Makefile (which
# sets BUILD, QEMU, SYSCALL and APPEND). Each one installs what it needs
# (deps) and builds (all) first.
#
#   make run        QEMU -kernel, serial console on this terminal
#                   (Ctrl-A X quits, Ctrl-A C toggles the QEMU monitor)
#   make run-iso    QEMU on build/os.iso: GRUB's menu on this terminal
#   make test       every tests/*.t through prove (docs/testing.md)
#   make bochs      Bochs on build/os.iso, stopped in its debugger
#   make bochs-break SYM=name   Bochs run to a breakpoint on a kernel symbol
#   make gdb        QEMU -S, gdb attached, stopped at _start
#   make bench      boot time, build time (tools/bench-boot.sh) and the cost
#                   of one system call per entry path and of the process
#                   operations, this kernel (int80, sysenter) against Linux
#                   6.1 (tools/bench-syscall.sh): one table, written with
#                   CSV, JSON and charts to build/bench/ (docs/benchmarks.md)
#   make bench-report   the table, CSV, JSON and charts again from the raw
#                   output in build/bench/ (tools/bench-report.pl)
#
# Variables: SYSCALL=int80|sysenter|auto  APPEND="more kernel args"
#   QEMU_EXTRA="more QEMU options"  TESTS=tests/x.t  PROVE_FLAGS=-v
#   GDB_PORT=1234  BOCHS_DISPLAY=term  BENCH_RUNS=5 (boot-time runs)
#   BENCH_TCG_RUNS=3 (TCG boots per column)  BENCH_BOCHS=0 (no Bochs boots)

QEMU_EXTRA ?=
GDB        ?= gdb
GDB_PORT   ?= 1234
BOCHS      ?= bochs
PROVE      ?= prove
# Two test scripts at a time; per-script times in the summary.
PROVE_FLAGS ?= -j2 --timer
TESTS      ?= tests/
BENCH_RUNS ?= 5

# The machine every target boots: 128 MiB, no window, no reboot on a
# triple fault (QEMU exits instead), and the isa-debug-exit port through
# which a test run ends QEMU with its verdict.
QEMU_MACHINE := -m 128M -display none -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04
# The initramfs (user/build.mk), if the build makes one, is the first
# multiboot module.
QEMU_KERNEL = -kernel $(BUILD)/kernel.elf $(if $(INITRAMFS),-initrd $(INITRAMFS)) \
	-append "syscall=$(SYSCALL) $(APPEND)"

# QEMU's exit status for a passed test run (TEST_EXIT_PASS written to
# isa-debug-exit: (v << 1) | 1). `make run APPEND=test=all` then
# succeeds on a pass, as on a plain power-off (status 0).
TEST_PASS_STATUS = $$(( ($$(sed -n 's/^\#define[ \t]*TEST_EXIT_PASS[ \t]*\([0-9a-fA-Fx]*\).*/\1/p' include/asm/power.h) << 1) | 1 ))

run: deps all
	@echo "run: serial console here; Ctrl-A X quits QEMU"
	$(QEMU) $(QEMU_MACHINE) -serial mon:stdio $(QEMU_KERNEL) $(QEMU_EXTRA); \
	status=$$?; [ $$status = 0 ] || [ $$status = $(TEST_PASS_STATUS) ]

# The command line comes from the GRUB entry (boot/grub/menu.lst), not
# from SYSCALL/APPEND: pick an entry with Ctrl-N/Ctrl-P and Enter, or
# press `e` to edit it.
run-iso: deps all
	@echo "run-iso: GRUB menu and serial console here; Ctrl-A X quits QEMU"
	$(QEMU) $(QEMU_MACHINE) -serial mon:stdio -cdrom $(BUILD)/os.iso -boot d \
		$(QEMU_EXTRA); \
	status=$$?; [ $$status = 0 ] || [ $$status = $(TEST_PASS_STATUS) ]

test: deps all
	$(PROVE) $(PROVE_FLAGS) $(TESTS)

# Bochs's debugger takes this terminal (after loading the symbols with
# tools/bochs-init.rc); the kernel's log appears here too, through port
# 0xE9. COM1 (GRUB's menu, the same log) goes to $(BUILD)/bochs-com1.txt.
# The VGA screen is served over VNC on port 5900 (rfb) without waiting
# for a viewer.
BOCHS_DISPLAY ?= rfb, options="timeout=0"
#
# `make bochs` boots build/os.iso and its GRUB menu. With SYSCALL= or
# APPEND= given, it boots a one-entry image instead
# ($(BUILD)/bochs-SYSCALL.iso, no menu wait) whose kernel line carries
# them. `make bochs-break SYM=sysenter_entry` also sets a breakpoint on
# that kernel symbol and runs to it (any name in build/kernel.sym).
BOCHS_ISO = $(if $(filter command line environment,$(origin SYSCALL) $(origin APPEND)),$(BUILD)/bochs-$(SYSCALL).iso,$(BUILD)/os.iso)

$(BUILD)/bochs-%.iso: $(BUILD)/kernel.elf $(INITRAMFS) tools/mkiso.sh FORCE
	@printf '%s\n' 'serial --unit=0 --speed=115200' \
		'terminal --timeout=0 serial console' 'default 0' 'timeout 0' \
		'title gate386 (syscall=$* $(APPEND))' \
		'	kernel /boot/kernel.elf syscall=$* $(APPEND)' \
		'	module /boot/initramfs.cpio' > $(BUILD)/bochs-menu.lst
	$(quiet) ISO $@
	$(Q)tools/mkiso.sh $@ $(BUILD)/kernel.elf $(BUILD)/bochs-menu.lst $(INITRAMFS)

BOCHS_RUN = BOCHS_ISO=$(BOCHS_ISO) BOCHS_SERIAL=$(BUILD)/bochs-com1.txt \
	BOCHS_LOG=$(BUILD)/bochs.log \
	$(BOCHS) -q -f tools/bochsrc -rc $(1) 'display_library: $(BOCHS_DISPLAY)'

bochs: deps all $(BOCHS_ISO)
	@echo "bochs: $(BOCHS_ISO); symbols loaded; 'c' boots, Ctrl-C breaks in," \
	      "'q' quits. COM1 -> $(BUILD)/bochs-com1.txt, log -> $(BUILD)/bochs.log"
	$(call BOCHS_RUN,tools/bochs-init.rc)

bochs-break: deps all $(BOCHS_ISO)
	@test -n "$(SYM)" || { echo "bochs-break: say which symbol: SYM=name" >&2; exit 2; }
	@grep -qw "$(SYM)" $(BUILD)/kernel.sym || { echo "bochs-break: $(SYM) is not in $(BUILD)/kernel.sym" >&2; exit 2; }
	@{ cat tools/bochs-init.rc; echo 'lb "$(SYM)"'; echo c; } > $(BUILD)/bochs-break.rc
	@echo "bochs-break: running to $(SYM) ($(BOCHS_ISO)); 'r', 'sreg', 'x /17wx esp' ..."
	$(call BOCHS_RUN,$(BUILD)/bochs-break.rc)

.PHONY: bochs-break FORCE
FORCE:

# QEMU waits at the reset vector for gdb; gdb loads the symbols, attaches
# and runs to _start (tools/kernel.gdb). QEMU runs in its own session so
# that Ctrl-C in gdb interrupts the guest instead of killing QEMU; its
# serial output still comes to this terminal. Quitting gdb stops QEMU
# (the shell survives Ctrl-C, `trap : INT`, to do that; make itself then
# reports "Interrupt" once gdb has quit).
GDB_PORT_HEX = $$(printf '%04X' $(GDB_PORT))
gdb: deps all
	@if grep -q ":$(GDB_PORT_HEX) 00000000:0000 0A" /proc/net/tcp 2>/dev/null; then \
		echo "gdb: port $(GDB_PORT) is taken; try make gdb GDB_PORT=..." >&2; exit 1; \
	fi; \
	setsid $(QEMU) $(QEMU_MACHINE) -serial stdio $(QEMU_KERNEL) \
		-gdb tcp:127.0.0.1:$(GDB_PORT) -S $(QEMU_EXTRA) </dev/null & \
	qemu=$$!; \
	n=0; until grep -q ":$(GDB_PORT_HEX) 00000000:0000 0A" /proc/net/tcp; do \
		kill -0 $$qemu 2>/dev/null && [ $$n -lt 100 ] || \
			{ echo "gdb: QEMU did not start" >&2; exit 1; }; \
		n=$$((n + 1)); sleep 0.05; \
	done; \
	trap 'kill $$qemu 2>/dev/null' EXIT; trap : INT; \
	$(GDB) -q -ex 'set $$port = $(GDB_PORT)' -x tools/kernel.gdb

bench: deps all linux-kernel linux-initramfs
	BENCH_RUNS=$(BENCH_RUNS) QEMU="$(QEMU)" tools/bench-boot.sh
	QEMU="$(QEMU)" BOCHS="$(BOCHS)" tools/bench-syscall.sh

bench-report:
	tools/bench-report.pl $(BUILD)/bench

.PHONY: bench-report
