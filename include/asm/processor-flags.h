/*
 * EFLAGS bits (Intel SDM vol. 1, 3.4.3), with Linux's names, for C and
 * assembly alike (plain numbers: no C in here).
 */
#ifndef _ASM_PROCESSOR_FLAGS_H
#define _ASM_PROCESSOR_FLAGS_H

#define X86_EFLAGS_CF		0x00000001	/* carry */
#define X86_EFLAGS_FIXED	0x00000002	/* bit 1 always reads as 1 */
#define X86_EFLAGS_PF		0x00000004	/* parity */
#define X86_EFLAGS_AF		0x00000010	/* auxiliary carry */
#define X86_EFLAGS_ZF		0x00000040	/* zero */
#define X86_EFLAGS_SF		0x00000080	/* sign */
#define X86_EFLAGS_TF		0x00000100	/* trap (single step) */
#define X86_EFLAGS_IF		0x00000200	/* interrupts enabled */
#define X86_EFLAGS_DF		0x00000400	/* direction */
#define X86_EFLAGS_OF		0x00000800	/* overflow */
#define X86_EFLAGS_IOPL		0x00003000	/* I/O privilege level */
#define X86_EFLAGS_NT		0x00004000	/* nested task */
#define X86_EFLAGS_RF		0x00010000	/* resume */
#define X86_EFLAGS_VM		0x00020000	/* virtual 8086 mode */
#define X86_EFLAGS_AC		0x00040000	/* alignment check */
#define X86_EFLAGS_ID		0x00200000	/* CPUID present */

#endif
