/*
 * sig_trampolines: a handler returns through the trampoline the kernel
 * put in its frame, and that trampoline's sigreturn gives the
 * interrupted code back every register.
 *
 * The handler's return address (the frame's pretcode) must be:
 *
 *   SA_RESTORER, no SA_SIGINFO   our restorer (pops sig, sigreturn 119)
 *   SA_RESTORER, SA_SIGINFO      our rt restorer (rt_sigreturn 173)
 *   no SA_RESTORER, no SA_SIGINFO   the vDSO's __kernel_sigreturn
 *   no SA_RESTORER, SA_SIGINFO      the vDSO's __kernel_rt_sigreturn
 *   the libc's sigaction()       the restorer rt_sigaction reads back
 *
 * (Linux i386 falls back to the vDSO when there is no SA_RESTORER; the
 * two vDSO symbols are found in the ELF image at AT_SYSINFO_EHDR.)
 *
 * The signal is raised by kill() from a routine that has loaded every
 * register with a known value (lib/entry.h's entry_snap), entering the
 * kernel by int $0x80, call *%gs:0x10 and call *AT_SYSINFO; after the
 * handler ran, all registers but eax (kill's 0) and the flags must be
 * as before. The frame itself is checked as Linux builds it: the
 * handler starts with esp + 4 16-byte aligned (the i386 ABI at a
 * function's entry), sig above pretcode, for rt frames pinfo and puc
 * pointing at the siginfo and ucontext that follow; the old frame's
 * sigcontext holds the interrupted eip and registers, and oldmask the
 * low word of the mask. A handler starts with DF clear even if the
 * interrupted code had set it (tried on int $0x80 only: a call into the
 * vDSO with DF set breaks the ABI).
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lib/entry.h"
#include "lib/sig_raw.h"
#include "lib/tap.h"

#define SIG_STR(x)	#x
#define SIG_NR(x)	SIG_STR(x)

/* Our own restorers: count the pass, then the frame's sigreturn. */
volatile unsigned long restorer_calls;
void my_restorer(void);
void my_rt_restorer(void);
__asm__(".text\n"
	".globl	my_restorer\n"
	".type	my_restorer, @function\n"
	"my_restorer:\n"
	"	popl	%eax\n"			/* sig: esp -> the sigcontext */
	"	incl	restorer_calls\n"
	"	movl	$" SIG_NR(SYS_sigreturn) ", %eax\n"
	"	int	$0x80\n"
	"	ud2\n"
	".size	my_restorer, . - my_restorer\n"
	".globl	my_rt_restorer\n"
	".type	my_rt_restorer, @function\n"
	"my_rt_restorer:\n"
	"	incl	restorer_calls\n"	/* esp -> sig, as the kernel wants */
	"	movl	$" SIG_NR(SYS_rt_sigreturn) ", %eax\n"
	"	int	$0x80\n"
	"	ud2\n"
	".size	my_rt_restorer, . - my_rt_restorer\n");

/*
 * The handler the kernel calls: it notes esp (pointing at pretcode) and
 * the flags as they are on entry, then jumps to the C handler, which
 * therefore sees the same return address and arguments.
 */
volatile unsigned long stub_esp, stub_eflags;
void (*volatile stub_next)(void);
void sig_stub(void);
__asm__(".text\n"
	".globl	sig_stub\n"
	".type	sig_stub, @function\n"
	"sig_stub:\n"
	"	pushfl\n"
	"	popl	stub_eflags\n"
	"	movl	%esp, stub_esp\n"
	"	jmp	*stub_next\n"
	".size	sig_stub, . - sig_stub\n");

extern const char entry_snap_int80_ret[];

/* What the C handlers saw. */
static volatile int calls, seen_sig;
static volatile unsigned long seen_ret, seen_si, seen_uc;
static struct ksigcontext seen_sc;

static void
h_plain(int sig)
{
	const struct ksigframe *f = (const void *)stub_esp;

	calls++;
	seen_sig = sig;
	seen_ret = (unsigned long)__builtin_return_address(0);
	seen_sc = f->sc;
}

static void
h_info(int sig, siginfo_t *si, void *uc)
{
	calls++;
	seen_sig = sig;
	seen_ret = (unsigned long)__builtin_return_address(0);
	seen_si = (unsigned long)si;
	seen_uc = (unsigned long)uc;
}

enum kind { OWN, OWN_RT, VDSO, VDSO_RT, LIBC_RT, NKINDS };
static const char *const kind_name[NKINDS] = {
	"SA_RESTORER", "SA_RESTORER|SA_SIGINFO", "no restorer",
	"no restorer, SA_SIGINFO", "libc sigaction, SA_SIGINFO",
};

/* Install the handler for one kind; the return address it must see. */
static unsigned long
install(enum kind k)
{
	struct ksigaction old;
	struct sigaction sa;

	switch (k) {
	case OWN:
		stub_next = (void (*)(void))h_plain;
		ksig_handle_r(SIGUSR1, (unsigned long)sig_stub, SA_RESTORER,
			      (unsigned long)my_restorer);
		return (unsigned long)my_restorer;
	case OWN_RT:
		stub_next = (void (*)(void))h_info;
		ksig_handle_r(SIGUSR1, (unsigned long)sig_stub,
			      SA_RESTORER | SA_SIGINFO,
			      (unsigned long)my_rt_restorer);
		return (unsigned long)my_rt_restorer;
	case VDSO:
		stub_next = (void (*)(void))h_plain;
		ksig_handle(SIGUSR1, (unsigned long)sig_stub, 0);
		return vdso_func("__kernel_sigreturn", "LINUX_2.5");
	case VDSO_RT:
		stub_next = (void (*)(void))h_info;
		ksig_handle(SIGUSR1, (unsigned long)sig_stub, SA_SIGINFO);
		return vdso_func("__kernel_rt_sigreturn", "LINUX_2.5");
	default:
		stub_next = (void (*)(void))h_info;
		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = (void (*)(int, siginfo_t *, void *))sig_stub;
		sa.sa_flags = SA_SIGINFO;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGUSR1, &sa, NULL);
		ksigaction(SIGUSR1, NULL, &old);
		return old.flags & SA_RESTORER ? old.restorer : 0;
	}
}

