#include <string.h>

/* The first byte equal to (unsigned char)c in n bytes at s, or NULL. */
void *
memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}
