#include <stdint.h>
#include <string.h>

typedef uint32_t __attribute__((__may_alias__)) word;

/* Fill n bytes at dst with (unsigned char)c. */
void *
memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	word w = (unsigned char)c * 0x01010101u;

	for (; n && ((uintptr_t)d & 3); n--)
		*d++ = c;
	for (; n >= 4; n -= 4, d += 4)
		*(word *)d = w;
	while (n--)
		*d++ = c;
	return dst;
}
