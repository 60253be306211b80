#include <time.h>
#include <unistd.h>

/* Sleep for usec microseconds: 0, or -1 with EINTR if a handler ran. */
int
usleep(useconds_t usec)
{
	struct timespec ts = { usec / 1000000, usec % 1000000 * 1000 };

	return nanosleep(&ts, 0);
}
