/*
 * Offsets of C structures that assembly needs, generated at build time:
 * this file is compiled to assembly only, and tools/gen-asm-offsets.sh
 * turns each "->NAME value" marker into "#define NAME value" in
 * build/include/asm/asm-offsets.h. Change struct pt_regs and entry.S
 * follows; no offset is ever written by hand.
 */
#include <asm/ptrace.h>
#include <asm/desc.h>
#include <kernel/sched.h>
#include <stddef.h>

#define DEFINE(sym, val) \
	__asm__ __volatile__("\n->" #sym " %c0 " #val : : "i"(val))
#define OFFSET(sym, str, mem) DEFINE(sym, offsetof(struct str, mem))
#define BLANK() __asm__ __volatile__("\n->" : :)

void asm_offsets(void);

void asm_offsets(void)
{
	OFFSET(PT_EBX, pt_regs, ebx);
	OFFSET(PT_ECX, pt_regs, ecx);
	OFFSET(PT_EDX, pt_regs, edx);
	OFFSET(PT_ESI, pt_regs, esi);
	OFFSET(PT_EDI, pt_regs, edi);
	OFFSET(PT_EBP, pt_regs, ebp);
	OFFSET(PT_EAX, pt_regs, eax);
	OFFSET(PT_DS, pt_regs, ds);
	OFFSET(PT_ES, pt_regs, es);
	OFFSET(PT_FS, pt_regs, fs);
	OFFSET(PT_GS, pt_regs, gs);
	OFFSET(PT_ORIG_EAX, pt_regs, orig_eax);
	OFFSET(PT_EIP, pt_regs, eip);
	OFFSET(PT_CS, pt_regs, cs);
	OFFSET(PT_EFLAGS, pt_regs, eflags);
	OFFSET(PT_OLDESP, pt_regs, esp);
	OFFSET(PT_OLDSS, pt_regs, ss);
	DEFINE(PT_REGS_SIZE, sizeof(struct pt_regs));
	BLANK();
	OFFSET(TASK_THREAD_ESP, task_struct, thread.esp);
	OFFSET(TASK_THREAD_EIP, task_struct, thread.eip);
	OFFSET(TASK_GROUP_EXIT, task_struct, group_exit);
	OFFSET(TASK_SIGPENDING, task_struct, sigpending);
	BLANK();
	OFFSET(TSS_ESP0, tss_struct, esp0);
	/*
	 * SYSENTER_ESP points just past the TSS; sysenter_entry's first
	 * instruction loads esp0 through this (negative) offset.
	 */
	DEFINE(TSS_SYSENTER_ESP0, offsetof(struct cpu_entry_area, tss.esp0) -
				  sizeof(struct cpu_entry_area));
}
