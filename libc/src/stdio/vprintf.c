#include <stdio.h>

/* vfprintf(stdout, fmt, ap). */
int
vprintf(const char *restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}
