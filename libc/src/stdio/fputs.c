#include <string.h>
#include "stdio_impl.h"

/* Write string s (no newline added); a non-negative value, or EOF. */
int
fputs(const char *restrict s, FILE *restrict f)
{
	size_t n = strlen(s), done;

	__lock(&f->lock);
	done = __fwritex(s, n, f);
	__unlock(&f->lock);
	return done == n ? 0 : EOF;
}
