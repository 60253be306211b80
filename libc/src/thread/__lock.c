#include "pthread_impl.h"

/*
 * Take *l. Uncontended, one compare-and-swap 0 -> 1. Otherwise mark the
 * lock contended (2) and sleep on its futex until an exchange finds it
 * free: the exchange leaves 2 behind, so whoever gets the lock this way
 * wakes a possible further sleeper when releasing it.
 */
void
__lock(volatile int *l)
{
	int c = __sync_val_compare_and_swap(l, 0, 1);

	if (!c)
		return;
	if (c != 2)
		c = __atomic_exchange_n(l, 2, __ATOMIC_ACQUIRE);
	while (c) {
		__futex_wait(l, 2);
		c = __atomic_exchange_n(l, 2, __ATOMIC_ACQUIRE);
	}
}

/* Release *l; if it was marked contended, wake one sleeper. */
void
__unlock(volatile int *l)
{
	if (__atomic_exchange_n(l, 0, __ATOMIC_RELEASE) == 2)
		__futex_wake(l, 1);
}
