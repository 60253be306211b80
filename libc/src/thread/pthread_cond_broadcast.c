#include <limits.h>
#include "pthread_impl.h"

/* Wake every thread waiting on c. */
int
pthread_cond_broadcast(pthread_cond_t *c)
{
	__atomic_add_fetch(&c->__seq, 1, __ATOMIC_SEQ_CST);
	__futex_wake(&c->__seq, INT_MAX);
	return 0;
}
