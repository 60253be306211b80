/* strtox.h (internal): the integer parser behind strtol and friends. */
#ifndef _LIBC_INTERNAL_STRTOX_H
#define _LIBC_INTERNAL_STRTOX_H

#include "libc.h"

/*
 * Parse an optionally signed integer in `base` (0: C prefixes) after
 * leading white space; return its magnitude, *neg = 1 if it had a '-',
 * *over = 1 if the magnitude exceeded 64 bits. *end (if end) points past
 * the digits, or at s if there were none. base 1 or > 36: EINVAL.
 */
hidden unsigned long long __strtox(const char *s, char **end, int base,
				   int *neg, int *over);

#endif
