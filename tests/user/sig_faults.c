/*
 * sig_faults: each kind of fault gives the signal, si_code, si_addr and
 * sigcontext trapno/err that Linux 6.1 gives, to a handler that either
 * siglongjmps out (memory faults) or moves eip past the instruction
 * (the rest). As measured on Linux 6.1 (make test-linux):
 *
 *   load from an unmapped page          SIGSEGV SEGV_MAPERR  addr  trapno 14,
 *                                       err 4 (user, read, not present),
 *                                       cr2 = addr
 *   store to an unmapped page           SEGV_MAPERR, err 6 (user, write)
 *   store to a read-only page (present) SEGV_ACCERR, err 7
 *   load from a PROT_NONE page          SEGV_ACCERR
 *   load from 0xc0100000 (the kernel)   SEGV_MAPERR, addr
 *   jump to an unmapped address         SEGV_MAPERR, addr = eip = it
 *   cli, hlt, inb, int $0x20            SIGSEGV SI_KERNEL addr 0, trapno 13
 *                                       (#GP), err 0, or 0x102 for the int
 *                                       (IDT vector 0x20)
 *   movw to %es of a bad selector       SIGSEGV SI_KERNEL, err = selector
 *   into with OF set                    SIGSEGV SI_KERNEL, trapno 4
 *   ud2                                 SIGILL ILL_ILLOPN addr = eip, trapno 6
 *   divl by 0, idivl INT_MIN by -1      SIGFPE FPE_INTDIV addr = eip, trapno 0
 *   int3 and int $3                     SIGTRAP SI_KERNEL addr 0, trapno 3,
 *                                       eip after the instruction
 *   TF set by popfl                     SIGTRAP TRAP_TRACE after one more
 *                                       instruction: addr = eip = the next
 *                                       one, trapno 1
 *
 * After a siglongjmp (sigsetjmp saved the mask) the signal is unblocked.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>
#include <asm/processor-flags.h>
#include "lib/sig_raw.h"
#include "lib/tap.h"

/*
 * FAULT_FN(name, setup, insn): void name(void) runs setup, then insn at
 * label name_at, then returns from label name_end; the handler resumes
 * at name_end. Only eax, ecx and edx (and the flags) are used.
 */
#define FAULT_FN(name, setup, insn)					\
	void name(void);						\
	extern const char name##_at[], name##_end[];			\
	__asm__(".text\n"						\
		".globl	" #name ", " #name "_at, " #name "_end\n"	\
		".type	" #name ", @function\n"				\
		#name ":\n"						\
		setup "\n"						\
		#name "_at:\n"						\
		insn "\n"						\
		#name "_end:\n"						\
		"	ret\n"						\
		".size	" #name ", . - " #name "\n")

FAULT_FN(f_cli, "", "cli");
FAULT_FN(f_hlt, "", "hlt");
FAULT_FN(f_inb, "", "inb $0x80, %al");
FAULT_FN(f_int20, "", "int $0x20");
FAULT_FN(f_badsel, "movl $0xfffb, %eax", "movw %ax, %es");
FAULT_FN(f_into, "movl $0x7fffffff, %eax; addl %eax, %eax", "into");
FAULT_FN(f_ud2, "", "ud2");
FAULT_FN(f_div0, "movl $1, %eax; xorl %edx, %edx; xorl %ecx, %ecx", "divl %ecx");
FAULT_FN(f_idiv, "movl $0x80000000, %eax; cltd; movl $-1, %ecx", "idivl %ecx");
FAULT_FN(f_int3, "", "int3");
FAULT_FN(f_int_3, "", ".byte 0xcd, 0x03");
/* The trap comes after the nop at f_step_at: eip is then f_step_end. */
FAULT_FN(f_step, "pushfl; orl $0x100, (%esp); popfl", "nop");

/* What the handler saw. */
static volatile int calls, seen_sig, seen_code;
static volatile unsigned long seen_addr, seen_eip, seen_trapno, seen_err,
	seen_cr2, seen_efl;
static volatile unsigned long resume;	/* 0: siglongjmp */
static sigjmp_buf env;

static void
handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	greg_t *g = uc->uc_mcontext.gregs;

	calls++;
	seen_sig = sig;
	seen_code = si->si_code;
	seen_addr = (unsigned long)si->si_addr;
	seen_eip = g[REG_EIP];
	seen_trapno = g[REG_TRAPNO];
	seen_err = g[REG_ERR];
	seen_efl = g[REG_EFL];
	seen_cr2 = uc->uc_mcontext.cr2;
	if (!resume)
		siglongjmp(env, 1);
	g[REG_EIP] = resume;
	g[REG_EFL] &= ~X86_EFLAGS_TF;
}

static void
clear(void)
{
	calls = seen_sig = seen_code = 0;
	seen_addr = seen_eip = seen_trapno = seen_err = seen_cr2 = 0;
}

/* One instruction fault, resumed at fn's end label. */
static void
insn(void (*fn)(void), const char *at, const char *end, int sig, int code,
     unsigned long addr, unsigned long eip, unsigned long trapno,
     unsigned long err, const char *what)
{
	clear();
	resume = (unsigned long)end;
	fn();
	is(calls, 1, "%s: one signal, and execution went on", what);
	is(seen_sig, sig, "%s: signal %d", what, sig);
	is(seen_code, code, "%s: si_code %#x", what, code);
	is(seen_addr, addr, "%s: si_addr %#lx", what, addr);
	is(seen_eip, eip, "%s: eip %s", what, eip == (unsigned long)at ?
	   "on the instruction" : "after it");
	is(seen_trapno, trapno, "%s: trapno %lu", what, trapno);
	is(seen_err, err, "%s: err %#lx", what, err);
}

