/*
 * arch/i386/entry.S: every way into the kernel, and the way back out.
 *
 * Each entry leaves a struct pt_regs (include/asm/ptrace.h) on the kernel
 * stack and hands its address to C. Offsets come from asm-offsets.h.
 * The stack, at the C call (higher addresses first):
 *
 *	ss, esp		pushed by the CPU only when entering from ring 3
 *	eflags, cs, eip	pushed by the CPU
 *	orig_eax	error code (exceptions), ~vector (IRQs), nr (syscalls)
 *	gs fs es ds	SAVE_ALL
 *	eax ebp edi esi edx ecx ebx    <- %esp = struct pt_regs *
 *
 * Exceptions: a named stub per vector (divide_error, page_fault, ...)
 * pushes 0 when the CPU gave no error code, then the address of its C
 * handler do_<name>(regs, error_code), and jumps to error_code, which
 * completes the frame. Hardware interrupts and every other vector: an
 * anonymous stub per vector pushes ~vector and jumps to common_interrupt,
 * which calls do_IRQ(regs). All of them leave through restore_all.
 *
 * System calls come in two ways and share everything after the frame:
 *
 *   int $0x80  -> system_call: the CPU pushed the frame (trap gate, DPL 3)
 *   sysenter   -> sysenter_entry: builds the same frame by hand
 *
 * Both push orig_eax = eax (the number), run SAVE_ALL and go to
 * syscall_call, which calls sys_call_table[eax](ebx, ecx, edx, esi, edi,
 * ebp) with copies of the six argument registers and stores the result
 * in pt_regs.eax. int $0x80 always leaves with iret; sysenter leaves with
 * sysexit when the frame still describes a plain return to the vDSO.
 */
#include <asm/asm-offsets.h>
#include <asm/irq.h>
#include <asm/processor-flags.h>
#include <asm/segment.h>
#include <asm/boot.h>
#include <kernel/errno.h>
#include <generated/nr_syscalls.h>


#define ENTRY(name) \
	.globl name; \
	.type name, @function; \
	.balign 16; \
name:

/*
 * Load the kernel's segments: its data segment in ds and es, the null
 * selector in fs and gs. The kernel never uses fs or gs; clearing them
 * means every frame saved while in the kernel holds selectors that are
 * always valid to reload, whatever becomes of the user's TLS descriptors
 * meanwhile (exec clearing them, another task's loaded into the GDT).
 */
.macro LOAD_KERNEL_SEGMENTS reg
	movl	$__KERNEL_DS, \reg
	movl	\reg, %ds
	movl	\reg, %es
	xorl	\reg, \reg
	movl	\reg, %fs
	movl	\reg, %gs
.endm

/* Push fs .. ebx: the part of pt_regs below the gs slot. */
.macro PUSH_REGS_BELOW_GS
	pushl	%fs
	pushl	%es
	pushl	%ds
	pushl	%eax
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%edx
	pushl	%ecx
	pushl	%ebx
.endm

/*
 * Complete pt_regs below the CPU's frame and orig_eax; switch to the
 * kernel's segments (the user's values are saved in the frame).
 */
.macro SAVE_ALL
	cld
	pushl	%gs
	PUSH_REGS_BELOW_GS
	LOAD_KERNEL_SEGMENTS %edx
.endm

/*
 * Pop the four saved segment registers. A selector the user loaded may
 * have become invalid meanwhile (a TLS descriptor cleared, say); loading
 * it would fault in the kernel, so each pop has a fixup that replaces the
 * bad selector with the null one and tries again, as Linux does.
 */
.macro POP_SEGMENTS
98:	popl	%ds
97:	popl	%es
96:	popl	%fs
95:	popl	%gs
	.pushsection .fixup, "ax"
94:	movl	$0, (%esp)
	jmp	98b
93:	movl	$0, (%esp)
	jmp	97b
92:	movl	$0, (%esp)
	jmp	96b
