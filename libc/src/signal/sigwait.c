#include <errno.h>
#include <signal.h>

/* Take a pending signal of *set into *sig, waiting as long as it takes:
 * POSIX's sigwait does not fail with EINTR, so a handler running in the
 * meantime only restarts the wait. 0 or an error number. */
int
sigwait(const sigset_t *restrict set, int *restrict sig)
{
	int r;

	do
		r = sigtimedwait(set, 0, 0);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return errno;
	*sig = r;
	return 0;
}
