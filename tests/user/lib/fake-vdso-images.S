/*
 * fake-vdso-images.S: the two fake vDSO images for libc_vdso, embedded
 * page-aligned in an executable section (the test calls into them):
 *
 *	fake_vdso_sysv	fake-vdso-sysv.so, symbol count from DT_HASH
 *	fake_vdso_gnu	fake-vdso-gnu.so, symbol count from DT_GNU_HASH
 *
 * .incbin finds them through -Wa,-I<build dir>; libc/build.mk lists them
 * as prerequisites (the assembler's -MD does not see .incbin).
 */
	.section .text.fake_vdso, "ax", @progbits
	.balign	4096
	.globl	fake_vdso_sysv
fake_vdso_sysv:
	.incbin	"fake-vdso-sysv.so"

	.balign	4096
	.globl	fake_vdso_gnu
fake_vdso_gnu:
	.incbin	"fake-vdso-gnu.so"

	.section .note.GNU-stack, "", @progbits
