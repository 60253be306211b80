#include <signal.h>
#include "ksigaction.h"
#include "syscall.h"

/*
 * Send sig to the calling thread (tgkill, so si_code is SI_TKILL); a
 * handler has run by the time this returns, if sig is not blocked.
 * Signals are blocked from reading the ids to the tgkill: a handler
 * that forked in between would leave the child signalling its parent.
 */
int
raise(int sig)
{
	sigset_t all, old;
	long r;

	__sigset_all(&all);
	__syscall4(SYS_rt_sigprocmask, SIG_BLOCK, (long)&all, (long)&old, KSIGSET_SIZE);
	r = __syscall3(SYS_tgkill, __syscall0(SYS_getpid), __syscall0(SYS_gettid), sig);
	__syscall4(SYS_rt_sigprocmask, SIG_SETMASK, (long)&old, 0, KSIGSET_SIZE);
	return __syscall_ret(r);
}
