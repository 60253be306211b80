#include <errno.h>
#include <signal.h>
#include "pthread_impl.h"

/*
 * Send sig to one thread of this process (tgkill): 0 or an error number.
 * The calling thread asks the kernel for its own id (its TCB has none
 * when it is the main thread, or a stale one in a fork child); the main
 * thread's id is the process id; another thread's is in its TCB, 0 once
 * it has ended (ESRCH). A thread that ends between that read and the
 * tgkill, and whose id is reused, is not guarded against.
 */
int
pthread_kill(pthread_t thread, int sig)
{
	struct tcb *t = (struct tcb *)thread;
	long pid = __syscall0(SYS_getpid), tid;

	if (t == __tcb())
		tid = __syscall0(SYS_gettid);
	else if (!t->map_base)
		tid = pid;
	else if (!(tid = t->tid))
		return ESRCH;
	return -__syscall3(SYS_tgkill, pid, tid, sig);
}
