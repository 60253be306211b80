#include <errno.h>
#include <signal.h>

/* 1 if sig is in *set, 0 if not; -1 and EINVAL unless 1 <= sig < _NSIG. */
int
sigismember(const sigset_t *set, int sig)
{
	unsigned s = sig - 1, bits = 8 * sizeof set->__val[0];

	if (s >= _NSIG - 1) {
		errno = EINVAL;
		return -1;
	}
	return (set->__val[s / bits] >> (s % bits)) & 1;
}
