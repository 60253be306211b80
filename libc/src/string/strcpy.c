#include <string.h>

/* Copy src, terminator included, to dst; returns dst. */
char *
strcpy(char *restrict dst, const char *restrict src)
{
	char *d = dst;

	while ((*d++ = *src++))
		;
	return dst;
}
