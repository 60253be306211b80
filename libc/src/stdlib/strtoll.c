#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include "strtox.h"

/* The long long at s; LLONG_MAX/LLONG_MIN with ERANGE when out of range. */
long long
strtoll(const char *s, char **end, int base)
{
	int neg, over;
	unsigned long long m = __strtox(s, end, base, &neg, &over);

	if (!neg && (over || m > LLONG_MAX)) {
		errno = ERANGE;
		return LLONG_MAX;
	}
	if (neg && (over || m > (unsigned long long)LLONG_MAX + 1)) {
		errno = ERANGE;
		return LLONG_MIN;
	}
	return neg && m ? -(long long)(m - 1) - 1 : (long long)m;
}
