#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "malloc_impl.h"

#define GROW_MIN	(64 * 1024)

struct chunk *__malloc_free;
volatile int __malloc_lock;

/* Extend the heap with sbrk by at least `need` bytes, as one free chunk
 * (__malloc_lock held); 0, or -1 with errno = ENOMEM. */
static int
grow(size_t need)
{
	size_t size = need < GROW_MIN ? GROW_MIN : (need + 4095) & ~(size_t)4095;
	char *p = sbrk(size + CHUNK_ALIGN), *start;
	struct chunk *c;

	if (p == (void *)-1)
		return -1;
	/* Someone else may have moved the break by an odd amount. */
	start = (char *)(((uintptr_t)p + CHUNK_ALIGN - 1) & ~(uintptr_t)(CHUNK_ALIGN - 1));
	c = (struct chunk *)start;
	c->size = (p + size + CHUNK_ALIGN - start) & ~(size_t)(CHUNK_ALIGN - 1);
	__malloc_release(c);
	return 0;
}

/* n bytes, 16-byte aligned, from the first free chunk that fits (split
 * if much bigger); NULL with errno = ENOMEM if the heap cannot grow. */
void *
malloc(size_t n)
{
	size_t need = __chunk_size(n);
	void *p = NULL;

	if (!need) {
		errno = ENOMEM;
		return NULL;
	}
	__lock(&__malloc_lock);
	for (;;) {
		struct chunk **pp, *c;

		for (pp = &__malloc_free; (c = *pp); pp = &c->next) {
			if (c->size < need)
				continue;
			if (c->size - need >= CHUNK_MIN) {
				struct chunk *rest = (struct chunk *)((char *)c + need);

				rest->size = c->size - need;
				rest->next = c->next;
				*pp = rest;
				c->size = need;
			} else {
				*pp = c->next;
			}
			p = PAYLOAD(c);
			break;
		}
		if (p || grow(need))
			break;
	}
	__unlock(&__malloc_lock);
	return p;
}
