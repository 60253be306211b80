#include "pthread_impl.h"

/* Release m (held by the caller), waking one waiter if there is one. */
int
pthread_mutex_unlock(pthread_mutex_t *m)
{
	__unlock(&m->__lock);
	return 0;
}
