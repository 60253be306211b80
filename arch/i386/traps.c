/*
 * C handlers for the CPU exceptions, called from entry.S as
 * do_<name>(regs, error_code) with the trapped context in regs.
 *
 * So far every exception comes from the kernel itself (there is no user
 * space yet), and a kernel fault is a kernel bug: die() reports it and
 * stops. int3, debug and NMI are the exceptions that return. When user
 * space arrives, faults in ring 3 will become signals here.
 */
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define EFLAGS_TF 0x100

unsigned long int3_count;

/* Prototypes: these are called only from entry.S. */
#define DECLARE_HANDLER(name) \
	void do_##name(struct pt_regs *regs, unsigned long error_code)

static __noreturn void bad_trap(struct pt_regs *regs, int trapnr,
				const char *str, unsigned long error_code)
{
	die(regs, "%s: %04lx [trap %d] in %s mode", str, error_code, trapnr,
	    user_mode(regs) ? "user (signals not implemented yet)" :
	    "kernel");
}

#define DO_ERROR(trapnr, name, str)					\
	DECLARE_HANDLER(name);						\
	DECLARE_HANDLER(name)						\
	{								\
		bad_trap(regs, trapnr, str, error_code);		\
	}

DO_ERROR(X86_TRAP_DE, divide_error, "divide error")
DO_ERROR(X86_TRAP_OF, overflow, "overflow")
DO_ERROR(X86_TRAP_BR, bounds, "bounds")
DO_ERROR(X86_TRAP_UD, invalid_op, "invalid opcode")
DO_ERROR(X86_TRAP_NM, device_not_available, "device not available")
DO_ERROR(9, coprocessor_segment_overrun, "coprocessor segment overrun")
DO_ERROR(X86_TRAP_TS, invalid_TSS, "invalid TSS")
DO_ERROR(X86_TRAP_NP, segment_not_present, "segment not present")
DO_ERROR(X86_TRAP_SS, stack_segment, "stack segment")
DO_ERROR(X86_TRAP_GP, general_protection, "general protection fault")
DO_ERROR(X86_TRAP_MF, coprocessor_error, "coprocessor error")
DO_ERROR(X86_TRAP_AC, alignment_check, "alignment check")
DO_ERROR(X86_TRAP_MC, machine_check, "machine check")
DO_ERROR(X86_TRAP_XF, simd_coprocessor_error, "SIMD coprocessor error")
DO_ERROR(20, virtualization_exception, "virtualization exception")
DO_ERROR(21, control_protection, "control protection")
DO_ERROR(28, hypervisor_injection, "hypervisor injection")
DO_ERROR(29, vmm_communication, "VMM communication")
DO_ERROR(30, security_exception, "security exception")
DO_ERROR(31, reserved_exception, "reserved exception")

/* Vector 15: some old CPUs raise it spuriously; Linux ignores it too. */
DECLARE_HANDLER(spurious_interrupt_bug);
DECLARE_HANDLER(spurious_interrupt_bug)
{
}

/* A breakpoint in the kernel: count it and carry on after the int3. */
DECLARE_HANDLER(int3);
DECLARE_HANDLER(int3)
{
	if (user_mode(regs))
		bad_trap(regs, X86_TRAP_BP, "int3", error_code);
	int3_count++;
	pr_debug("int3 at %08lx\n", regs->eip - 1);
}

/* Debug exception in the kernel: report it and stop single-stepping. */
DECLARE_HANDLER(debug);
DECLARE_HANDLER(debug)
{
	unsigned long dr6;

	if (user_mode(regs))
		bad_trap(regs, X86_TRAP_DB, "debug", error_code);
	__asm__ __volatile__("movl %%dr6, %0" : "=r"(dr6));
	pr_warn("debug trap at %08lx, dr6=%08lx\n", regs->eip, dr6);
	regs->eflags &= ~EFLAGS_TF;
}

DECLARE_HANDLER(nmi);
DECLARE_HANDLER(nmi)
{
	pr_warn("NMI received at %08lx\n", regs->eip);
}

void decode_pf_error(unsigned long error_code, char *buf, size_t size)
{
	snprintf(buf, size, "%s, %s, %s%s%s",
		 error_code & X86_PF_PROT ? "protection violation" :
		 "not-present page",
		 error_code & X86_PF_INSTR ? "instruction fetch" :
		 error_code & X86_PF_WRITE ? "write" : "read",
		 error_code & X86_PF_USER ? "user mode" : "kernel mode",
		 error_code & X86_PF_RSVD ? ", reserved bit set" : "", "");
}

/* A page fault. CR2 holds the address; it is read first (interrupt gate). */
DECLARE_HANDLER(page_fault);
DECLARE_HANDLER(page_fault)
{
	unsigned long cr2;
	char why[96];

	__asm__ __volatile__("movl %%cr2, %0" : "=r"(cr2));
	decode_pf_error(error_code, why, sizeof(why));
	printk(KERN_EMERG "BUG: unable to handle %s at %08lx\n",
	       cr2 < 4096 ? "kernel NULL pointer dereference" :
	       "page fault", cr2);
	printk(KERN_EMERG "#PF: error_code(0x%04lx): %s\n", error_code, why);
	printk(KERN_EMERG "CR2: %08lx\n", cr2);
	bad_trap(regs, X86_TRAP_PF, "page fault", error_code);
}
