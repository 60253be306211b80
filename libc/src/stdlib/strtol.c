#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include "strtox.h"

/* The long at s; LONG_MAX/LONG_MIN with ERANGE when out of range. */
long
strtol(const char *s, char **end, int base)
{
	int neg, over;
	unsigned long long m = __strtox(s, end, base, &neg, &over);

	if (!neg && (over || m > LONG_MAX)) {
		errno = ERANGE;
		return LONG_MAX;
	}
	if (neg && (over || m > (unsigned long long)LONG_MAX + 1)) {
		errno = ERANGE;
		return LONG_MIN;
	}
	return neg && m ? -(long)(m - 1) - 1 : (long)m;
}
