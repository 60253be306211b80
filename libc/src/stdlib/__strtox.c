#include <errno.h>
#include "strtox.h"

/* The value of digit character c in any base up to 36, or 99. */
static int
digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/* See strtox.h: magnitude, sign and overflow of the number at s. */
unsigned long long
__strtox(const char *s, char **end, int base, int *neg, int *over)
{
	const char *p = s;
	unsigned long long v = 0;
	int d, any = 0;

	*neg = *over = 0;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (end)
			*end = (char *)s;
		return 0;
	}
	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	if (*p == '-' || *p == '+')
		*neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 32) == 'x' &&
	    digit(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	for (; (d = digit(*p)) < base; p++, any = 1)
		if (__builtin_mul_overflow(v, (unsigned)base, &v) ||
		    __builtin_add_overflow(v, (unsigned)d, &v))
			*over = 1;
	if (end)
		*end = (char *)(any ? p : s);
	return *over ? ~0ULL : v;
}
