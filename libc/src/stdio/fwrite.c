#include "stdio_impl.h"

/* Write n items of size bytes; the number of whole items written. */
size_t
fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	size_t bytes = size * n, done;

	if (!size || !n)
		return 0;
	if (bytes / size != n)
		return 0;
	__lock(&f->lock);
	done = __fwritex(p, bytes, f);
	__unlock(&f->lock);
	return done / size;
}
