#include <errno.h>
#include <unistd.h>
#include "syscall.h"

/* Set the program break to addr; 0, or -1 with ENOMEM. Linux's brk
 * returns the new break, or the old one when it refuses. */
int
brk(void *addr)
{
	if ((unsigned long)__syscall1(SYS_brk, (long)addr) != (unsigned long)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}
