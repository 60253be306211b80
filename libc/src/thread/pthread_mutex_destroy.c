#include <pthread.h>

/* Nothing to free: a mutex is one futex word. */
int
pthread_mutex_destroy(pthread_mutex_t *m)
{
	(void)m;
	return 0;
}
