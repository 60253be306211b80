#include "pthread_impl.h"

/* Take m if it is free: 0, else EBUSY at once. */
int
pthread_mutex_trylock(pthread_mutex_t *m)
{
	return __trylock(&m->__lock);
}
