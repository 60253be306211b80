#include <errno.h>
#include <unistd.h>
#include "syscall.h"

/* Move the break by inc bytes; the old break, or (void *)-1 with ENOMEM. */
void *
sbrk(intptr_t inc)
{
	unsigned long cur = __syscall1(SYS_brk, 0);
	unsigned long want = cur + inc;

	if (!inc)
		return (void *)cur;
	if ((inc > 0 && want < cur) || (inc < 0 && want > cur) ||
	    (unsigned long)__syscall1(SYS_brk, want) != want) {
		errno = ENOMEM;
		return (void *)-1;
	}
	return (void *)cur;
}