91:	movl	$0, (%esp)
	jmp	95b
	.popsection
	.pushsection __ex_table, "a"
	.long	98b, 94b
	.long	97b, 93b
	.long	96b, 92b
	.long	95b, 91b
	.popsection
.endm

/* Undo SAVE_ALL and drop orig_eax: the CPU's frame is left for iret. */
.macro RESTORE_REGS
	popl	%ebx
	popl	%ecx
	popl	%edx
	popl	%esi
	popl	%edi
	popl	%ebp
	popl	%eax
	POP_SEGMENTS
	addl	$4, %esp
.endm

	.text

/*
 * The common way out of interrupts and exceptions: to the kernel
 * straight away, to user space through the return-to-user work.
 */
ENTRY(ret_from_exception)
ENTRY(ret_from_intr)
	cli
	testl	$3, PT_CS(%esp)		/* back to ring 3? */
	jz	restore_all
	jmp	resume_userspace

/*
 * The return-to-user work, with interrupts off, until none is left: end
 * the thread if its group is exiting, take pending signals (which may
 * rewrite pt_regs to enter a handler or restart the system call), and
 * reschedule if the timer asked for it. Then restore and iret.
 */
ENTRY(resume_userspace)
	movl	current, %eax
	cmpl	$0, TASK_GROUP_EXIT(%eax)
	jne	work_group_exit
	cmpl	$0, TASK_SIGPENDING(%eax)
	jne	work_notifysig
	cmpl	$0, need_resched
	jne	work_resched
ENTRY(restore_all)
	RESTORE_REGS
irq_return:
	iret
	/* iret itself can fault if the frame is bad (a user-supplied cs, ss
	 * or eip beyond a limit): then the task gets killed, not the kernel. */
	.pushsection __ex_table, "a"
	.long	irq_return, iret_exc
	.popsection

/* Give the CPU away; when this task runs again, look at the work again. */
work_resched:
	call	schedule
	cli
	jmp	resume_userspace

/* Signals are pending: do_notify_resume(regs) takes one. */
work_notifysig:
	sti
	movl	%esp, %eax
	pushl	%eax			/* arg: regs */
	call	do_notify_resume
	addl	$4, %esp
	cli
	jmp	resume_userspace

/* Another thread ran exit_group: this one ends here (does not return). */
work_group_exit:
	sti
	call	exit_if_group_exiting
	cli
	jmp	resume_userspace

/*
 * iret faulted (the exception-table fixup for irq_return brought us
 * here, with the frame iret refused still on the stack): report it like
 * an exception, which kills the process.
 */
iret_exc:
	pushl	$0			/* error code */
	pushl	$do_iret_error
	jmp	error_code

/*
 * int $0x80: the trap gate (DPL 3) left the CPU's frame, and eax holds
 * the system-call number.
 */
ENTRY(system_call)
	pushl	%eax			/* orig_eax = the number */
	SAVE_ALL
	call	syscall_call
	jmp	resume_userspace

/*
 * sysenter: the CPU loaded cs = SYSENTER_CS, eip = sysenter_entry and
 * esp = SYSENTER_ESP (just past the TSS), cleared IF, and pushed nothing.
 * The vDSO's __kernel_vsyscall left: ebp = user esp, and on the user stack
 * (ebp) = user ebp (arg 6), 4(ebp) = edx, 8(ebp) = ecx, 12(ebp) = return.
 */
ENTRY(sysenter_entry)
	movl	TSS_SYSENTER_ESP0(%esp), %esp	/* the task's kernel stack */
