#include "stdio_impl.h"

/* Write f's pending bytes; 0, or EOF if they could not all be written. */
int
__fflush_one(FILE *f)
{
	size_t n = f->len;

	if (f->flags & F_STR || !n)
		return 0;
	f->len = 0;
	return __stdio_write(f, f->buf, n) == n ? 0 : EOF;
}
