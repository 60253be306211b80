#include "stdio_impl.h"

/* Choose f's buffering (_IOFBF, _IOLBF, _IONBF) and optionally its
 * buffer; pending output is flushed first. 0, or -1 for a bad mode. */
int
setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
		return -1;
	__lock(&f->lock);
	__fflush_one(f);
	f->mode = mode;
	if (buf && size) {
		f->buf = (unsigned char *)buf;
		f->size = size;
	}
	__unlock(&f->lock);
	return 0;
}
