#include "pthread_impl.h"

/* Wake at least one thread waiting on c, if any. */
int
pthread_cond_signal(pthread_cond_t *c)
{
	__atomic_add_fetch(&c->__seq, 1, __ATOMIC_SEQ_CST);
	__futex_wake(&c->__seq, 1);
	return 0;
}
