/*
 * malloc_impl.h (internal): the brk heap's chunk format.
 *
 * The heap is a run of chunks, each starting with a 16-byte header that
 * holds its size (header included, a multiple of 16), so payloads are
 * 16-byte aligned like glibc's on i386. Free chunks also hold a pointer
 * to the next free chunk; the free list is kept in address order so a
 * freed chunk merges with free neighbours. Allocation is first fit.
 * One lock, __malloc_lock, covers the free list and the heap's growth.
 */
#ifndef _LIBC_INTERNAL_MALLOC_IMPL_H
#define _LIBC_INTERNAL_MALLOC_IMPL_H

#include <stddef.h>
#include "libc.h"
#include "lock.h"

#define CHUNK_ALIGN	16
#define CHUNK_HDR	16
#define CHUNK_MIN	32	/* header + the smallest useful payload */

struct chunk {
	size_t size;
	struct chunk *next;	/* free chunks only */
};

extern hidden struct chunk *__malloc_free;
extern hidden volatile int __malloc_lock;

#define CHUNK_OF(p)	((struct chunk *)((char *)(p) - CHUNK_HDR))
#define PAYLOAD(c)	((void *)((char *)(c) + CHUNK_HDR))
#define CHUNK_END(c)	((struct chunk *)((char *)(c) + (c)->size))

/* Put chunk c on the free list, merging it with adjacent free chunks. */
hidden void __malloc_release(struct chunk *c);

/* Chunk size for a request of n bytes, or 0 if n is absurdly large. */
static inline size_t
__chunk_size(size_t n)
{
	if (n > (size_t)-1 / 2)
		return 0;
	n = (n + CHUNK_HDR + CHUNK_ALIGN - 1) & ~(size_t)(CHUNK_ALIGN - 1);
	return n < CHUNK_MIN ? CHUNK_MIN : n;
}

#endif
