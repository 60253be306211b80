#include <pthread.h>

/* *size = the stack size attr asks for. */
int
pthread_attr_getstacksize(const pthread_attr_t *restrict attr, size_t *restrict size)
{
	*size = attr->__stacksize;
	return 0;
}
