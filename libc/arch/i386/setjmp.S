/*
 * setjmp.S: int setjmp(jmp_buf env), and _setjmp, the same function.
 *
 * Saves what a return from here needs (<setjmp.h>): the callee-saved
 * ebx, esi, edi, ebp, the caller's stack pointer (%esp + 4, past the
 * return address) and the return address, and marks the signal mask as
 * not saved (so siglongjmp on this buffer restores none). Returns 0;
 * longjmp comes back here with its value.
 *
 *	4(%esp)	env
 *	0(%esp)	return address
 */
	.text
	.globl	setjmp
	.type	setjmp, @function
	.globl	_setjmp
	.type	_setjmp, @function
setjmp:
_setjmp:
	.cfi_startproc
	movl	4(%esp), %eax
	movl	%ebx, 0(%eax)
	movl	%esi, 4(%eax)
	movl	%edi, 8(%eax)
	movl	%ebp, 12(%eax)
	leal	4(%esp), %ecx
	movl	%ecx, 16(%eax)
	movl	(%esp), %ecx
	movl	%ecx, 20(%eax)
	movl	$0, 24(%eax)
	xorl	%eax, %eax
	ret
	.cfi_endproc
	.size	setjmp, . - setjmp
	.size	_setjmp, . - _setjmp

	.section .note.GNU-stack, "", @progbits
