#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

/*
 * Append n bytes to f. String sinks keep what fits and drop the rest.
 * Streams decide their buffering on first use, write around the buffer
 * when it is off or too small, and flush a line-buffered stream when a
 * newline arrives. Returns n, or fewer after a write error.
 */
size_t
__fwritex(const void *p, size_t n, FILE *f)
{
	const unsigned char *s = p;

	if (f->flags & F_STR) {
		size_t room = f->size - f->len, k = n < room ? n : room;

		memcpy(f->buf + f->len, s, k);
		f->len += k;
		return n;
	}
	if (f->mode < 0)
		f->mode = isatty(f->fd) ? _IOLBF : _IOFBF;
	if (f->mode == _IONBF || !f->size)
		return __stdio_write(f, s, n);
	if (n > f->size - f->len && __fflush_one(f))
		return 0;
	if (n >= f->size)
		return __stdio_write(f, s, n);
	memcpy(f->buf + f->len, s, n);
	f->len += n;
	if (f->mode == _IOLBF && memchr(s, '\n', n))
		__fflush_one(f);
	return n;
}
