#include <errno.h>
#include <pthread.h>

/* Threads created with attr get a stack of at least size bytes (rounded
 * up to pages); EINVAL below PTHREAD_STACK_MIN or above half the
 * address space. */
int
pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{
	if (size < PTHREAD_STACK_MIN || size > ((size_t)-1) / 2)
		return EINVAL;
	attr->__stacksize = size;
	return 0;
}
