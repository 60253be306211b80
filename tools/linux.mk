# Reference runs on real Linux (docs/linux-reference.md), included by the
# top-level Makefile: Debian's i386 kernel (linux-image-686, 6.1) boots in
# the same qemu-system-i386 with our test programs, which must pass there
# too.
#
#   make test-linux   fetch the kernel (tools/fetch-linux.sh), build the
#                     Linux initramfs, run prove tests/linux/
#   make run-linux    boot Linux with the same initramfs, serial console
#                     on this terminal (Ctrl-A X quits)
#
#   $(LINUX_INITRAMFS)  build/linux/initramfs.cpio: /linux-init (user/
#                       linux-init.c, the runner) and /tests/NAME, the same
#                       programs as build/initramfs.cpio
#
# Variables: LINUX_CACHE=/var/cache/gate386 (where the .deb is kept)
#   LINUX_APPEND="more kernel args"  QEMU_EXTRA  PROVE  PROVE_FLAGS

LINUX_DIR       := $(BUILD)/linux
LINUX_KERNEL    := $(LINUX_DIR)/vmlinuz
LINUX_INITRAMFS := $(LINUX_DIR)/initramfs.cpio
LINUX_INIT      := $(BUILD)/user/linux-init
LINUX_CACHE     ?= /var/cache/gate386
LINUX_APPEND    ?=
# What tests/linux/user.t boots too (it has its own copy of these).
LINUX_QEMU      := -m 256M -display none -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04
LINUX_CMDLINE   := console=ttyS0 rdinit=/linux-init panic=-1 quiet $(LINUX_APPEND)

# The runner ends QEMU with our kernel's exit codes: take them from the
# header the kernel and tests/lib/Boot.pm read.
LINUX_INIT_DEFS := $(shell sed -n 's/^\#define[ \t]*\(ISA_DEBUG_EXIT_PORT\|TEST_EXIT_PASS\|TEST_EXIT_FAIL\)[ \t]*\([0-9a-fA-Fx]*\).*/-D\1=\2/p' include/asm/power.h)
$(LINUX_INIT): private USER_CFLAGS += $(LINUX_INIT_DEFS)
$(LINUX_INIT): include/asm/power.h tools/linux.mk

# The kernel: fetched once, kept in $(LINUX_CACHE); the script is quick
# when there is nothing to do, so it runs on every make test-linux.
.PHONY: linux-kernel
linux-kernel:
	$(Q)GATE386_CACHE=$(LINUX_CACHE) tools/fetch-linux.sh $(LINUX_DIR)

# Staged afresh each time, like $(INITRAMFS): removed programs disappear.
$(LINUX_INITRAMFS): $(LINUX_INIT) $(BUILD)/user/bench \
		$(USER_TEST_PROGS:%=$(BUILD)/tests/user/%) \
		tools/mkinitramfs.sh tools/linux.mk
	$(quiet) CPIO $@
	$(Q)rm -rf $(LINUX_DIR)/rootfs && mkdir -p $(LINUX_DIR)/rootfs/tests
	$(Q)cp $(LINUX_INIT) $(LINUX_DIR)/rootfs/linux-init
	$(Q)cp $(BUILD)/user/bench $(LINUX_DIR)/rootfs/bench
	$(Q)$(if $(USER_TEST_PROGS),cp $(USER_TEST_PROGS:%=$(BUILD)/tests/user/%) $(LINUX_DIR)/rootfs/tests/)
	$(Q)tools/mkinitramfs.sh $(LINUX_DIR)/rootfs $@

.PHONY: linux-initramfs test-linux run-linux
linux-initramfs: $(LINUX_INITRAMFS)

test-linux: deps all linux-kernel $(LINUX_INITRAMFS)
	LINUX_APPEND="$(LINUX_APPEND)" $(PROVE) $(PROVE_FLAGS) tests/linux/

run-linux: deps all linux-kernel $(LINUX_INITRAMFS)
	@echo "run-linux: serial console here; Ctrl-A X quits QEMU"
	$(QEMU) $(LINUX_QEMU) -serial mon:stdio -kernel $(LINUX_KERNEL) \
		-initrd $(LINUX_INITRAMFS) -append "$(LINUX_CMDLINE)" $(QEMU_EXTRA); \
	status=$$?; [ $$status = 0 ] || [ $$status = $(TEST_PASS_STATUS) ]
