/*
 * C handlers for the CPU exceptions, called from entry.S as
 * do_<name>(regs, error_code) with the trapped context in regs.
 *
 * A fault in user mode sends the thread the signal Linux sends, with
 * Linux's si_code and si_addr, and records trapno, error code and cr2
 * for the signal frame's sigcontext; a handler may catch it, otherwise
 * it ends the process (the reason goes to the log). A fault in kernel
 * mode is either expected, at an instruction listed in the exception
 * table (user-memory access), and resumes at its fixup, or a kernel
 * bug: die() reports it and stops.
 */
#include <asm/processor-flags.h>
#include <asm/ptrace.h>
#include <asm/signal.h>
#include <asm/traps.h>
#include <asm/uaccess.h>
#include <kernel/exit.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <asm/siginfo.h>


unsigned long int3_count;

/* Prototypes: these are called only from entry.S. */
#define DECLARE_HANDLER(name) \
	void do_##name(struct pt_regs *regs, unsigned long error_code)

/* A user-mode fault: note it for the sigcontext, send the signal. */
static void user_fault(int trapnr, unsigned long error_code, int signo,
		       int code, unsigned long addr, const char *str,
		       const struct pt_regs *regs)
{
	char why[96];

	current->thread.trap_nr = trapnr;
	current->thread.error_code = error_code;
	snprintf(why, sizeof(why), "%s (trap %d, error %04lx) at eip %08lx",
		 str, trapnr, error_code, regs->eip);
	force_sig_fault(signo, code, addr, why);
}

/*
 * The common path: user mode gets signo (si_code `code`, si_addr the
 * faulting eip when code is not SI_KERNEL); kernel mode resumes at a
 * fixup if the instruction has one, or dies.
 */
static void do_trap(struct pt_regs *regs, int trapnr, int signo, int code,
		    const char *str, unsigned long error_code)
{
	unsigned long fixup;

	if (user_mode(regs)) {
		user_fault(trapnr, error_code, signo, code,
			   code == SI_KERNEL ? 0 : regs->eip, str, regs);
		return;
	}
	fixup = search_exception_tables(regs->eip);
	if (fixup) {
		regs->eip = fixup;
		return;
	}
	die(regs, "%s: %04lx [trap %d] in kernel mode", str, error_code,
	    trapnr);
}

/*
 * Linux's signal and si_code for each exception (arch/x86/kernel/
 * traps.c): SI_KERNEL (si_addr 0) where Linux uses force_sig, else the
 * code with si_addr = the faulting eip.
 */
#define DO_ERROR(trapnr, signo, code, name, str)			\
	DECLARE_HANDLER(name);						\
	DECLARE_HANDLER(name)						\
	{								\
		do_trap(regs, trapnr, signo, code, str, error_code);	\
	}

DO_ERROR(X86_TRAP_DE, SIGFPE, FPE_INTDIV, divide_error, "divide error")
DO_ERROR(X86_TRAP_OF, SIGSEGV, SI_KERNEL, overflow, "overflow")
DO_ERROR(X86_TRAP_BR, SIGSEGV, SI_KERNEL, bounds, "bounds")
DO_ERROR(X86_TRAP_UD, SIGILL, ILL_ILLOPN, invalid_op, "invalid opcode")
DO_ERROR(X86_TRAP_NM, SIGSEGV, SI_KERNEL, device_not_available,
	 "device not available")
DO_ERROR(9, SIGFPE, SI_KERNEL, coprocessor_segment_overrun,
	 "coprocessor segment overrun")
DO_ERROR(X86_TRAP_TS, SIGSEGV, SI_KERNEL, invalid_TSS, "invalid TSS")
DO_ERROR(X86_TRAP_NP, SIGBUS, SI_KERNEL, segment_not_present,
	 "segment not present")
