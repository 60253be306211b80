#include <stdlib.h>
#include "libc.h"

/*
 * Handlers live in blocks of 32, newest block first: the first block is
 * static (so 32 handlers never need memory), later ones come from calloc.
 */
#define PER_BLOCK	32

struct block {
	struct block *next;
	void (*fn[PER_BLOCK])(void);
};

static struct block builtin, *head;
static int slot;		/* used entries in head */

/* Register fn to run at exit; 0, or -1 if no memory is left. */
int
atexit(void (*fn)(void))
{
	if (!head)
		head = &builtin;
	if (slot == PER_BLOCK) {
		struct block *b = calloc(1, sizeof *b);

		if (!b)
			return -1;
		b->next = head;
		head = b;
		slot = 0;
	}
	head->fn[slot++] = fn;
	return 0;
}

/* Run the handlers in reverse order of registration, each once. */
void
__funcs_on_exit(void)
{
	while (head) {
		while (slot > 0) {
			void (*fn)(void) = head->fn[--slot];

			head->fn[slot] = 0;
			if (fn)
				fn();
		}
		head = head->next;
		slot = PER_BLOCK;
	}
}
