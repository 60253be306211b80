/*
 * signal.h: signals on the Linux i386 ABI.
 *
 * The numbers (SIG*, SA_*, SIG_BLOCK.., SS_*, MINSIGSTKSZ, SIGSTKSZ),
 * SIG_DFL/SIG_IGN/SIG_ERR, stack_t, siginfo_t with its si_* fields and
 * codes (SI_*, ILL_*, FPE_*, SEGV_*, BUS_*, TRAP_*, CLD_*, POLL_*),
 * union sigval and struct sigevent are the kernel's own, from the UAPI
 * <linux/signal.h> (<asm/signal.h>, <asm/siginfo.h>). That header also
 * has a one-word sigset_t and a struct sigaction holding one, the old
 * pre-rt ABI: they are renamed out of the way while it is read, and the
 * libc's (glibc's layout) take their names. So <asm/signal.h> may come
 * after this header (it is already read) but not before it.
 *
 * sigset_t is 128 bytes (<bits/sigset.h>); struct sigaction is glibc's
 * i386 one. The system calls get Linux's 8-byte set and i386 kernel
 * struct sigaction (handler, flags, restorer, mask), converted by
 * sigaction(); the libc always supplies SA_RESTORER and its own
 * sigreturn trampolines.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#ifdef _ASM_X86_SIGNAL_H
#error "<asm/signal.h> before <signal.h>: its old sigset_t and struct sigaction clash with the libc's; include <signal.h> (alone, or first)"
#else

#include <features.h>
#include <sys/types.h>
#include <bits/sigset.h>

#define sigset_t	__uapi_old_sigset_t
#define sigaction	__uapi_old_sigaction
#include <linux/signal.h>
#undef sigset_t
#undef sigaction
/* The UAPI struct's members and its notion of the limits. */
#undef sa_handler
#undef sa_sigaction
#undef NSIG
#undef SIGRTMIN
#undef SIGRTMAX
/* Removed from glibc (2.26): SIGSYS's old alias. */
#undef SIGUNUSED

/* Signals 1..64. */
#define _NSIG		65
#define NSIG		_NSIG
/*
 * Real-time signals, for applications: 32 and 33 are kept back for the
 * implementation as in glibc (NPTL's cancellation and setxid signals), so
 * the same programs see the same range; this libc uses neither yet.
 */
#define SIGRTMIN	34
#define SIGRTMAX	(_NSIG - 1)

/* glibc's name for the UAPI's timer id field. */
#define si_timerid	si_tid

typedef int sig_atomic_t;
typedef __sigset_t sigset_t;
typedef __sighandler_t sighandler_t;

/* glibc's i386 layout (the kernel's rt_sigaction one is different). */
struct sigaction {
	union {
		__sighandler_t sa_handler;
		void (*sa_sigaction)(int, siginfo_t *, void *);
	} __sigaction_handler;
	sigset_t sa_mask;
	int sa_flags;
	void (*sa_restorer)(void);
};
#define sa_handler	__sigaction_handler.sa_handler
#define sa_sigaction	__sigaction_handler.sa_sigaction

sighandler_t signal(int sig, sighandler_t handler);
int sigaction(int sig, const struct sigaction *restrict act,
	      struct sigaction *restrict old);
int siginterrupt(int sig, int flag);

int kill(pid_t pid, int sig);
int killpg(pid_t pgrp, int sig);
int raise(int sig);
int sigqueue(pid_t pid, int sig, const union sigval value);
int pthread_kill(pthread_t thread, int sig);

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old);
int pthread_sigmask(int how, const sigset_t *restrict set, sigset_t *restrict old);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigwait(const sigset_t *restrict set, int *restrict sig);
int sigwaitinfo(const sigset_t *restrict set, siginfo_t *restrict info);
int sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict info,
		 const struct timespec *restrict timeout);
int sigaltstack(const stack_t *restrict ss, stack_t *restrict old);

int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

void psignal(int sig, const char *s);

/* POSIX's mcontext_t and ucontext_t (a handler's third argument). */
#include <sys/ucontext.h>

#endif /* _ASM_X86_SIGNAL_H */
#endif
