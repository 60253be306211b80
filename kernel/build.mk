# kernel/: architecture-independent core.
KERNEL_OBJS += $(addprefix $(BUILD)/kernel/, \
	main.o printk.o vsprintf.o string.o params.o panic.o kallsyms.o \
	ktest.o extable.o sched.o exit.o exec.o binfmt_elf.o spawn.o \
	user_tests.o sys_call_table.o sys.o time.o file.o console_file.o \
	wait.o fork.o fs_struct.o sighand.o namei.o)
# The initramfs (cpio unpacker) and the in-memory tree it fills.
KERNEL_OBJS += $(BUILD)/kernel/initramfs.o $(BUILD)/kernel/ramfs.o

# The table presets every slot to sys_ni_syscall, then names the real
# ones: overriding an initializer is the point there (Linux does the same).
$(BUILD)/kernel/sys_call_table.o: CFLAGS += -Wno-override-init
# futex(2) and the CLONE_CHILD_CLEARTID wake.
KERNEL_OBJS += $(BUILD)/kernel/futex.o
# Signals: sending, masks, pending sets, default actions; ITIMER_REAL.
KERNEL_OBJS += $(BUILD)/kernel/signal.o $(BUILD)/kernel/itimer.o
# Descriptor tables (close, dup*, fcntl) and pipes.
KERNEL_OBJS += $(BUILD)/kernel/fd.o $(BUILD)/kernel/pipe.o
