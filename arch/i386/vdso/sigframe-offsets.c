/*
 * Offsets into Linux's i386 signal frames, for the unwind information of
 * the sigreturn trampolines (sigreturn.S). Compiled to assembly only; the
 * build turns every "->NAME value" marker into "#define NAME value" in
 * build/include/generated/vdso-sigframe.h.
 *
 * The frames are Linux's ABI, which libgcc's and gdb's fallback unwinders
 * assume as well, so the kernel's signal delivery must build exactly
 * these (the pretcode slot is what the handler's `ret` pops):
 *
 *	struct sigframe    { pretcode, sig, sigcontext sc, ... }
 *	struct rt_sigframe { pretcode, sig, pinfo, puc, siginfo info,
 *			     ucontext uc, ... }
 *
 * Only the UAPI types are used (struct sigcontext, siginfo_t, struct
 * ucontext); the frames' tails do not matter here and are left out.
 */
#include <linux/types.h>
#include <asm/signal.h>
#include <asm/sigcontext.h>
#include <asm/siginfo.h>
#include <asm/ucontext.h>
#include <stddef.h>

#define DEFINE(sym, val) \
	__asm__ __volatile__("\n->" #sym " %c0 " #val : : "i"(val))
#define SC(sym, mem) DEFINE(sym, offsetof(struct sigcontext, mem))

struct sigframe_head {
	__u32 pretcode;
	int sig;
	struct sigcontext sc;
};

struct rt_sigframe_head {
	__u32 pretcode;
	int sig;
	__u32 pinfo;
	__u32 puc;
	siginfo_t info;
	struct ucontext uc;
};

void sigframe_offsets(void);

/* Never called: its assembly output carries the markers. */
void
sigframe_offsets(void)
{
	/* Where the sigcontext is, from esp on entry to each trampoline
	 * (the handler's ret has popped pretcode). */
	DEFINE(SIGFRAME_SC, offsetof(struct sigframe_head, sc) - 4);
	DEFINE(RT_SIGFRAME_SC,
	       offsetof(struct rt_sigframe_head, uc.uc_mcontext) - 4);

	/* The saved registers inside struct sigcontext. */
	SC(SC_EAX, eax);
	SC(SC_ECX, ecx);
	SC(SC_EDX, edx);
	SC(SC_EBX, ebx);
	SC(SC_ESP, esp);
	SC(SC_EBP, ebp);
	SC(SC_ESI, esi);
	SC(SC_EDI, edi);
	SC(SC_EIP, eip);
}
