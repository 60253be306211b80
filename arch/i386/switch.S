/*
 * switch_to(prev, next): give the CPU from task prev to task next.
 *
 * Only the callee-saved registers need keeping (the caller, schedule(),
 * is a C function): push them on prev's kernel stack, save esp and a
 * resume address in prev->thread, load next's esp, push next's resume
 * address and tail-call __switch_to(prev, next) (regparm: eax, edx),
 * whose `ret` lands at that address. For a task that ran before, that
 * is label 1 below; for a new one it is ret_from_fork.
 *
 *	prev's stack at the switch:  ebp ebx esi edi  <- thread.esp
 */
#include <asm/asm-offsets.h>

	.text
	.globl	switch_to
	.type	switch_to, @function
switch_to:
	movl	4(%esp), %eax		/* eax = prev */
	movl	8(%esp), %edx		/* edx = next */
	pushl	%ebp
	pushl	%ebx
	pushl	%esi
	pushl	%edi
	movl	%esp, TASK_THREAD_ESP(%eax)
	movl	$1f, TASK_THREAD_EIP(%eax)
	movl	TASK_THREAD_ESP(%edx), %esp	/* now on next's stack */
	pushl	TASK_THREAD_EIP(%edx)		/* __switch_to returns there */
	jmp	__switch_to
1:	popl	%edi
	popl	%esi
	popl	%ebx
	popl	%ebp
	ret

/*
 * A new task's first instructions: its kernel stack holds only the
 * struct pt_regs that copy_thread (or exec) prepared, and esp points at
 * it. Leave through the ordinary return-to-user path.
 */
	.globl	ret_from_fork
	.type	ret_from_fork, @function
ret_from_fork:
	call	schedule_tail
	jmp	resume_userspace
