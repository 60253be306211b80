#include "malloc_impl.h"

/* Put chunk c on the address-ordered free list, merging it with the free
 * chunk just before and just after it if they touch. */
void
__malloc_release(struct chunk *c)
{
	struct chunk **pp = &__malloc_free, *prev = NULL, *next;

	while ((next = *pp) && next < c) {
		prev = next;
		pp = &next->next;
	}
	c->next = next;
	*pp = c;
	if (next && CHUNK_END(c) == next) {
		c->size += next->size;
		c->next = next->next;
	}
	if (prev && CHUNK_END(prev) == c) {
		prev->size += c->size;
		prev->next = c->next;
	}
}
