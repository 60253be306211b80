/*
 * sig_raw.h: the kernel's signal ABI on i386, spelled out, for the sig_*
 * tests that must say exactly what the kernel sees or builds:
 *
 *   struct ksigaction         rt_sigaction's structure (handler, flags,
 *                             restorer, 64-bit mask)
 *   struct ksigcontext        the saved registers (asm/sigcontext.h's
 *                             struct sigcontext_32)
 *   struct kucontext          the rt frame's ucontext (asm-generic/ucontext.h)
 *   struct ksiginfo           the 128-byte siginfo, with the fields the
 *                             tests read
 *   struct ksigframe, krt_sigframe
 *                             the two frames the kernel pushes (Linux's
 *                             arch/x86/include/asm/sigframe.h), from the
 *                             handler's return address up
 *   ksys(nr, a, b, c, d)      one system call by an inline int $0x80; the
 *                             raw eax (-errno on failure), errno untouched
 *   ksigaction, ksigprocmask, kkill, ktgkill, kgettid, kgetpid
 *                             the raw calls themselves
 *   ksig_handle(sig, fn, flags)  install fn with flags and an empty mask,
 *                             no restorer (unless flags say SA_RESTORER:
 *                             then ksig_handle_r)
 *
 * The libc's <signal.h> has the POSIX side (sigaction(), siginfo_t,
 * ucontext_t); these names are all prefixed so that both can be used in
 * one program. Header only: every helper is static inline.
 */
#ifndef SIG_RAW_H
#define SIG_RAW_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/syscall.h>

/* rt_sigaction's flag bits (asm/signal.h), if the libc has not got them. */
#ifndef SA_NOCLDSTOP
#define SA_NOCLDSTOP	0x00000001
#endif
#ifndef SA_NOCLDWAIT
#define SA_NOCLDWAIT	0x00000002
#endif
#ifndef SA_SIGINFO
#define SA_SIGINFO	0x00000004
#endif
#ifndef SA_RESTORER
#define SA_RESTORER	0x04000000
#endif
#ifndef SA_ONSTACK
#define SA_ONSTACK	0x08000000
#endif
#ifndef SA_RESTART
#define SA_RESTART	0x10000000
#endif
#ifndef SA_NODEFER
#define SA_NODEFER	0x40000000
#endif
#ifndef SA_RESETHAND
#define SA_RESETHAND	0x80000000
#endif

#define KSIG_DFL	0UL
#define KSIG_IGN	1UL
#define KSIG_BLOCK	0
#define KSIG_UNBLOCK	1
#define KSIG_SETMASK	2

/* si_code values (asm-generic/siginfo.h). */
#define KSI_USER	0
#define KSI_KERNEL	0x80
#define KSI_TKILL	(-6)
#define KSI_TIMER	(-2)

/* The bit of sig in a 64-bit kernel sigset. */
#define KSIGBIT(sig)	(1ULL << ((sig) - 1))

/* The user selectors of Linux i386 (GDT entries 14 and 15, RPL 3). */
#define KUSER_CS	0x73
#define KUSER_DS	0x7b

struct ksigaction {
	unsigned long handler;
	unsigned long flags;
	unsigned long restorer;
	uint64_t mask;
};

struct ksigcontext {
	uint16_t gs, __gsh;
	uint16_t fs, __fsh;
	uint16_t es, __esh;
	uint16_t ds, __dsh;
	unsigned long edi, esi, ebp, esp, ebx, edx, ecx, eax;
	unsigned long trapno, err, eip;
	uint16_t cs, __csh;
	unsigned long eflags, esp_at_signal;
	uint16_t ss, __ssh;
	unsigned long fpstate, oldmask, cr2;
};
_Static_assert(sizeof(struct ksigcontext) == 88, "sigcontext is 88 bytes");

struct kstack {
	unsigned long ss_sp;
	int ss_flags;
	unsigned long ss_size;
};

struct kucontext {
	unsigned long uc_flags;
	unsigned long uc_link;
	struct kstack uc_stack;
	struct ksigcontext uc_mcontext;
	uint64_t uc_sigmask;
};
_Static_assert(offsetof(struct kucontext, uc_mcontext) == 20, "mcontext at 20");
_Static_assert(offsetof(struct kucontext, uc_sigmask) == 108, "sigmask at 108");

struct ksiginfo {
	int si_signo, si_errno, si_code;
	union {
		struct {		/* kill, tkill, SIGCHLD */
			int pid;
			unsigned int uid;
			int status;	/* SIGCHLD only */
		} k;
		unsigned long addr;	/* faults: si_addr */
		int pad[29];
	} f;
};
_Static_assert(sizeof(struct ksiginfo) == 128, "siginfo is 128 bytes");

/* What esp points at when a handler starts (its return address first). */
struct ksigframe {
	unsigned long pretcode;
	int sig;
	struct ksigcontext sc;
};

struct krt_sigframe {
	unsigned long pretcode;
	int sig;
	struct ksiginfo *pinfo;
	struct kucontext *puc;
	struct ksiginfo info;
	struct kucontext uc;
};

/* One call by int $0x80 with up to four arguments: the raw eax. */
static inline long
ksys(long n, long a, long b, long c, long d)
{
	long r;

	__asm__ __volatile__("int $0x80"
			     : "=a"(r)
			     : "0"(n), "b"(a), "c"(b), "d"(c), "S"(d)
			     : "memory", "cc");
	return r;
}

static inline long
ksigaction(int sig, const struct ksigaction *act, struct ksigaction *old)
{
	return ksys(SYS_rt_sigaction, sig, (long)act, (long)old, 8);
}

static inline long
ksigprocmask(int how, const uint64_t *set, uint64_t *old)
{
	return ksys(SYS_rt_sigprocmask, how, (long)set, (long)old, 8);
}

/* The current mask (rt_sigprocmask with no new set). */
static inline uint64_t
kmask(void)
{
	uint64_t m = 0;

	ksigprocmask(KSIG_BLOCK, NULL, &m);
	return m;
}

static inline long
kkill(long pid, int sig)
{
	return ksys(SYS_kill, pid, sig, 0, 0);
}

static inline long
ktgkill(long tgid, long tid, int sig)
{
	return ksys(SYS_tgkill, tgid, tid, sig, 0);
}

static inline long
kgetpid(void)
{
	return ksys(SYS_getpid, 0, 0, 0, 0);
}

static inline long
kgettid(void)
{
	return ksys(SYS_gettid, 0, 0, 0, 0);
}

/* Install handler (a function, KSIG_DFL or KSIG_IGN) with a restorer. */
static inline long
ksig_handle_r(int sig, unsigned long handler, unsigned long flags,
	      unsigned long restorer)
{
	struct ksigaction a = { handler, flags, restorer, 0 };

	return ksigaction(sig, &a, NULL);
}

/* Install handler with flags, an empty sa_mask and no restorer. */
static inline long
ksig_handle(int sig, unsigned long handler, unsigned long flags)
{
	return ksig_handle_r(sig, handler, flags, 0);
}

/* The rt frame of an SA_SIGINFO handler, from its ucontext argument. */
static inline struct kucontext *
kuc(void *ucontext)
{
	return (struct kucontext *)ucontext;
}

#endif
