# kernel/: architecture-independent core.
KERNEL_OBJS += $(addprefix $(BUILD)/kernel/, \
	main.o printk.o vsprintf.o string.o params.o panic.o kallsyms.o \
	ktest.o)
