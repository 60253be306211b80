#include <signal.h>

/* No signal. */
int
sigemptyset(sigset_t *set)
{
	unsigned i;

	for (i = 0; i < sizeof set->__val / sizeof set->__val[0]; i++)
		set->__val[i] = 0;
	return 0;
}
