#include <unistd.h>
#include "pthread_impl.h"
#include "malloc_impl.h"
#include "stdio_impl.h"

/*
 * The locks another thread could hold while this one forks: the child
 * would inherit them held by a thread it does not have. Weak references,
 * so that fork links neither malloc nor stdio nor pthreads: what the
 * program does not use has address 0.
 */
extern hidden volatile int __malloc_lock __attribute__((__weak__));
extern hidden FILE __stdout_FILE __attribute__((__weak__));
extern hidden FILE __stderr_FILE __attribute__((__weak__));
extern hidden volatile int __pthread_count __attribute__((__weak__));

/*
 * A copy of the calling process; 0 in the child, its pid in the parent,
 * -1 and errno on failure. The child gets a copy-on-write copy of the
 * memory, stack included, so the system call may go through the vDSO
 * (its return path pops from the stack, which each side has its own of).
 *
 * The libc's locks are taken first and released on both sides, so the
 * child's copies are consistent and free. The child has one thread.
 * Nothing about the process is cached in the TCB (no pid), so nothing
 * else needs resetting in the child.
 */
pid_t
fork(void)
{
	FILE *files[] = { &__stdout_FILE, &__stderr_FILE };
	volatile int *heap = &__malloc_lock;
	long r;
	int i;

	for (i = 0; i < 2; i++)
		if (files[i])
			__lock(&files[i]->lock);
	if (heap)
		__lock(heap);
	r = __syscall0(SYS_fork);
	if (r == 0) {
		/* Nobody waits on these in the child: just clear them. */
		if (heap)
			*heap = 0;
		for (i = 0; i < 2; i++)
			if (files[i])
				files[i]->lock = 0;
		__tcb()->multiple_threads = 0;
		if (&__pthread_count)
			__pthread_count = 1;
	} else {
		if (heap)
			__unlock(heap);
		for (i = 1; i >= 0; i--)
			if (files[i])
				__unlock(&files[i]->lock);
	}
	return __syscall_ret(r);
}
