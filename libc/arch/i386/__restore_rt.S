/*
 * __restore_rt.S: the rt_sigreturn trampoline for SA_SIGINFO handlers
 * (hidden; sigaction passes it as sa_restorer).
 *
 * The kernel builds a struct rt_sigframe for such a handler (sigframe.h)
 * and makes sa_restorer its return address; when the handler returns,
 * %esp points at the frame's `sig` word, where rt_sigreturn expects it.
 * rt_sigreturn restores every register, the mask and the alternate
 * stack from the frame and does not return.
 *
 * `mov $__NR_rt_sigreturn, %eax; int $0x80` (b8 ad 00 00 00 cd 80), the
 * sequence debuggers recognise; the unwind table describes a signal
 * frame, starting at a nop one byte early (see __restore.S).
 */
#include <asm/unistd.h>
#include "sigframe.h"

	.text
	.cfi_startproc simple
	.cfi_signal_frame
	cfi_sigcontext RT_SIGFRAME_SC
	nop
	.globl	__restore_rt
	.hidden	__restore_rt
	.type	__restore_rt, @function
__restore_rt:
	movl	$__NR_rt_sigreturn, %eax
	int	$0x80
	.cfi_endproc
	.size	__restore_rt, . - __restore_rt

	.section .note.GNU-stack, "", @progbits
