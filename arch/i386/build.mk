# arch/i386/: the PC and the i386 CPU.
KERNEL_OBJS += $(addprefix $(BUILD)/arch/i386/, \
	cpu.o gdt.o idt.o traps.o entry.o i8259.o irq.o time.o \
	serial.o vga.o debugcon.o power.o syscall_mode.o)

LDFLAGS += -T $(BUILD)/kernel.ld

$(BUILD)/kernel.ld: arch/i386/kernel.ld.S include/asm/boot.h
	@mkdir -p $(dir $@)
	$(quiet) CPP $@
	$(Q)$(CC) -E -P -x c -D__ASSEMBLER__ -Iinclude $< -o $@

# Offsets of C structures for assembly (PT_EBX, ...), generated from
# arch/i386/asm-offsets.c the way Linux does it.
$(BUILD)/include/asm/asm-offsets.h: arch/i386/asm-offsets.c include/asm/ptrace.h tools/gen-asm-offsets.sh
	@mkdir -p $(dir $@)
	$(quiet) GEN $@
	$(Q)$(CC) $(filter-out -MD -MP,$(CFLAGS)) -S $< -o $(BUILD)/asm-offsets.s
	$(Q)tools/gen-asm-offsets.sh $(BUILD)/asm-offsets.s > $@

$(BUILD)/arch/i386/entry.o: $(BUILD)/include/asm/asm-offsets.h
