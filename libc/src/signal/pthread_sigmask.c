#include <signal.h>
#include "ksigaction.h"
#include "syscall.h"

/* sigprocmask, but returning the error number instead of setting errno
 * (POSIX's thread-function convention). */
int
pthread_sigmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
	return -__syscall4(SYS_rt_sigprocmask, how, (long)set, (long)old,
			   KSIGSET_SIZE);
}
