#include "pthread_impl.h"

/* Take m, sleeping on its futex while another thread holds it. */
int
pthread_mutex_lock(pthread_mutex_t *m)
{
	__lock(&m->__lock);
	return 0;
}
