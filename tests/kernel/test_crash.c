/*
 * Deliberate crashes, one per boot (test=crash-NAME): the host tests
 * (tests/panic.t) check that each is reported as it should be.
 */
#include <kernel/ktest.h>
#include <kernel/panic.h>

/* Keep real frames on the stack so the backtrace has something to show. */
static __noinline void crash_inner(void)
{
	panic("deliberate panic from test=crash-panic");
}

static __noinline void crash_outer(void)
{
	crash_inner();
	barrier();
}

KTEST_CRASH(panic)
{
	crash_outer();
}

KTEST_CRASH(pagefault)
{
	/* Through a volatile, so the compiler cannot see the NULL. */
	volatile uintptr_t addr = 0x10;

	*(volatile int *)addr = 42;
}

KTEST_CRASH(divide)
{
	volatile int zero = 0;
	/* Not 1 / zero: GCC turns 1 / x into a compare, with no idiv. */
	volatile int x = 100 / zero;

	(void)x;
}
