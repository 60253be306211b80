#include "stdio_impl.h"

/* Write the byte (unsigned char)c; returns it, or EOF. */
int
fputc(int c, FILE *f)
{
	unsigned char b = c;

	return __fwritex(&b, 1, f) == 1 ? b : EOF;
}
