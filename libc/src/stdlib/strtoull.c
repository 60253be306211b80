#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include "strtox.h"

/* The unsigned long long at s ('-' negates modulo 2^64); ULLONG_MAX with
 * ERANGE when out of range. */
unsigned long long
strtoull(const char *s, char **end, int base)
{
	int neg, over;
	unsigned long long m = __strtox(s, end, base, &neg, &over);

	if (over) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return neg ? -m : m;
}