sysenter_past_esp:
	/* The frame an int from ring 3 would have pushed. */
	pushl	$__USER_DS		/* ss */
	pushl	%ebp			/* esp: the vDSO put it in ebp */
	pushfl				/* eflags, IF off: set it below */
	orl	$X86_EFLAGS_IF, (%esp)
	pushl	$__USER_CS		/* cs */
	pushl	sysenter_return		/* eip: the vDSO's SYSENTER_RETURN */
	pushl	%eax			/* orig_eax */
	SAVE_ALL
	/*
	 * sysenter does not clear TF, NT or AC. With TF set the CPU has been
	 * single-stepping from the first instruction (do_debug ignores those
	 * traps in this stretch); clear the three now, before interrupts come
	 * back. The user's copy in pt_regs keeps them, and a frame with TF
	 * returns through iret, so the user still gets its trap.
	 */
	testl	$(X86_EFLAGS_TF | X86_EFLAGS_NT | X86_EFLAGS_AC), PT_EFLAGS(%esp)
	jz	sysenter_flags_fixed
	pushl	$X86_EFLAGS_FIXED
	popfl
	/* The last single-step trap (taken after popfl) reports this eip. */
sysenter_flags_fixed:
	.globl	sysenter_singlestep_end
sysenter_singlestep_end:
	sti
	/* Arg 6 lives on the user stack at (ebp): fetch it, or fail cleanly. */
	cmpl	$(PAGE_OFFSET - 3), %ebp
	jae	sysenter_bad_stack
1:	movl	(%ebp), %ebp
	movl	%ebp, PT_EBP(%esp)
	.pushsection __ex_table, "a"
	.long	1b, sysenter_bad_stack
	.popsection
sysenter_do_call:
	call	syscall_call
	/*
	 * sysexit returns to edx with esp = ecx and cs/ss derived from
	 * SYSENTER_CS. Use it only for a plain return to the vDSO; a frame a
	 * system call rewrote (execve, sigreturn), or one with TF/RF/VM set,
	 * needs iret.
	 */
sysenter_exit:
	cli
	cmpl	$0, need_resched	/* work to do: the slow way out */
	jne	resume_userspace
	movl	current, %eax
	cmpl	$0, TASK_GROUP_EXIT(%eax)
	jne	resume_userspace
	cmpl	$0, TASK_SIGPENDING(%eax)
	jne	resume_userspace
	movl	PT_EIP(%esp), %edx
	cmpl	sysenter_return, %edx
	jne	resume_userspace
	cmpl	$__USER_CS, PT_CS(%esp)
	jne	resume_userspace
	cmpl	$__USER_DS, PT_OLDSS(%esp)
	jne	resume_userspace
	testl	$(X86_EFLAGS_TF | X86_EFLAGS_RF | X86_EFLAGS_VM | X86_EFLAGS_NT), PT_EFLAGS(%esp)
	jnz	resume_userspace
	movl	PT_OLDESP(%esp), %ecx
	/* Restore what sysexit does not: ebx esi edi ebp eax, segments, flags. */
	popl	%ebx
	addl	$8, %esp		/* ecx, edx: the vDSO pops its own copies */
	popl	%esi
	popl	%edi
	popl	%ebp
	popl	%eax
	POP_SEGMENTS
	addl	$12, %esp		/* orig_eax, eip, cs */
	/* All user flags but IF through popfl; IF through sti, whose one-
	 * instruction shadow keeps interrupts out until sysexit is done. */
	btrl	$9, (%esp)
	popfl
	sti
	sysexit

/* ebp was not a readable user address: the call fails with -EFAULT. */
sysenter_bad_stack:
	movl	$-EFAULT, PT_EAX(%esp)
	jmp	resume_userspace

/*
 * The dispatch both entries share. Called with pt_regs just above the
 * return address; eax = the number. The handler gets copies of the six
 * argument registers, so it may scribble on its arguments without
 * changing pt_regs (the trap GCC's tail calls set for Linux 2.6).
 */
