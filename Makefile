# Top-level Makefile: one make, no recursion. Each directory contributes a
# fragment (*/build.mk) that appends its objects to KERNEL_OBJS.
#
#   make            build/kernel.elf, build/kernel.sym, build/initramfs.cpio,
#                   build/os.iso
#   make run        boot in QEMU, serial console on this terminal (Ctrl-A X quits)
#   make run-iso    boot build/os.iso: the GRUB legacy menu, then the kernel
#   make test       every test, driven by prove
#   make test-linux the user tests on Debian's Linux 6.1 i386, same QEMU
#   make bochs      boot the ISO in Bochs with its debugger
#   make gdb        QEMU stopped at _start, gdb attached
#   make bench      boot time and system-call cost
#   make vdso-dump  both vDSO images, disassembled
#
# Variables: SYSCALL=int80|sysenter|auto  APPEND="more kernel args"  QEMU_EXTRA=...

BUILD   := build
# `make V=1` shows whole command lines; otherwise one short line each.
ifeq ($(V),1)
Q :=
quiet = @true
else
Q := @
quiet = @printf '  %-8s %s\n'
endif
SYSCALL ?= auto
APPEND  ?=

CC      := gcc
LD      := ld
NM      := nm
OBJCOPY := objcopy
NASM    := nasm
QEMU    := qemu-system-i386

# Freestanding 32-bit C: only GCC's own headers (stdint.h, stdarg.h, ...),
# no libc, no libgcc. Frame pointers stay so panic() can walk the stack.
CFLAGS  := -m32 -march=i686 -std=gnu11 -ffreestanding -nostdinc \
	   -isystem $(shell $(CC) -print-file-name=include) \
	   -fno-pie -fno-pic -fno-stack-protector -fno-omit-frame-pointer \
	   -fno-asynchronous-unwind-tables -fno-common -mgeneral-regs-only \
	   -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	   -Wstrict-prototypes -Wmissing-prototypes \
	   -Iinclude -I$(BUILD)/include -MD -MP
ASFLAGS := -m32 -nostdinc -D__ASSEMBLER__ -Iinclude -I$(BUILD)/include -idirafter $(BUILD)/uapi -MD -MP -g
NASMFLAGS := -f elf32 -g -F dwarf -Iinclude/ -I$(BUILD)/include/
LDFLAGS := -m elf_i386 -nostdlib -no-pie -z noexecstack \
	   --no-warn-rwx-segments

.DEFAULT_GOAL := all
# Linux's UAPI headers from Debian's linux-libc-dev are the source of
# truth for numbers and layouts (syscall numbers, user_desc, auxv, ...).
# build/uapi holds links to just those directories; the kernel sees them
# after its own include/ (-idirafter), the libc and user programs directly.
UAPI_SRC := /usr/include
UAPI_ARCH_SRC := /usr/include/x86_64-linux-gnu/asm
UAPI := $(BUILD)/uapi/.stamp
$(UAPI): tools/install-deps.sh
	@mkdir -p $(BUILD)/uapi
	$(Q)test -f $(UAPI_ARCH_SRC)/unistd_32.h || { echo "linux-libc-dev missing: run tools/install-deps.sh" >&2; exit 1; }
	$(Q)ln -sfn $(UAPI_SRC)/linux $(BUILD)/uapi/linux
	$(Q)ln -sfn $(UAPI_SRC)/asm-generic $(BUILD)/uapi/asm-generic
	$(Q)ln -sfn $(UAPI_ARCH_SRC) $(BUILD)/uapi/asm
	@touch $@
CFLAGS += -idirafter $(BUILD)/uapi

KERNEL_OBJS :=
include boot/build.mk
include arch/i386/build.mk
include kernel/build.mk
include mm/build.mk
include tests/kernel/build.mk
include arch/i386/vdso/build.mk
include libc/build.mk
include user/build.mk

$(KERNEL_OBJS): | $(UAPI)

.PHONY: all deps run run-iso test bochs gdb bench clean
all: $(BUILD)/kernel.elf $(BUILD)/kernel.sym $(INITRAMFS) $(BUILD)/os.iso

deps:
	@tools/install-deps.sh

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(quiet) CC $@
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/%.o: %.S
	@mkdir -p $(dir $@)
	$(quiet) AS $@
	$(Q)$(CC) $(ASFLAGS) -c $< -o $@

$(BUILD)/%.o: %.asm
	@mkdir -p $(dir $@)
	$(quiet) NASM $@
	$(Q)$(NASM) $(NASMFLAGS) -MD $(@:.o=.d) -MP $< -o $@

# The kernel is linked twice. Pass 1 has an empty symbol table; its `nm`
# output becomes the table (build/kallsyms.S) that pass 2 links in. The
# table lives in its own section after .bss, so no other address moves;
# tools/check-kallsyms.sh proves that.
$(BUILD)/kernel.pass1.elf: $(KERNEL_OBJS) $(BUILD)/kallsyms-empty.o $(BUILD)/kernel.ld
	$(quiet) LD $@
	$(Q)$(LD) $(LDFLAGS) -o $@ $(KERNEL_OBJS) $(BUILD)/kallsyms-empty.o

$(BUILD)/kallsyms.S: $(BUILD)/kernel.pass1.elf tools/gen-kallsyms.sh
	$(quiet) GEN $@
	$(Q)tools/gen-kallsyms.sh $< > $@

$(BUILD)/kallsyms.o $(BUILD)/kallsyms-empty.o: $(BUILD)/%.o: $(BUILD)/%.S
	$(quiet) AS $@
	$(Q)$(CC) $(ASFLAGS) -c $< -o $@

$(BUILD)/kallsyms-empty.S:
	@mkdir -p $(BUILD)
	$(Q)tools/gen-kallsyms.sh /dev/null > $@

$(BUILD)/kernel.elf: $(KERNEL_OBJS) $(BUILD)/kallsyms.o $(BUILD)/kernel.ld tools/check-kallsyms.sh
	$(quiet) LD $@
	$(Q)$(LD) $(LDFLAGS) -o $@ $(KERNEL_OBJS) $(BUILD)/kallsyms.o
	$(Q)tools/check-kallsyms.sh $(BUILD)/kernel.pass1.elf $@

# Address-name list in the form Bochs's `ldsym global` reads.
$(BUILD)/kernel.sym: $(BUILD)/kernel.elf
	$(quiet) GEN $@
	$(Q)$(NM) -n $< | awk '$$2 ~ /^[TtDdBbRr]$$/ { print $$1, $$3 }' > $@

$(BUILD)/os.iso: $(BUILD)/kernel.elf $(INITRAMFS) boot/grub/menu.lst tools/mkiso.sh
	$(quiet) ISO $@
	$(Q)tools/mkiso.sh $@ $(BUILD)/kernel.elf boot/grub/menu.lst $(INITRAMFS)

include tools/run.mk
include tools/linux.mk

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
