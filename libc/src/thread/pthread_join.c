#include <errno.h>
#include "pthread_impl.h"

/*
 * Wait for `thread` to end, store its result in *result (if result), and
 * free its stack, TLS and TCB. The kernel zeroes t->tid when the thread
 * is gone (CLONE_CHILD_CLEARTID) and wakes that address as a shared
 * futex, so this waits with plain FUTEX_WAIT: a private waiter is keyed
 * differently and would miss the wake. EDEADLK for the calling thread,
 * EINVAL for the main thread (not created by pthread_create).
 */
int
pthread_join(pthread_t thread, void **result)
{
	struct tcb *t = (struct tcb *)thread;
	int tid;

	if (t == __tcb())
		return EDEADLK;
	if (!t->map_base)
		return EINVAL;
	while ((tid = t->tid) != 0)
		__syscall4(SYS_futex, (long)&t->tid, FUTEX_WAIT, tid, 0);
	if (result)
		*result = t->result;
	__syscall2(SYS_munmap, (long)t->map_base, t->map_size);
	return 0;
}
