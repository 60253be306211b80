#include <stdio.h>

/* Formatted output into at most size bytes of buf, always terminated
 * when size > 0; the length the full output would have. */
int
snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return r;
}
