#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* A zeroed array of nmemb * size bytes; NULL with ENOMEM on overflow. */
void *
calloc(size_t nmemb, size_t size)
{
	size_t n;
	void *p;

	if (__builtin_mul_overflow(nmemb, size, &n)) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(n);
	return p ? memset(p, 0, n) : NULL;
}
