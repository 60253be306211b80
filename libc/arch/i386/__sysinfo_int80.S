/*
 * __sysinfo_int80.S: the default system-call entry, glibc's
 * _dl_sysinfo_int80. TCB.sysinfo points here when the kernel gave no
 * AT_SYSINFO (no vDSO), so `call *%gs:0x10` always has a target.
 *
 * Called like __kernel_vsyscall: eax = number, ebx ecx edx esi edi ebp =
 * arguments; returns the result in eax, every other register intact.
 *
 *	0(%esp)	return address into the libc stub
 */
	.text
	.globl	__sysinfo_int80
	.hidden	__sysinfo_int80
	.type	__sysinfo_int80, @function
__sysinfo_int80:
	int	$0x80
	ret
	.size	__sysinfo_int80, . - __sysinfo_int80

	.section .note.GNU-stack, "", @progbits
