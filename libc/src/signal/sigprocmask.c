#include <signal.h>
#include "ksigaction.h"
#include "syscall.h"

/* Change and/or read the calling thread's signal mask; -1 and errno
 * (EINVAL for a bad how) on failure. */
int
sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
	return __syscall_ret(__syscall4(SYS_rt_sigprocmask, how, (long)set,
					(long)old, KSIGSET_SIZE));
}
