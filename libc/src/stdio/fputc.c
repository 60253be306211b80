#include "stdio_impl.h"

/* Write the byte (unsigned char)c; returns it, or EOF. */
int
fputc(int c, FILE *f)
{
	unsigned char b = c;
	size_t done;

	__lock(&f->lock);
	done = __fwritex(&b, 1, f);
	__unlock(&f->lock);
	return done == 1 ? b : EOF;
}
