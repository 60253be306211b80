#include <stdint.h>
#include <string.h>

typedef uint32_t __attribute__((__may_alias__)) word;

/* Copy n bytes from src to dst (no overlap); words when both are aligned. */
void *
memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if ((((uintptr_t)d | (uintptr_t)s) & 3) == 0)
		for (; n >= 4; n -= 4, d += 4, s += 4)
			*(word *)d = *(const word *)s;
	while (n--)
		*d++ = *s++;
	return dst;
}