/* One memory access fault at addr, left by siglongjmp. */
static void
mem(void (*access)(volatile char *), volatile char *addr, int code,
    long err, const char *what)
{
	clear();
	resume = 0;
	if (sigsetjmp(env, 1) == 0) {
		access(addr);
		ok(0, "%s: no fault", what);
		return;
	}
	is(calls, 1, "%s: SIGSEGV, left by siglongjmp", what);
	is(seen_sig, SIGSEGV, "%s: SIGSEGV", what);
	is(seen_code, code, "%s: si_code %s", what,
	   code == SEGV_MAPERR ? "SEGV_MAPERR" : "SEGV_ACCERR");
	is(seen_addr, (unsigned long)addr, "%s: si_addr is the address", what);
	is(seen_trapno, 14, "%s: trapno 14 (page fault)", what);
	if (err >= 0) {
		is(seen_err, err, "%s: err %#lx", what, err);
		is(seen_cr2, (unsigned long)addr, "%s: cr2 is the address", what);
	}
	is(kmask(), 0, "%s: the mask is restored by siglongjmp", what);
}

static void
load(volatile char *p)
{
	(void)*p;
}

static void
store(volatile char *p)
{
	*p = 1;
}

static void
jump(volatile char *p)
{
	((void (*)(void))(uintptr_t)p)();
}

int
main(void)
{
	struct sigaction sa;
	char *gone, *ro, *none;
	int sigs[] = { SIGSEGV, SIGILL, SIGFPE, SIGTRAP }, i;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < 4; i++)
		sigaction(sigs[i], &sa, NULL);

	ro = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ro[0] = 1;
	mprotect(ro, 4096, PROT_READ);
	none = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	/* Last, so that no later mmap takes the hole. */
	gone = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(gone, 4096);

	mem(load, gone + 0x123, SEGV_MAPERR, 4, "load from an unmapped page");
	mem(store, gone + 0x456, SEGV_MAPERR, 6, "store to an unmapped page");
	mem(store, ro + 0x789, SEGV_ACCERR, 7, "store to a read-only page");
	mem(load, none + 0x10, SEGV_ACCERR, -1, "load from a PROT_NONE page");
	mem(load, (volatile char *)0xc0100000, SEGV_MAPERR, -1,
	    "load from a kernel address");
	mem(jump, gone + 0x20, SEGV_MAPERR, -1, "jump to an unmapped address");
	is(seen_eip, (unsigned long)gone + 0x20, "jump: eip is the address too");

	insn(f_cli, f_cli_at, f_cli_end, SIGSEGV, SI_KERNEL, 0,
	     (unsigned long)f_cli_at, 13, 0, "cli");
	insn(f_hlt, f_hlt_at, f_hlt_end, SIGSEGV, SI_KERNEL, 0,
	     (unsigned long)f_hlt_at, 13, 0, "hlt");
	insn(f_inb, f_inb_at, f_inb_end, SIGSEGV, SI_KERNEL, 0,
	     (unsigned long)f_inb_at, 13, 0, "inb");
	insn(f_int20, f_int20_at, f_int20_end, SIGSEGV, SI_KERNEL, 0,
	     (unsigned long)f_int20_at, 13, 0x20 << 3 | 2, "int $0x20");
	insn(f_badsel, f_badsel_at, f_badsel_end, SIGSEGV, SI_KERNEL, 0,
	     (unsigned long)f_badsel_at, 13, 0xfff8, "movw of selector 0xfffb to %es");
	insn(f_into, f_into_at, f_into_end, SIGSEGV, SI_KERNEL, 0,
	     (unsigned long)f_into_end, 4, 0, "into with OF set");
	insn(f_ud2, f_ud2_at, f_ud2_end, SIGILL, ILL_ILLOPN,
	     (unsigned long)f_ud2_at, (unsigned long)f_ud2_at, 6, 0, "ud2");
	insn(f_div0, f_div0_at, f_div0_end, SIGFPE, FPE_INTDIV,
	     (unsigned long)f_div0_at, (unsigned long)f_div0_at, 0, 0, "divl by 0");
	insn(f_idiv, f_idiv_at, f_idiv_end, SIGFPE, FPE_INTDIV,
	     (unsigned long)f_idiv_at, (unsigned long)f_idiv_at, 0, 0,
	     "idivl of INT_MIN by -1");
	insn(f_int3, f_int3_at, f_int3_end, SIGTRAP, SI_KERNEL, 0,
	     (unsigned long)f_int3_end, 3, 0, "int3");
	insn(f_int_3, f_int_3_at, f_int_3_end, SIGTRAP, SI_KERNEL, 0,
	     (unsigned long)f_int_3_end, 3, 0, "int $3");
	insn(f_step, f_step_at, f_step_end, SIGTRAP, TRAP_TRACE,
	     (unsigned long)f_step_end, (unsigned long)f_step_end, 1, 0,
	     "single step (TF)");
	ok(seen_efl & X86_EFLAGS_TF, "single step: uc eflags has TF");
	return done_testing();
}
