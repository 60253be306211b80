# tests/kernel/: in-kernel unit tests, linked into the kernel (test=SUITE).
KERNEL_OBJS += $(patsubst %.c,$(BUILD)/%.o,$(wildcard tests/kernel/*.c))
# The initramfs suite's cpio fixtures (an .S object, so not matched above).
include tests/kernel/initramfs-fixture.mk
