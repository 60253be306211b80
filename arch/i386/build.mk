# arch/i386/: the PC and the i386 CPU.
KERNEL_OBJS += $(addprefix $(BUILD)/arch/i386/, \
	cpu.o gdt.o idt.o traps.o entry.o i8259.o irq.o time.o \
	serial.o vga.o debugcon.o power.o syscall_mode.o switch.o uaccess.o \
	tls.o vdso_map.o rtc.o signal.o fpu.o)

# Signal frames: checked against the layout the vDSO's unwind info uses.
$(BUILD)/arch/i386/signal.o: $(BUILD)/include/generated/vdso-sigframe.h

LDFLAGS += -T $(BUILD)/kernel.ld

$(BUILD)/kernel.ld: arch/i386/kernel.ld.S include/asm/boot.h
	@mkdir -p $(dir $@)
	$(quiet) CPP $@
	$(Q)$(CC) -E -P -x c -D__ASSEMBLER__ -Iinclude $< -o $@

# Offsets of C structures for assembly (PT_EBX, ...), generated from
# arch/i386/asm-offsets.c the way Linux does it.
$(BUILD)/include/asm/asm-offsets.h: arch/i386/asm-offsets.c include/asm/ptrace.h include/asm/desc.h include/kernel/sched.h include/kernel/signal.h tools/gen-asm-offsets.sh | $(UAPI)
	@mkdir -p $(dir $@)
	$(quiet) GEN $@
	$(Q)$(CC) $(filter-out -MD -MP,$(CFLAGS)) -S $< -o $(BUILD)/asm-offsets.s
	$(Q)tools/gen-asm-offsets.sh $(BUILD)/asm-offsets.s > $@

$(BUILD)/arch/i386/entry.o $(BUILD)/arch/i386/switch.o: $(BUILD)/include/asm/asm-offsets.h

# NR_syscalls from the UAPI syscall numbers.
$(BUILD)/include/generated/nr_syscalls.h: $(UAPI) tools/gen-nr-syscalls.sh
	@mkdir -p $(dir $@)
	$(quiet) GEN $@
	$(Q)tools/gen-nr-syscalls.sh $(BUILD)/uapi/asm/unistd_32.h > $@

$(BUILD)/arch/i386/entry.o $(BUILD)/kernel/sys_call_table.o: \
	$(BUILD)/include/generated/nr_syscalls.h
