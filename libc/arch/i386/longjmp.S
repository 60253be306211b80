/*
 * longjmp.S: void longjmp(jmp_buf env, int val), and _longjmp, the same
 * function. Neither touches the signal mask (siglongjmp does).
 *
 * Reloads the registers setjmp saved and jumps to its return address,
 * so setjmp returns again, with val, or 1 if val is 0.
 *
 *	8(%esp)	val
 *	4(%esp)	env
 *	0(%esp)	return address (abandoned)
 */
	.text
	.globl	longjmp
	.type	longjmp, @function
	.globl	_longjmp
	.type	_longjmp, @function
longjmp:
_longjmp:
	.cfi_startproc
	movl	4(%esp), %edx
	movl	8(%esp), %eax
	# 0 becomes 1 (setjmp never returns 0 twice): the compare borrows,
	# setting the carry, only for 0.
	cmpl	$1, %eax
	adcl	$0, %eax
	movl	0(%edx), %ebx
	movl	4(%edx), %esi
	movl	8(%edx), %edi
	movl	12(%edx), %ebp
	movl	16(%edx), %esp
	jmp	*20(%edx)
	.cfi_endproc
	.size	longjmp, . - longjmp
	.size	_longjmp, . - _longjmp

	.section .note.GNU-stack, "", @progbits