DO_ERROR(X86_TRAP_SS, SIGBUS, SI_KERNEL, stack_segment, "stack segment")
DO_ERROR(X86_TRAP_GP, SIGSEGV, SI_KERNEL, general_protection,
	 "general protection fault")
DO_ERROR(X86_TRAP_AC, SIGBUS, BUS_ADRALN, alignment_check, "alignment check")
DO_ERROR(X86_TRAP_MC, SIGBUS, SI_KERNEL, machine_check, "machine check")
DO_ERROR(20, SIGSEGV, SI_KERNEL, virtualization_exception,
	 "virtualization exception")
DO_ERROR(21, SIGSEGV, SI_KERNEL, control_protection, "control protection")
DO_ERROR(28, SIGSEGV, SI_KERNEL, hypervisor_injection, "hypervisor injection")
DO_ERROR(29, SIGSEGV, SI_KERNEL, vmm_communication, "VMM communication")
DO_ERROR(30, SIGSEGV, SI_KERNEL, security_exception, "security exception")
DO_ERROR(31, SIGSEGV, SI_KERNEL, reserved_exception, "reserved exception")

/*
 * Linux's math_error: the si_code from the exceptions that are both
 * raised and unmasked, the first that matters in Linux's order. None (a
 * spurious trap) sends nothing.
 */
static int fpe_code(u32 unmasked)
{
	if (unmasked & 0x001)		/* invalid operation, stack fault */
		return FPE_FLTINV;
	if (unmasked & 0x004)		/* divide by zero */
		return FPE_FLTDIV;
	if (unmasked & 0x008)		/* overflow */
		return FPE_FLTOVF;
	if (unmasked & 0x012)		/* denormal, underflow */
		return FPE_FLTUND;
	if (unmasked & 0x020)		/* precision */
		return FPE_FLTRES;
	return 0;
}

static void math_error(struct pt_regs *regs, int trapnr, u32 unmasked,
		       const char *str)
{
	int code = fpe_code(unmasked);

	if (!user_mode(regs))
		die(regs, "%s in kernel mode", str);
	if (code)
		user_fault(trapnr, 0, SIGFPE, code, regs->eip, str, regs);
}

/* #MF: an x87 error, reported at the next waiting FPU instruction. */
DECLARE_HANDLER(coprocessor_error);
DECLARE_HANDLER(coprocessor_error)
{
	u16 cw, sw;

	__asm__ __volatile__("fnstcw %0; fnstsw %1" : "=m"(cw), "=m"(sw));
	math_error(regs, X86_TRAP_MF, sw & ~cw & 0x3f, "x87 FPU error");
}

/* #XM: an SSE error; MXCSR holds flags (bits 0-5) and masks (7-12). */
DECLARE_HANDLER(simd_coprocessor_error);
DECLARE_HANDLER(simd_coprocessor_error)
{
	u32 mxcsr;

	__asm__ __volatile__("stmxcsr %0" : "=m"(mxcsr));
	math_error(regs, X86_TRAP_XF, mxcsr & ~(mxcsr >> 7) & 0x3f,
		   "SIMD floating-point exception");
}

/*
 * iret back to user space faulted (entry.S's iret_exc): the frame it was
 * given is bad (sigreturn with a forged cs or ss, say), and the frame
 * this handler sees is that user frame. Linux's iret_error: SIGILL,
 * ILL_BADSTK.
 */
DECLARE_HANDLER(iret_error);
DECLARE_HANDLER(iret_error)
{
	user_fault(X86_TRAP_IRET, 0, SIGILL, ILL_BADSTK, 0,
		   "iret to user space faulted (bad frame)", regs);
}

/* Vector 15: some old CPUs raise it spuriously; Linux ignores it too. */
DECLARE_HANDLER(spurious_interrupt_bug);
DECLARE_HANDLER(spurious_interrupt_bug)
{
}

