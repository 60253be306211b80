#include <pthread.h>

/* Nothing to free: a condition variable is one futex word. */
int
pthread_cond_destroy(pthread_cond_t *c)
{
	(void)c;
	return 0;
}
