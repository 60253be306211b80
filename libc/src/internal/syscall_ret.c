#include <errno.h>
#include "syscall.h"

/* A raw result in -4095..-1 becomes errno and -1; anything else passes. */
long
__syscall_ret(unsigned long r)
{
	if (r > -4096UL) {
		errno = -r;
		return -1;
	}
	return r;
}
