/* libc_time: clocks, sleeping, and the small process-info calls. */
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include <asm/termbits.h>
#include "lib/tap.h"

/* b - a in nanoseconds. */
static long long
ns_between(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000000000LL + (b->tv_nsec - a->tv_nsec);
}

/* The clocks agree, move forward, and nanosleep sleeps. */
static void
test_clocks(void)
{
	struct timespec a, b, req = { 0, 20 * 1000 * 1000 };
	struct timeval tv;
	time_t t1, t2;

	ok(clock_gettime(CLOCK_MONOTONIC, &a) == 0 && a.tv_nsec >= 0 &&
	   a.tv_nsec < 1000000000, "clock_gettime(CLOCK_MONOTONIC)");
	ok(clock_gettime(CLOCK_MONOTONIC, &b) == 0 && ns_between(&a, &b) >= 0,
	   "CLOCK_MONOTONIC does not go back");
	is(nanosleep(&req, NULL), 0, "nanosleep(20 ms)");
	clock_gettime(CLOCK_MONOTONIC, &b);
	ok(ns_between(&a, &b) >= 20 * 1000 * 1000, "at least 20 ms passed (%lld ns)",
	   ns_between(&a, &b));

	t1 = time(&t2);
	ok(t1 > 1600000000 && t1 == t2, "time() returns and stores the time");
	ok(clock_gettime(CLOCK_REALTIME, &a) == 0 && a.tv_sec - t1 <= 2 && a.tv_sec >= t1,
	   "CLOCK_REALTIME agrees with time()");
	ok(gettimeofday(&tv, NULL) == 0 && tv.tv_sec - t1 <= 2 && tv.tv_sec >= t1 &&
	   tv.tv_usec >= 0 && tv.tv_usec < 1000000, "gettimeofday agrees with time()");
	errno = 0;
	ok(clock_gettime(12345, &a) == -1 && errno == EINVAL, "bad clock: EINVAL");
}

/* sched_yield, ids, uname, writev, fstat64, isatty. */
static void
test_process(void)
{
	struct utsname u;
	struct stat64 st;
	struct termios tio;
	struct iovec iov[2] = {
		{ "    # writev: ", 14 },
		{ "two pieces, one line\n", 21 },
	};

	is(sched_yield(), 0, "sched_yield");
	ok(getpid() > 0, "getpid > 0");
	is(gettid(), getpid(), "gettid == getpid with one thread");
	ok(getppid() >= 0, "getppid");
	ok(uname(&u) == 0 && u.sysname[0] && u.machine[0], "uname: %s %s", u.sysname,
	   u.machine);
	is(writev(1, iov, 2), 35, "writev writes both pieces");
	is(fstat64(1, &st), 0, "fstat64(1)");
	is(isatty(1), ioctl(1, TCGETS, &tio) == 0, "isatty(1) agrees with TCGETS");
	errno = 0;
	ok(isatty(-1) == 0 && errno == EBADF, "isatty(-1): 0, EBADF");
}

/* Run the groups; the exit status is the failure count. */
int
main(void)
{
	test_clocks();
	test_process();
	return done_testing();
}
