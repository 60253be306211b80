/*
 * vfork.S: pid_t vfork(void).
 *
 * The child runs in the parent's memory, on the parent's stack, while
 * the parent sleeps until the child calls _exit or a successful execve.
 * Returns 0 in the child, the child's pid in the parent, or -1 and errno
 * (the parent only: no child was made).
 *
 * Stack at entry (shared by both sides once the trap returns):
 *
 *	0(%esp)	return address into the caller
 *
 * The child goes first: it returns to the caller and goes on calling
 * functions (execve, _exit), whose frames overwrite that slot and
 * everything below it. So:
 *
 * - The return address leaves the stack before the trap and stays in
 *   %edx, which the kernel saves per task: each side pushes its own
 *   copy back afterwards.
 *
 * - The trap is an inline `int $0x80`, not `call *%gs:0x10`. A call
 *   pushes its own return address on the shared stack, and the vDSO's
 *   sysenter path also keeps ecx, edx and ebp there (__kernel_vsyscall
 *   pushes them and pops them after sysexit). The parent would pop them,
 *   and the return address, after the child had overwritten them. With
 *   int $0x80 the parent's registers and resume address are all in its
 *   kernel-side frame, where the child cannot reach.
 */
#include <asm/unistd.h>

	.text
	.globl	vfork
	.type	vfork, @function
vfork:
	# Our return address, out of the shared stack.
	popl	%edx
	movl	$__NR_vfork, %eax
	int	$0x80
	# Both sides (or the parent alone on failure): back on the stack.
	pushl	%edx
	# -errno becomes errno and -1; a pid or 0 passes through.
	pushl	%eax
	call	__syscall_ret
	addl	$4, %esp
	ret
	.size	vfork, . - vfork

	.section .note.GNU-stack, "", @progbits
