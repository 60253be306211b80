# tests/kernel/: in-kernel unit tests, linked into the kernel (test=SUITE).
KERNEL_OBJS += $(patsubst %.c,$(BUILD)/%.o,$(wildcard tests/kernel/*.c))
