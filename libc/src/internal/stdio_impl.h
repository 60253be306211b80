/*
 * stdio_impl.h (internal): the FILE structure and stream helpers.
 *
 * Each public stream function holds the FILE's lock for its whole work,
 * so one printf is never interleaved with another thread's output on
 * the same stream (and vfprintf's borrowed buffer for an unbuffered
 * stream is not shared). The __ helpers below expect the lock held.
 */
#ifndef _LIBC_INTERNAL_STDIO_IMPL_H
#define _LIBC_INTERNAL_STDIO_IMPL_H

#include <stdio.h>
#include "libc.h"
#include "lock.h"

#define F_ERR	1	/* a write failed: ferror() */
#define F_STR	2	/* a string sink (snprintf): never flushed */

struct __file {
	int fd;
	int flags;
	int mode;		/* _IOFBF, _IOLBF, _IONBF; -1 = not decided yet */
	unsigned char *buf;
	size_t size;		/* capacity of buf */
	size_t len;		/* bytes in buf (pending, or stored for F_STR) */
	volatile int lock;	/* __lock: held by the thread using the stream */
};

/* The standard streams (stdout and stderr point at them); fork takes
 * their locks through weak references. */
extern hidden FILE __stdout_FILE, __stderr_FILE;

/* write() all n bytes to f->fd; the count written (less after an error,
 * which also sets F_ERR). */
hidden size_t __stdio_write(FILE *f, const unsigned char *p, size_t n);

/* Append n bytes to f's buffer, flushing as its mode says; n or less. */
hidden size_t __fwritex(const void *p, size_t n, FILE *f);

/* Write f's pending bytes to its fd; 0, or EOF after a failed write. */
hidden int __fflush_one(FILE *f);

#endif
