#include <signal.h>
#include "ksigaction.h"
#include "syscall.h"

/* Wait for a signal with *mask as the signal mask, atomically; the old
 * mask is back once a handler has run. Always -1 (EINTR). */
int
sigsuspend(const sigset_t *mask)
{
	return __syscall_ret(__syscall2(SYS_rt_sigsuspend, (long)mask, KSIGSET_SIZE));
}
