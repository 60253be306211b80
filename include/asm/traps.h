/* Exception entry points (entry.S) and their C handlers (traps.c). */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <kernel/types.h>

struct pt_regs;
struct gate_struct;

#define X86_TRAP_DE	0	/* divide error */
#define X86_TRAP_DB	1	/* debug */
#define X86_TRAP_NMI	2
#define X86_TRAP_BP	3	/* int3 */
#define X86_TRAP_OF	4	/* into */
#define X86_TRAP_BR	5	/* bound */
#define X86_TRAP_UD	6	/* invalid opcode */
#define X86_TRAP_NM	7	/* device not available */
#define X86_TRAP_DF	8	/* double fault */
#define X86_TRAP_TS	10	/* invalid TSS */
#define X86_TRAP_NP	11	/* segment not present */
#define X86_TRAP_SS	12	/* stack segment */
#define X86_TRAP_GP	13	/* general protection */
#define X86_TRAP_PF	14	/* page fault */
#define X86_TRAP_MF	16	/* x87 error */
#define X86_TRAP_AC	17	/* alignment check */
#define X86_TRAP_MC	18	/* machine check */
#define X86_TRAP_XF	19	/* SIMD error */
#define X86_TRAP_IRET	32	/* Linux's software number: iret to user faulted */

/* Page-fault error code bits. */
#define X86_PF_PROT	0x01	/* 0: page not present, 1: protection */
#define X86_PF_WRITE	0x02
#define X86_PF_USER	0x04
#define X86_PF_RSVD	0x08	/* reserved bit set in a paging entry */
#define X86_PF_INSTR	0x10	/* instruction fetch */

/* Entry stubs in entry.S; only their addresses are used, for the IDT. */
void divide_error(void);
void debug(void);
void nmi(void);
void int3(void);
void overflow(void);
void bounds(void);
void invalid_op(void);
void device_not_available(void);
void coprocessor_segment_overrun(void);
void invalid_TSS(void);
void segment_not_present(void);
void stack_segment(void);
void general_protection(void);
void page_fault(void);
void spurious_interrupt_bug(void);
void coprocessor_error(void);
void alignment_check(void);
void machine_check(void);
void simd_coprocessor_error(void);
void virtualization_exception(void);
void control_protection(void);
void reserved_exception(void);
void hypervisor_injection(void);
void vmm_communication(void);
void security_exception(void);

/* Trap counters, for tests. */
extern unsigned long int3_count;

/* Decode a page-fault error code into buf ("write, not-present, kernel"). */
void decode_pf_error(unsigned long error_code, char *buf, size_t size);

void get_idt_gate(unsigned vector, struct gate_struct *out);

#endif
