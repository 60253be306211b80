#include <signal.h>
#include "ksigaction.h"
#include "syscall.h"

/*
 * Take a pending signal of *set (blocked ones, normally), waiting up to
 * *timeout (forever if NULL): its number, and its siginfo in *info if
 * info. EAGAIN when the time ran out, EINTR if a handler ran.
 */
int
sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict info,
	     const struct timespec *restrict timeout)
{
	return __syscall_ret(__syscall4(SYS_rt_sigtimedwait, (long)set, (long)info,
					(long)timeout, KSIGSET_SIZE));
}
