#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include "strtox.h"

/* The unsigned long at s (a '-' negates it modulo 2^32, as C says);
 * ULONG_MAX with ERANGE when out of range. */
unsigned long
strtoul(const char *s, char **end, int base)
{
	int neg, over;
	unsigned long long m = __strtox(s, end, base, &neg, &over);

	if (over || m > ULONG_MAX) {
		errno = ERANGE;
		return ULONG_MAX;
	}
	return neg ? -(unsigned long)m : (unsigned long)m;
}
