/*
 * lock.h (internal): the libc's own lock, for malloc, each FILE and
 * pthread_mutex_t: Drepper's three-state futex mutex ("Futexes Are
 * Tricky", mutex 3). The lock word is 0 free, 1 held, 2 held and maybe
 * waited for; only 2 makes __unlock pay for a futex wake. A zeroed int
 * is an unlocked lock.
 */
#ifndef _LIBC_INTERNAL_LOCK_H
#define _LIBC_INTERNAL_LOCK_H

#include <errno.h>
#include "libc.h"

/* Take *l, sleeping on its futex while another thread holds it. */
hidden void __lock(volatile int *l);

/* Release *l, waking one sleeper if there may be one. */
hidden void __unlock(volatile int *l);

/* Take *l if it is free: 0, or EBUSY (not waiting). */
static inline int
__trylock(volatile int *l)
{
	return __sync_val_compare_and_swap(l, 0, 1) ? EBUSY : 0;
}

#endif
