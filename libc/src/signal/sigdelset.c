#include <errno.h>
#include <signal.h>

/* Take sig out of *set; EINVAL unless 1 <= sig < _NSIG. */
int
sigdelset(sigset_t *set, int sig)
{
	unsigned s = sig - 1, bits = 8 * sizeof set->__val[0];

	if (s >= _NSIG - 1) {
		errno = EINVAL;
		return -1;
	}
	set->__val[s / bits] &= ~(1UL << (s % bits));
	return 0;
}