ENTRY(syscall_call)
	movl	$-ENOSYS, PT_EAX+4(%esp)
	cmpl	$NR_syscalls, %eax	/* unsigned: negative numbers too */
	jae	1f
	pushl	PT_EBP+4(%esp)		/* arg 6 */
	pushl	PT_EDI+8(%esp)		/* arg 5 */
	pushl	PT_ESI+12(%esp)		/* arg 4 */
	pushl	PT_EDX+16(%esp)		/* arg 3 */
	pushl	PT_ECX+20(%esp)		/* arg 2 */
	pushl	PT_EBX+24(%esp)		/* arg 1 */
	call	*sys_call_table(, %eax, 4)
	addl	$24, %esp
	movl	%eax, PT_EAX+4(%esp)
1:	ret

/*
 * Exception stubs. On entry the CPU's frame is on the stack, and for
 * some vectors an error code below it (in what becomes orig_eax).
 */
.macro EXCEPTION name, has_error_code=0
ENTRY(\name)
	.if !\has_error_code
	pushl	$0			/* no error code: 0 in its place */
	.endif
	pushl	$do_\name		/* the C handler, in the gs slot */
	jmp	error_code
.endm

	EXCEPTION divide_error
	EXCEPTION debug
	EXCEPTION nmi
	EXCEPTION int3
	EXCEPTION overflow
	EXCEPTION bounds
	EXCEPTION invalid_op
	EXCEPTION device_not_available
	/* vector 8, double fault: a task gate to doublefault_tss (gdt.c) */
	EXCEPTION coprocessor_segment_overrun
	EXCEPTION invalid_TSS, 1
	EXCEPTION segment_not_present, 1
	EXCEPTION stack_segment, 1
	EXCEPTION general_protection, 1
	EXCEPTION page_fault, 1
	EXCEPTION spurious_interrupt_bug
	EXCEPTION coprocessor_error
	EXCEPTION alignment_check, 1
	EXCEPTION machine_check
	EXCEPTION simd_coprocessor_error
	EXCEPTION virtualization_exception
	EXCEPTION control_protection, 1
	EXCEPTION reserved_exception
	EXCEPTION hypervisor_injection
	EXCEPTION vmm_communication, 1
	EXCEPTION security_exception, 1

/*
 * Stack here: CPU frame, error code (orig_eax slot), handler (gs slot).
 * Push the rest of pt_regs, then move the handler and the error code
 * out of their borrowed slots and call handler(regs, error_code).
 */
error_code:
	PUSH_REGS_BELOW_GS
	cld
	movl	PT_GS(%esp), %edi	/* edi = handler */
	movl	%gs, %ecx
	movl	%ecx, PT_GS(%esp)	/* the gs slot gets gs */
	LOAD_KERNEL_SEGMENTS %ecx
	movl	PT_ORIG_EAX(%esp), %edx	/* edx = error code */
	movl	$-1, PT_ORIG_EAX(%esp)	/* not a system call: nothing to restart */
	movl	%esp, %eax
	pushl	%edx			/* arg 2: error_code */
	pushl	%eax			/* arg 1: regs */
	call	*%edi
	addl	$8, %esp
	jmp	ret_from_exception

/*
 * Hardware interrupts (vectors 0x20-0x2f) and every vector nothing else
 * claims: one 8-byte-aligned stub each, listed in interrupt_stubs[]
 * (vector 0x20 first) for idt.c.
 */
	.section .rodata
	.balign 4
	.globl interrupt_stubs
interrupt_stubs:
	.text
	.balign 16
	.globl irq_entries_start
irq_entries_start:
vector = FIRST_EXTERNAL_VECTOR
.rept 256 - FIRST_EXTERNAL_VECTOR
	.balign 8
1:	pushl	$(~vector)		/* orig_eax = ~vector */
	jmp	common_interrupt
	.pushsection .rodata
	.long	1b
	.popsection
vector = vector + 1
.endr

ENTRY(common_interrupt)
	SAVE_ALL
	movl	%esp, %eax
	pushl	%eax			/* arg: regs */
	call	do_IRQ
	addl	$4, %esp
	jmp	ret_from_intr
