/*
 * struct pt_regs: the registers an entry into the kernel saves on the
 * kernel stack, in Linux's i386 layout (arch/x86/include/asm/ptrace.h).
 * The first six fields are the system-call arguments in ABI register
 * order. Assembly uses the PT_* offsets that arch/i386/asm-offsets.c
 * generates from this definition, never numbers of its own.
 *
 * orig_eax: the system-call number for a syscall, the error code (then
 * -1) for an exception, ~vector for a hardware interrupt.
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#ifndef __ASSEMBLER__
#include <kernel/types.h>

struct pt_regs {
	unsigned long ebx;
	unsigned long ecx;
	unsigned long edx;
	unsigned long esi;
	unsigned long edi;
	unsigned long ebp;
	unsigned long eax;
	unsigned long ds;
	unsigned long es;
	unsigned long fs;
	unsigned long gs;
	unsigned long orig_eax;
	/* Pushed by the CPU (esp and ss only on a change of privilege). */
	unsigned long eip;
	unsigned long cs;
	unsigned long eflags;
	unsigned long esp;
	unsigned long ss;
};

_Static_assert(sizeof(struct pt_regs) == 17 * 4, "pt_regs is 17 longs");

/* Did the CPU enter from ring 3? (Then esp/ss were pushed too.) */
static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

#endif
#endif
