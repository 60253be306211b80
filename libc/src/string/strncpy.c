#include <string.h>

/* Copy at most n bytes of src to dst, NUL-padding to n (no terminator
 * if src is n bytes or longer); returns dst. */
char *
strncpy(char *restrict dst, const char *restrict src, size_t n)
{
	size_t i = 0;

	for (; i < n && src[i]; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = 0;
	return dst;
}
