#include "stdio_impl.h"

/* Write n items of size bytes; the number of whole items written. */
size_t
fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	size_t bytes = size * n;

	if (!size || !n)
		return 0;
	if (bytes / size != n)
		return 0;
	return __fwritex(p, bytes, f) / size;
}
