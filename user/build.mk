# user/: the programs the kernel runs (init), and the initramfs that
# carries them with the test programs:
#
#   /init            user/init.c
#   /tests/NAME      tests/user/NAME.c (every one; the kernel's test=user
#                    suite runs them in name order)
USER_PROGS := init bench
USER_TEST_PROGS := $(sort $(basename $(notdir $(wildcard tests/user/*.c))))
INITRAMFS := $(BUILD)/initramfs.cpio

$(BUILD)/user/%: user/%.c $(CRT1) $(LIBC_A) | $(UAPI) $(LIBC_HDRS)
	@mkdir -p $(dir $@)
	$(quiet) CC $@.o
	$(Q)$(CC) $(USER_CFLAGS) -MD -MP -MF $@.d -MT $@ -c $< -o $@.o
	$(quiet) LD $@
	$(Q)$(LD) $(USER_LDFLAGS) -o $@ $(CRT1) $@.o $(LIBC_A)

INITRAMFS_FILES := $(USER_PROGS:%=$(BUILD)/user/%) \
	$(USER_TEST_PROGS:%=$(BUILD)/tests/user/%)

# Staged in a fresh directory each time, so removed programs disappear.
$(INITRAMFS): $(INITRAMFS_FILES) tools/mkinitramfs.sh user/build.mk
	$(quiet) CPIO $@
	$(Q)rm -rf $(BUILD)/rootfs && mkdir -p $(BUILD)/rootfs/tests
	$(Q)cp $(USER_PROGS:%=$(BUILD)/user/%) $(BUILD)/rootfs/
	$(Q)$(if $(USER_TEST_PROGS),cp $(USER_TEST_PROGS:%=$(BUILD)/tests/user/%) $(BUILD)/rootfs/tests/)
	$(Q)tools/mkinitramfs.sh $(BUILD)/rootfs $@

.PHONY: initramfs
initramfs: $(INITRAMFS)
