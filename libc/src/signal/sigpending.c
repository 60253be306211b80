#include <signal.h>
#include "ksigaction.h"
#include "syscall.h"

/* The signals pending for the calling thread or its process. */
int
sigpending(sigset_t *set)
{
	return __syscall_ret(__syscall2(SYS_rt_sigpending, (long)set, KSIGSET_SIZE));
}
