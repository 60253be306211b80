#include <string.h>
#include "stdio_impl.h"

/* Write s and a newline to stdout; a non-negative value, or EOF. */
int
puts(const char *s)
{
	size_t n = strlen(s);

	if (__fwritex(s, n, stdout) != n || __fwritex("\n", 1, stdout) != 1)
		return EOF;
	return 0;
}
