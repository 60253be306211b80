#include <errno.h>
#include <limits.h>
#include <time.h>
#include <unistd.h>

/*
 * Sleep for seconds: 0, or if a signal handler cut it short, the seconds
 * left, rounded to the nearest (as glibc). sleep has no errors, so errno
 * is left as it was (nanosleep's EINTR is not passed on). time_t is
 * 32-bit here: beyond INT_MAX seconds (68 years) the rest counts as
 * unslept.
 */
unsigned
sleep(unsigned seconds)
{
	unsigned part = seconds > INT_MAX ? INT_MAX : seconds, left = seconds - part;
	struct timespec ts = { part, 0 };
	int saved = errno;

	if (nanosleep(&ts, &ts) < 0)
		left += ts.tv_sec + (ts.tv_nsec >= 500000000);
	errno = saved;
	return left;
}
