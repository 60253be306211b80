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
 * The system-call entries (int $0x80, sysenter) will use the same
 * SAVE_ALL and the same exit.
 */
#include <asm/asm-offsets.h>
#include <asm/irq.h>
#include <asm/segment.h>

#define ENTRY(name) \
	.globl name; \
	.type name, @function; \
	.balign 16; \
name:

/*
 * Complete pt_regs below the CPU's frame and orig_eax; switch the data
 * segments to the kernel's (user values are saved in the frame).
 */
.macro SAVE_ALL
	cld
	pushl	%gs
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
	movl	$__KERNEL_DS, %edx
	movl	%edx, %ds
	movl	%edx, %es
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
	popl	%ds
	popl	%es
	popl	%fs
	popl	%gs
	addl	$4, %esp
.endm

	.text

/*
 * The common way out of interrupts and exceptions. The return-to-user
 * work (rescheduling, signal delivery) will hook in here when there is
 * a user space to return to.
 */
ENTRY(ret_from_exception)
ENTRY(ret_from_intr)
ENTRY(restore_all)
	RESTORE_REGS
	iret

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
	cld
	movl	$__KERNEL_DS, %ecx
	movl	%ecx, %ds
	movl	%ecx, %es
	movl	PT_GS(%esp), %edi	/* edi = handler */
	movl	%gs, %ecx
	movl	%ecx, PT_GS(%esp)	/* the gs slot gets gs */
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
