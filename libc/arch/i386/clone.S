/*
 * clone.S: glibc's i386 clone wrapper.
 *
 *	int clone(int (*fn)(void *), void *stack, int flags, void *arg,
 *		  ... [pid_t *ptid, struct user_desc *tls, pid_t *ctid]);
 *
 * The system call knows nothing of fn and arg: like fork, it returns
 * twice at the instruction after the trap, 0 in the child (with %esp set
 * to the new stack, every other register as the parent had it) and the
 * child's id in the parent. So this wrapper stores fn and arg on the
 * child's stack before the trap; the child pops fn, calls fn(arg), and
 * passes its result to exit (the task only, not exit_group).
 *
 * Stack at entry (the caller's):
 *
 *	28(%esp)	ctid	\
 *	24(%esp)	tls	 } optional: read only with their CLONE_ flag
 *	20(%esp)	ptid	/
 *	16(%esp)	arg
 *	12(%esp)	flags	(CLONE_*, exit signal in the low byte)
 *	 8(%esp)	stack	(its highest address; must not be NULL)
 *	 4(%esp)	fn	(must not be NULL)
 *	 0(%esp)	return address
 *
 * The child's stack, written by the parent before the trap (A = stack
 * rounded down to 16):
 *
 *	A - 4 .. A - 12	(unused: keeps the call below 16-byte aligned)
 *	A - 16		arg	<- %esp at `call *%eax`: fn's argument, on a
 *				   16-byte boundary as the i386 ABI wants
 *	A - 20		fn	<- %esp when the trap returns in the child
 *				   (newsp, the clone's second argument)
 *
 * Then the raw system call: eax = __NR_clone, ebx = flags, ecx = newsp,
 * edx = ptid, esi = tls, edi = ctid (Linux i386's argument order; ebx,
 * esi and edi are callee-saved, so the parent saves them on its stack).
 *
 * The trap is an inline `int $0x80`, not `call *%gs:0x10`: the child
 * starts on a different stack from the one the call would push its
 * return address on. Through the vDSO, the child would come back in
 * __kernel_vsyscall's epilogue and pop ebp, edx, ecx and a "return
 * address" from the new stack (fn, arg, ...) instead of the ones pushed
 * on the parent's; through the int $0x80 stub it would `ret` to fn with
 * arg as its return address. With int $0x80 inline, the child's first
 * instruction is the one after the trap, whatever its stack.
 *
 * NULL fn or stack: -1 with errno EINVAL, no system call (as glibc).
 * Failure of the system call: -1 and errno, in the parent.
 */
#include <asm/unistd.h>
#include <linux/errno.h>

	.text
	.globl	clone
	.type	clone, @function
clone:
	.cfi_startproc
	movl	$-EINVAL, %eax
	movl	4(%esp), %ecx
	testl	%ecx, %ecx
	jz	.Lreturn
	movl	8(%esp), %ecx
	testl	%ecx, %ecx
	jz	.Lreturn

	# The child's stack (picture above): fn at A - 20, arg at A - 16.
	andl	$-16, %ecx
	subl	$20, %ecx
	movl	16(%esp), %eax
	movl	%eax, 4(%ecx)
	movl	4(%esp), %eax
	movl	%eax, (%ecx)

	# Callee-saved registers that carry arguments.
	pushl	%ebx
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset %ebx, 0
	pushl	%esi
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset %esi, 0
	pushl	%edi
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset %edi, 0

	# The entry offsets above, plus 12 for the three pushes.
	movl	12+12(%esp), %ebx
	movl	20+12(%esp), %edx
	movl	24+12(%esp), %esi
	movl	28+12(%esp), %edi
	movl	$__NR_clone, %eax
	# From the trap on, the child runs here on another stack: this
	# frame's unwind rules would be wrong for it. End them (as glibc
	# does); the child's code has its own below.
	.cfi_endproc
	int	$0x80
	testl	%eax, %eax
	jz	.Lchild

	# Parent: the child's id, or -errno.
	popl	%edi
	popl	%esi
	popl	%ebx
.Lreturn:
	# -errno becomes errno and -1; an id passes through.
	pushl	%eax
	call	__syscall_ret
	addl	$4, %esp
	ret

.Lchild:
	.cfi_startproc
	# The outermost frame of the new task: nothing to unwind to.
	.cfi_undefined %eip
	xorl	%ebp, %ebp
	popl	%eax
	call	*%eax
	# fn's result is the exit status of this task alone.
	movl	%eax, %ebx
	movl	$__NR_exit, %eax
	int	$0x80
	# exit does not return; if it did, fault rather than run on.
	hlt
	.cfi_endproc
	.size	clone, . - clone

	.section .note.GNU-stack, "", @progbits
