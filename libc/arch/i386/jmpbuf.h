/*
 * jmpbuf.h: what setjmp.S and sigsetjmp.S both save, as one macro.
 *
 * With env's address at 4(%esp) and the return address at 0(%esp) (the
 * state right after the call), store into env: ebx, esi, edi, ebp, the
 * caller's esp (%esp + 4, past the return address), the return address,
 * and 0 in __mask_was_saved (no mask saved yet). Leaves eax = env; ecx
 * is clobbered. Offsets are glibc's i386 __jmp_buf order (<setjmp.h>).
 */
#ifndef _LIBC_JMPBUF_H
#define _LIBC_JMPBUF_H

.macro SAVE_JMPBUF
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
.endm

#endif
