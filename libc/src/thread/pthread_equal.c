#include <pthread.h>

/* Non-zero if a and b name the same thread. */
int
pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}
