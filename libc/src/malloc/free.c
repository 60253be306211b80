#include <stdlib.h>
#include "malloc_impl.h"

/* Return a block from malloc/calloc/realloc to the heap (NULL: no-op). */
void
free(void *p)
{
	if (!p)
		return;
	__lock(&__malloc_lock);
	__malloc_release(CHUNK_OF(p));
	__unlock(&__malloc_lock);
}
