#include <linux/auxvec.h>
#include "libc.h"

/* The (type, value) pair for `type` in the auxv, or NULL; no errno. */
unsigned long *
__auxv_find(unsigned long type)
{
	unsigned long *a;

	for (a = __auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a;
	return NULL;
}
