#include "pthread_impl.h"

/*
 * Release m, sleep until a signal or broadcast on c, take m again.
 *
 * c->__seq is a sequence counter that every signal and broadcast bumps.
 * The waiter reads it while still holding m, then sleeps only while it
 * is unchanged: a signal sent between the unlock and the futex wait has
 * changed the value, so FUTEX_WAIT returns at once and no wake-up is
 * lost. Wake-ups may be spurious (POSIX allows it: callers re-check
 * their predicate in a loop).
 */
int
pthread_cond_wait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m)
{
	int seq = __atomic_load_n(&c->__seq, __ATOMIC_SEQ_CST);

	__unlock(&m->__lock);
	__futex_wait(&c->__seq, seq);
	__lock(&m->__lock);
	return 0;
}
