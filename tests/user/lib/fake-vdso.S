/*
 * fake-vdso.S: a stand-in vDSO for libc_vdso, linked like the kernel's
 * (ld -shared with a version script, fake-vdso.ver) into fake-vdso-sysv.so
 * (DT_HASH) and fake-vdso-gnu.so (DT_GNU_HASH), then embedded in the
 * test by fake-vdso-images.S.
 *
 * Every function just returns its own marker in eax, so the test can
 * tell which symbol a lookup found:
 *
 *	0(%esp)	return address
 */
	.text
	.macro	marker name, value
	.globl	\name
	.type	\name, @function
\name:
	movl	$\value, %eax
	ret
	.size	\name, . - \name
	.endm

	marker	__kernel_vsyscall, 25
	marker	__vdso_getcpu, 251
	marker	__vdso_clock_gettime, 26
	marker	__vdso_gettimeofday, 27
	marker	__vdso_time, 28
	/* global in the object, local in the DSO (not in the version script) */
	marker	not_exported, 99

	.section .note.GNU-stack, "", @progbits
