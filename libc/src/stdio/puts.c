#include <string.h>
#include "stdio_impl.h"

/* Write s and a newline to stdout (one locked step, so the line stays
 * whole); a non-negative value, or EOF. */
int
puts(const char *s)
{
	size_t n = strlen(s);
	int r = 0;

	__lock(&stdout->lock);
	if (__fwritex(s, n, stdout) != n || __fwritex("\n", 1, stdout) != 1)
		r = EOF;
	__unlock(&stdout->lock);
	return r;
}
