/*
 * __restore.S: the sigreturn trampoline for handlers without
 * SA_SIGINFO (hidden; sigaction passes it as sa_restorer).
 *
 * The kernel builds a struct sigframe for such a handler and makes
 * sa_restorer its return address. When the handler returns, %esp points
 * at the frame's `sig` word (sigframe.h); sigreturn wants it one word
 * higher, at the sigcontext, so the word is popped first. sigreturn
 * restores every register and the mask from the frame and does not
 * return.
 *
 * The bytes are the classic `pop %eax; mov $__NR_sigreturn, %eax;
 * int $0x80` (58 b8 77 00 00 00 cd 80), which debuggers recognise as a
 * Linux signal trampoline. The unwind table says the same for unwinders:
 * a signal frame ('S') whose caller's registers are in the sigcontext.
 * It starts one byte early, at a nop: an unwinder looks for the frame of
 * a return address at that address minus 1 (it assumes a call), and the
 * handler "returns" to the trampoline's first byte.
 */
#include <asm/unistd.h>
#include "sigframe.h"

	.text
	.cfi_startproc simple
	.cfi_signal_frame
	cfi_sigcontext SIGFRAME_SC
	nop
	.globl	__restore
	.hidden	__restore
	.type	__restore, @function
__restore:
	popl	%eax
	cfi_sigcontext (SIGFRAME_SC-4)
	movl	$__NR_sigreturn, %eax
	int	$0x80
	.cfi_endproc
	.size	__restore, . - __restore

	.section .note.GNU-stack, "", @progbits