/* A breakpoint in the kernel: count it and carry on after the int3. */
DECLARE_HANDLER(int3);
DECLARE_HANDLER(int3)
{
	if (user_mode(regs)) {
		user_fault(X86_TRAP_BP, 0, SIGTRAP, SI_KERNEL, 0, "int3", regs);
		return;
	}
	int3_count++;
	pr_debug("int3 at %08lx\n", regs->eip - 1);
}

extern char sysenter_entry[], sysenter_singlestep_end[];

/*
 * Debug exception. In user mode: a single step or breakpoint, which is
 * SIGTRAP. In the kernel: a user who set TF and executed sysenter traps
 * on every instruction of sysenter_entry until it clears TF; those traps
 * are expected and ignored (the user's TF is kept in its pt_regs). Any
 * other kernel debug trap is reported, and single-stepping stops.
 */
DECLARE_HANDLER(debug);
DECLARE_HANDLER(debug)
{
	unsigned long dr6;

	__asm__ __volatile__("movl %%dr6, %0" : "=r"(dr6));
	if (user_mode(regs)) {
		/* Linux's get_si_code(dr6): a single step, a hardware
		 * breakpoint, or else a breakpoint. */
		int code = dr6 & 0x4000 ? TRAP_TRACE :
			   dr6 & 0xf ? TRAP_HWBKPT : TRAP_BRKPT;

		user_fault(X86_TRAP_DB, 0, SIGTRAP, code, regs->eip,
			   "debug trap", regs);
		return;
	}
	if (regs->eip >= (unsigned long)sysenter_entry &&
	    regs->eip <= (unsigned long)sysenter_singlestep_end)
		return;
	pr_warn("debug trap at %08lx, dr6=%08lx\n", regs->eip, dr6);
	regs->eflags &= ~X86_EFLAGS_TF;
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

/*
 * A page fault. CR2 holds the address; it is read first (interrupt gate).
 * A user address inside a VMA that allows the access gets its page (for
 * the user, or for the kernel copying to or from it). Otherwise: a user
 * fault kills the process; a kernel fault resumes at its fixup or dies.
 */
DECLARE_HANDLER(page_fault);
DECLARE_HANDLER(page_fault)
{
	unsigned long cr2, fixup;
	char why[96];

	__asm__ __volatile__("movl %%cr2, %0" : "=r"(cr2));
	decode_pf_error(error_code, why, sizeof(why));
	if (cr2 < TASK_SIZE && current->mm && !(error_code & X86_PF_RSVD) &&
	    !handle_mm_fault(current->mm, cr2, error_code & X86_PF_WRITE))
		return;
	if (user_mode(regs)) {
		/* No mapping there (kernel addresses included): MAPERR;
		 * a mapping that forbids the access: ACCERR. */
		bool mapped = cr2 < TASK_SIZE && current->mm &&
			      find_vma(current->mm, cr2);

		current->thread.cr2 = cr2;
		if (cr2 >= TASK_SIZE)	/* Linux's sanitize_error_code */
			error_code |= X86_PF_PROT;
		current->thread.trap_nr = X86_TRAP_PF;
		current->thread.error_code = error_code;
		snprintf(why + strlen(why), sizeof(why) - strlen(why),
			 " at %08lx eip %08lx", cr2, regs->eip);
		force_sig_fault(SIGSEGV, mapped ? SEGV_ACCERR : SEGV_MAPERR,
				cr2, why);
		return;
	}
	fixup = search_exception_tables(regs->eip);
	if (fixup) {
		regs->eip = fixup;
		return;
	}
	printk(KERN_EMERG "BUG: unable to handle %s at %08lx\n",
	       cr2 < 4096 ? "kernel NULL pointer dereference" :
	       "page fault", cr2);
	printk(KERN_EMERG "#PF: error_code(0x%04lx): %s\n", error_code, why);
	printk(KERN_EMERG "CR2: %08lx\n", cr2);
	die(regs, "page fault: %04lx [trap %d] in kernel mode", error_code,
	    X86_TRAP_PF);
}
