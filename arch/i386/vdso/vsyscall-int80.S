/*
 * arch/i386/vdso/vsyscall-int80.S: __kernel_vsyscall through int $0x80,
 * for CPUs without sysenter and for syscall=int80. One of the two vDSO
 * images (vdso-int80.so) is built from this file, sigreturn.S (included
 * at the end) and vclock_gettime.c.
 *
 * Who calls it: user code, by `call *%gs:0x10` (glibc and our libc keep
 * AT_SYSINFO, which points here, in the TCB) or `call *AT_SYSINFO`,
 * with the system call number in eax and the arguments in ebx, ecx,
 * edx, esi, edi, ebp, exactly as for a bare int $0x80. Every register
 * but eax (the result) comes back unchanged.
 *
 * The stack, higher addresses first:
 *
 *	...caller's frame...
 *	return address		<- esp on entry, at the int and at the ret
 *
 * Restart: to restart an interrupted system call the kernel rewinds eip
 * by 2, the length of int $0x80, and returns to the int itself.
 */

	.text
	.globl	__kernel_vsyscall
	.type	__kernel_vsyscall, @function
	.balign	32
__kernel_vsyscall:
	.cfi_startproc
	/* Enter the kernel; it leaves the result in eax. */
	int	$0x80
	/* Back to the caller: pops the return address. */
	ret
	.cfi_endproc
	.size	__kernel_vsyscall, . - __kernel_vsyscall

#include "sigreturn.S"

	/* No executable stack wanted. */
	.section .note.GNU-stack, "", @progbits
