#include <stdlib.h>
#include "pthread_impl.h"

volatile int __pthread_count = 1;

/*
 * End the calling thread with `result` for pthread_join. The kernel then
 * clears the TCB's tid and wakes its futex (CLONE_CHILD_CLEARTID); the
 * joiner frees the stack. The last thread to leave ends the process
 * with exit(0), as glibc's does, so atexit handlers and stdio still run.
 */
_Noreturn void
pthread_exit(void *result)
{
	__tcb()->result = result;
	if (__atomic_sub_fetch(&__pthread_count, 1, __ATOMIC_SEQ_CST) == 0)
		exit(0);
	for (;;)
		__syscall1(SYS_exit, 0);
}
