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
#include "jmpbuf.h"

	.text
	.globl	setjmp
	.type	setjmp, @function
	.globl	_setjmp
	.type	_setjmp, @function
setjmp:
_setjmp:
	.cfi_startproc
	SAVE_JMPBUF
	xorl	%eax, %eax
	ret
	.cfi_endproc
	.size	setjmp, . - setjmp
	.size	_setjmp, . - _setjmp

	.section .note.GNU-stack, "", @progbits
