#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "malloc_impl.h"

/* Give back the tail of c beyond `need` bytes if it is worth a chunk
 * (__malloc_lock held). */
static void
trim(struct chunk *c, size_t need)
{
	if (c->size - need >= CHUNK_MIN) {
		struct chunk *tail = (struct chunk *)((char *)c + need);

		tail->size = c->size - need;
		c->size = need;
		__malloc_release(tail);
	}
}

/*
 * Resize p to n bytes, keeping its contents: in place when it fits or the
 * next chunk is free and big enough, else by moving. realloc(NULL, n) is
 * malloc(n); realloc(p, 0) frees p and returns NULL (as glibc does).
 */
void *
realloc(void *p, size_t n)
{
	size_t need = __chunk_size(n);
	struct chunk *c, **pp, *next;
	void *q;

	if (!p)
		return malloc(n);
	if (!n) {
		free(p);
		return NULL;
	}
	if (!need) {
		errno = ENOMEM;
		return NULL;
	}
	c = CHUNK_OF(p);
	__lock(&__malloc_lock);
	if (c->size >= need) {
		trim(c, need);
		__unlock(&__malloc_lock);
		return p;
	}
	for (pp = &__malloc_free; (next = *pp) && next < CHUNK_END(c); pp = &next->next)
		;
	if (next == CHUNK_END(c) && c->size + next->size >= need) {
		*pp = next->next;
		c->size += next->size;
		trim(c, need);
		__unlock(&__malloc_lock);
		return p;
	}
	__unlock(&__malloc_lock);
	/* Moving: p stays the caller's until the copy is done. */
	q = malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, c->size - CHUNK_HDR);
	free(p);
	return q;
}
