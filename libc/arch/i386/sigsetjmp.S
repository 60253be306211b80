/*
 * sigsetjmp.S: int sigsetjmp(sigjmp_buf env, int savemask).
 *
 * setjmp (setjmp.S), and with savemask != 0 also the signal mask, for
 * siglongjmp to restore. It must be asm: the registers saved must be the
 * caller's, as at its call, and a C wrapper around setjmp would return
 * from its own frame before the longjmp (the frame setjmp saved is gone).
 * So the registers are saved here, then, if the mask is wanted, this
 * jumps (not calls) to __sigsetjmp_tail(env, savemask): that C function
 * runs in place of this one, with the same arguments and return address,
 * saves the mask in env and returns 0 to sigsetjmp's caller.
 *
 *	8(%esp)	savemask
 *	4(%esp)	env
 *	0(%esp)	return address
 */
#include "jmpbuf.h"

	.text
	.globl	sigsetjmp
	.type	sigsetjmp, @function
sigsetjmp:
	.cfi_startproc
	# The registers, and __mask_was_saved 0 until __sigsetjmp_tail saves it.
	SAVE_JMPBUF
	cmpl	$0, 8(%esp)
	jne	__sigsetjmp_tail
	xorl	%eax, %eax
	ret
	.cfi_endproc
	.size	sigsetjmp, . - sigsetjmp

	.section .note.GNU-stack, "", @progbits
