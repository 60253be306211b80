#include <errno.h>
#include <sys/auxv.h>
#include "libc.h"

/* The value of auxv entry `type`, or 0 with errno = ENOENT if absent. */
unsigned long
getauxval(unsigned long type)
{
	unsigned long *a = __auxv_find(type);

	if (!a) {
		errno = ENOENT;
		return 0;
	}
	return a[1];
}