/* One raise of SIGUSR1 by kill on path p, through trampoline kind k. */
static void
one(enum kind k, enum entry_path p, int df)
{
	const char *kn = kind_name[k], *pn = entry_path_name(p);
	unsigned long want = install(k), flags;
	uint64_t mask = KSIGBIT(SIGUSR2) | KSIGBIT(40);
	struct entry_regs in, before, after;
	int rt = k != OWN && k != VDSO;

	flags = X86_EFLAGS_FIXED | X86_EFLAGS_IF | ENTRY_ARITH_FLAGS;
	if (df)
		flags |= X86_EFLAGS_DF;
	entry_regs_fill(&in, SYS_kill, flags);
	in.ebx = getpid();
	in.ecx = SIGUSR1;
	ksigprocmask(KSIG_SETMASK, &mask, NULL);
	calls = 0;
	restorer_calls = 0;
	seen_ret = seen_si = seen_uc = 0;
	memset(&seen_sc, 0, sizeof seen_sc);

	entry_snap(p, &in, &before, &after);

	is(calls, 1, "%s, %s%s: the handler ran once", kn, pn, df ? ", DF set" : "");
	is(seen_sig, SIGUSR1, "%s, %s: its argument is the signal", kn, pn);
	is(seen_ret, want, "%s, %s: it returns to %#lx", kn, pn, want);
	if (k == OWN || k == OWN_RT)
		is(restorer_calls, 1, "%s, %s: through our restorer", kn, pn);
	is(after.eax, 0, "%s, %s: kill returned 0", kn, pn);
	ok(!entry_regs_diff(&before, &after),
	   "%s, %s: every other register and the flags came back", kn, pn);
	is(kmask(), mask, "%s, %s: the mask came back", kn, pn);
	is((stub_esp + 4) % 16, 0,
	   "%s, %s: the handler starts with esp + 4 16-byte aligned (esp %#lx)",
	   kn, pn, stub_esp);
	if (df)
		ok(!(stub_eflags & X86_EFLAGS_DF),
		   "%s, %s: the handler starts with DF clear (eflags %#lx)", kn,
		   pn, stub_eflags);
	if (rt) {
		ok(seen_si == stub_esp + 16 && seen_uc == stub_esp + 16 + 128,
		   "%s, %s: siginfo and ucontext follow pretcode, sig, pinfo, puc "
		   "(esp %#lx, si %#lx, uc %#lx)", kn, pn, stub_esp, seen_si,
		   seen_uc);
		return;
	}
	/* The old frame: sigcontext right above sig. */
	is(seen_sc.oldmask, (uint32_t)mask,
	   "%s, %s: sigcontext.oldmask is the low word of the mask", kn, pn);
	ok(seen_sc.ebx == before.ebx && seen_sc.esi == before.esi &&
	   seen_sc.edi == before.edi && seen_sc.eax == 0,
	   "%s, %s: sigcontext ebx, esi, edi as loaded, eax kill's 0", kn, pn);
	if (p == ENTRY_INT80)
		ok(seen_sc.eip == (unsigned long)entry_snap_int80_ret &&
		   seen_sc.esp == before.esp && seen_sc.ebp == before.ebp &&
		   seen_sc.ecx == before.ecx && seen_sc.edx == before.edx &&
		   seen_sc.eflags == before.eflags,
		   "%s, %s: sigcontext eip after the int, esp, ebp, ecx, edx, "
		   "eflags as before (eip %#lx esp %#lx eflags %#lx)", kn, pn,
		   seen_sc.eip, seen_sc.esp, seen_sc.eflags);
}

int
main(void)
{
	int have_vdso = getauxval(AT_SYSINFO_EHDR) != 0;
	uint64_t none = 0;
	int k, p;

	for (k = 0; k < NKINDS; k++) {
		if ((k == VDSO || k == VDSO_RT) && !have_vdso) {
			skip(1, "no vDSO: no trampoline without SA_RESTORER");
			continue;
		}
		for (p = 0; p < ENTRY_NPATHS; p++) {
			if (p != ENTRY_INT80 && !entry_sysinfo()) {
				skip(1, "no AT_SYSINFO");
				continue;
			}
			one(k, p, 0);
		}
		one(k, ENTRY_INT80, 1);
	}
	if (have_vdso) {
		unsigned long sr = vdso_func("__kernel_sigreturn", "LINUX_2.5"),
			rt = vdso_func("__kernel_rt_sigreturn", "LINUX_2.5");
		struct vdso v;

		vdso_open(&v, getauxval(AT_SYSINFO_EHDR));
		ok(sr >= v.start && sr < v.end && rt >= v.start && rt < v.end,
		   "both vDSO trampolines lie in the vDSO's PT_LOAD (%#lx, %#lx)",
		   sr, rt);
	}
	ksigprocmask(KSIG_SETMASK, &none, NULL);
	return done_testing();
}
