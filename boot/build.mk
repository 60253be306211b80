# boot/: the NASM entry point GRUB legacy and QEMU jump to.
KERNEL_OBJS += $(BUILD)/boot/multiboot.o

$(BUILD)/boot/multiboot.o: $(BUILD)/include/asm/boot.inc

$(BUILD)/include/asm/boot.inc: include/asm/boot.h tools/h2inc.sh
	@mkdir -p $(dir $@)
	$(quiet) GEN $@
	$(Q)tools/h2inc.sh $< > $@
