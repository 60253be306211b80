#include <string.h>

/* Compare n bytes as unsigned char: <0, 0 or >0. */
int
memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}
