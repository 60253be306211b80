#include "pthread_impl.h"

/* Default attributes: the default stack size (128 KiB). */
int
pthread_attr_init(pthread_attr_t *attr)
{
	attr->__stacksize = PTHREAD_STACK_DEFAULT;
	return 0;
}
