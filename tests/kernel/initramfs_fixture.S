/*
 * The initramfs test fixtures: two cpio archives the build makes with
 * tools/mkinitramfs.sh (tests/kernel/initramfs-fixture.mk, which passes
 * their paths as INITRAMFS_FIXTURE_A/B and states the make dependency
 * .incbin hides). Only tests/kernel/test_initramfs.c reads them.
 *
 * Each blob sits in .rodata between a start and an end symbol; nothing
 * here runs. The unpacker counts cpio's 4-byte padding from the start of
 * its buffer, not from address 0, so the alignment is only tidiness.
 */
	.section .rodata
	.balign 4
	.globl initramfs_fixture_a, initramfs_fixture_a_end
initramfs_fixture_a:
	.incbin INITRAMFS_FIXTURE_A
initramfs_fixture_a_end:

	.balign 4
	.globl initramfs_fixture_b, initramfs_fixture_b_end
initramfs_fixture_b:
	.incbin INITRAMFS_FIXTURE_B
initramfs_fixture_b_end:
