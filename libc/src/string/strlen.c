#include <string.h>

/* The number of bytes before the terminating NUL. */
size_t
strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}
