#include <limits.h>
#include <stdio.h>

/* vsnprintf with no bound. */
int
vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
{
	return vsnprintf(buf, INT_MAX, fmt, ap);
}
