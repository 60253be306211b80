# Targets that boot the kernel (owned by the harness work; placeholder).
QEMU_FLAGS := -m 128M -serial stdio -display none -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04

run: deps all
	$(QEMU) $(QEMU_FLAGS) -kernel $(BUILD)/kernel.elf -append "syscall=$(SYSCALL) $(APPEND)"
