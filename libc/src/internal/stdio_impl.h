/* stdio_impl.h (internal): the FILE structure and stream helpers. */
#ifndef _LIBC_INTERNAL_STDIO_IMPL_H
#define _LIBC_INTERNAL_STDIO_IMPL_H

#include <stdio.h>
#include "libc.h"

#define F_ERR	1	/* a write failed: ferror() */
#define F_STR	2	/* a string sink (snprintf): never flushed */

struct __file {
	int fd;
	int flags;
	int mode;		/* _IOFBF, _IOLBF, _IONBF; -1 = not decided yet */
	unsigned char *buf;
	size_t size;		/* capacity of buf */
	size_t len;		/* bytes in buf (pending, or stored for F_STR) */
};

/* write() all n bytes to f->fd; the count written (less after an error,
 * which also sets F_ERR). */
hidden size_t __stdio_write(FILE *f, const unsigned char *p, size_t n);

/* Append n bytes to f's buffer, flushing as its mode says; n or less. */
hidden size_t __fwritex(const void *p, size_t n, FILE *f);

/* Write f's pending bytes to its fd; 0, or EOF after a failed write. */
hidden int __fflush_one(FILE *f);

#endif
