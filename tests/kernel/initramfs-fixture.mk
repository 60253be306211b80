# The cpio archives tests/kernel/test_initramfs.c unpacks, made at build
# time by tools/mkinitramfs.sh and embedded by initramfs_fixture.S.
#
#   initramfs-a.cpio  newc: tests/kernel/initramfs-fixture/ plus what git
#                     cannot hold: exact modes, an empty file and an empty
#                     directory, symlinks, a hard link, a 5000-byte file
#                     whose byte i is (i * 7 + 3) & 0xff
#   initramfs-b.cpio  crc (070702): an overlay that replaces hello.txt and
#                     adds extra/more.txt, to be unpacked after a
#
# .incbin is invisible to -MD, so the object's dependency on the archives
# is stated here.
IRFS_SRC := tests/kernel/initramfs-fixture
IRFS_A   := $(BUILD)/tests/kernel/initramfs-a.cpio
IRFS_B   := $(BUILD)/tests/kernel/initramfs-b.cpio
IRFS_OBJ := $(BUILD)/tests/kernel/initramfs_fixture.o
IRFS_DEPS := $(shell find $(IRFS_SRC)) tools/mkinitramfs.sh \
	tests/kernel/initramfs-fixture.mk

KERNEL_OBJS += $(IRFS_OBJ)

$(IRFS_OBJ): $(IRFS_A) $(IRFS_B)
$(IRFS_OBJ): ASFLAGS += -DINITRAMFS_FIXTURE_A='"$(IRFS_A)"' \
	-DINITRAMFS_FIXTURE_B='"$(IRFS_B)"'

$(IRFS_A): $(IRFS_DEPS)
	@rm -rf $@.stage && mkdir -p $@.stage
	$(quiet) CPIO $@
	$(Q)cp -R $(IRFS_SRC)/. $@.stage/
	$(Q)cd $@.stage && find . -type f -exec chmod 0644 {} + && \
		find . -type d -exec chmod 0755 {} + && chmod 0755 bin/init && \
		perl -e 'print pack("C*", map { ($$_ * 7 + 3) & 255 } 0 .. 4999)' > big.bin && \
		: > empty && mkdir -m 0700 emptydir && \
		ln -s hello.txt link && ln -s /bin/init etc/rc && \
		ln hello.txt hello.hard
	$(Q)SOURCE_DATE_EPOCH=0 tools/mkinitramfs.sh $@.stage $@
	@rm -rf $@.stage

$(IRFS_B): tools/mkinitramfs.sh tests/kernel/initramfs-fixture.mk
	@rm -rf $@.stage && mkdir -p $@.stage/extra
	$(quiet) CPIO $@
	$(Q)cd $@.stage && printf 'Hello again!\n' > hello.txt && \
		printf 'more\n' > extra/more.txt && \
		chmod 0644 hello.txt extra/more.txt && chmod 0755 . extra
	$(Q)SOURCE_DATE_EPOCH=0 tools/mkinitramfs.sh --crc $@.stage $@
	@rm -rf $@.stage
