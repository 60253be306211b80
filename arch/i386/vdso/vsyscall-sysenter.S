/*
 * arch/i386/vdso/vsyscall-sysenter.S: __kernel_vsyscall through sysenter,
 * Linux's sequence byte for byte. One of the two vDSO images
 * (vdso-sysenter.so) is built from this file, sigreturn.S (included at
 * the end) and vclock_gettime.c.
 *
 * Who calls it: user code, by `call *%gs:0x10` or `call *AT_SYSINFO`,
 * with the number in eax and the arguments in ebx, ecx, edx, esi, edi,
 * ebp. Every register but eax (the result) comes back unchanged.
 *
 * sysenter saves nothing: the CPU jumps to the kernel's sysenter_entry
 * with the kernel's esp, and sysexit returns to eip = edx, esp = ecx.
 * So ecx and edx (arguments 2 and 3) are saved on the user stack first,
 * and ebp (argument 6) too, because ebp then carries the user esp into
 * the kernel, which reads argument 6 back from (%ebp). The user stack
 * while in the kernel, higher addresses first:
 *
 *	return address		 12(%ebp)
 *	saved ecx		  8(%ebp)
 *	saved edx		  4(%ebp)
 *	saved ebp = argument 6	  0(%ebp)	<- esp = ebp at sysenter
 *
 * The kernel returns (sysexit, or iret whenever it must) to
 * SYSENTER_RETURN, __kernel_vsyscall + 16, whose offset it takes from
 * the generated vdso-offsets.h. To restart an interrupted system call
 * it rewinds eip by 2, exactly as for int $0x80: that lands on the
 * 2-byte jmp just before SYSENTER_RETURN, which goes back to the
 * `movl %esp, %ebp` and enters again with the same arguments.
 */

	.text
	.globl	__kernel_vsyscall
	.type	__kernel_vsyscall, @function
	.balign	32
__kernel_vsyscall:
	.cfi_startproc
	/* Save ecx: sysexit will load the user esp into it. */
	pushl	%ecx
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset ecx, 0
	/* Save edx: sysexit will load the return eip into it. */
	pushl	%edx
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset edx, 0
	/* Save ebp, argument 6: the kernel reads it back from (%ebp). */
	pushl	%ebp
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset ebp, 0
.Lenter_kernel:
	/* ebp = user esp, the only user state the kernel gets from us. */
	movl	%esp, %ebp
	/* Into the kernel; it comes back at SYSENTER_RETURN. */
	sysenter

	/* Nops up to offset 14, so that the return point is at 16. */
	.org	__kernel_vsyscall + 14, 0x90
	/* Restart point, SYSENTER_RETURN - 2: enter again. */
	jmp	.Lenter_kernel

	/* The normal return point: the stack is as at the sysenter. */
	.globl	SYSENTER_RETURN
SYSENTER_RETURN:
	/* Restore ebp, edx and ecx; eax holds the result. */
	popl	%ebp
	.cfi_adjust_cfa_offset -4
	.cfi_restore ebp
	popl	%edx
	.cfi_adjust_cfa_offset -4
	.cfi_restore edx
	popl	%ecx
	.cfi_adjust_cfa_offset -4
	.cfi_restore ecx
	/* Back to the caller. */
	ret
	.cfi_endproc
	.size	__kernel_vsyscall, . - __kernel_vsyscall

#include "sigreturn.S"

	/* No executable stack wanted. */
	.section .note.GNU-stack, "", @progbits
