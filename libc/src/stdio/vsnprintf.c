#include "stdio_impl.h"

/* Format into a string sink: the first size-1 bytes land in buf, the
 * terminator after them; returns the full length. */
int
vsnprintf(char *restrict buf, size_t size, const char *restrict fmt, va_list ap)
{
	unsigned char dummy;
	FILE f = {
		.fd = -1,
		.flags = F_STR,
		.mode = _IOFBF,
		.buf = size ? (unsigned char *)buf : &dummy,
		.size = size ? size - 1 : 0,
	};
	int r = vfprintf(&f, fmt, ap);

	f.buf[f.len] = 0;
	return r;
}
