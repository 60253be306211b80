#include <signal.h>
#include <stddef.h>
#include <sys/ucontext.h>
#include <asm/sigcontext.h>
#include "ksigaction.h"
#include "sigframe.h"
#include "syscall.h"

/* The trampolines' unwind tables (sigframe.h) and <sys/ucontext.h> must
 * describe the kernel's frames. */
#define SC_AT(field, reg) \
	_Static_assert(offsetof(struct sigcontext_32, field) == 4 * (reg), \
		       "REG_* index of sigcontext_32." #field)
SC_AT(gs, REG_GS);
SC_AT(di, REG_EDI);
SC_AT(si, REG_ESI);
SC_AT(bp, REG_EBP);
SC_AT(sp, REG_ESP);
SC_AT(bx, REG_EBX);
SC_AT(dx, REG_EDX);
SC_AT(cx, REG_ECX);
SC_AT(ax, REG_EAX);
SC_AT(trapno, REG_TRAPNO);
SC_AT(ip, REG_EIP);
SC_AT(flags, REG_EFL);
SC_AT(sp_at_signal, REG_UESP);
SC_AT(ss, REG_SS);
_Static_assert(offsetof(struct sigcontext_32, fpstate) == offsetof(mcontext_t, fpregs) &&
	       offsetof(struct sigcontext_32, oldmask) == offsetof(mcontext_t, oldmask) &&
	       offsetof(struct sigcontext_32, cr2) == offsetof(mcontext_t, cr2) &&
	       sizeof(struct sigcontext_32) == sizeof(mcontext_t),
	       "mcontext_t is struct sigcontext_32");
_Static_assert(SC_EDI == 4 * REG_EDI && SC_ESI == 4 * REG_ESI && SC_EBP == 4 * REG_EBP &&
	       SC_ESP == 4 * REG_ESP && SC_EBX == 4 * REG_EBX && SC_EDX == 4 * REG_EDX &&
	       SC_ECX == 4 * REG_ECX && SC_EAX == 4 * REG_EAX && SC_EIP == 4 * REG_EIP,
	       "sigframe.h's sigcontext offsets");
_Static_assert(RT_SIGFRAME_SC == 3 * 4 + sizeof(siginfo_t) + offsetof(ucontext_t, uc_mcontext),
	       "rt_sigframe: sig, pinfo, puc, info, then the ucontext");
_Static_assert(sizeof(siginfo_t) == 128, "siginfo_t is 128 bytes");

/*
 * Set and/or read signal sig's action, with rt_sigaction. The kernel's
 * struct differs from the libc's (field order, an 8-byte mask). Every
 * handler gets SA_RESTORER with the libc's trampoline for its kind of
 * frame: __restore_rt for SA_SIGINFO (an rt frame), __restore otherwise.
 * The old action reads back as the kernel has it (with SA_RESTORER).
 */
int
sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old)
{
	struct k_sigaction kact, kold;
	unsigned i;
	long r;

	if (act) {
		kact.handler = act->sa_handler;
		kact.flags = act->sa_flags | SA_RESTORER;
		kact.restorer = act->sa_flags & SA_SIGINFO ? __restore_rt : __restore;
		for (i = 0; i < sizeof kact.mask / sizeof kact.mask[0]; i++)
			kact.mask[i] = act->sa_mask.__val[i];
	}
	r = __syscall4(SYS_rt_sigaction, sig, act ? (long)&kact : 0,
		       old ? (long)&kold : 0, KSIGSET_SIZE);
	if (r == 0 && old) {
		old->sa_handler = kold.handler;
		old->sa_flags = kold.flags;
		old->sa_restorer = kold.restorer;
		sigemptyset(&old->sa_mask);
		for (i = 0; i < sizeof kold.mask / sizeof kold.mask[0]; i++)
			old->sa_mask.__val[i] = kold.mask[i];
	}
	return __syscall_ret(r);
}
