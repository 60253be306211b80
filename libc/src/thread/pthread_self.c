#include "pthread_impl.h"

/* The calling thread's id: its TCB address. */
pthread_t
pthread_self(void)
{
	return (pthread_t)__tcb();
}
