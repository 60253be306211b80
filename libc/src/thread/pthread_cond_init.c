#include <pthread.h>

/* A condition variable nobody waits on; attributes are ignored. */
int
pthread_cond_init(pthread_cond_t *restrict c, const pthread_condattr_t *restrict attr)
{
	(void)attr;
	c->__seq = 0;
	return 0;
}
