/*
 * proc_futex: futex(2) (240) in one process, no other thread to wake
 * anyone, so every wait here ends in an error or a timeout:
 *
 *   FUTEX_WAIT on a word that differs from val   EAGAIN (before any
 *                                                timeout is looked at)
 *   FUTEX_WAIT with a relative 50 ms timeout     ETIMEDOUT, after at
 *                                                least 50 ms
 *   FUTEX_WAIT_BITSET, absolute timeout          ETIMEDOUT at once if it
 *                                                has passed, else not
 *                                                before the clock gets there
 *   FUTEX_WAKE(_BITSET) with nobody waiting      0
 *   unaligned address                            EINVAL
 *   NULL or kernel address                       EFAULT (a private wake
 *                                                of NULL reads nothing: 0)
 *   bad timeout pointer, bad timespec            EFAULT, EINVAL: checked
 *                                                first
 *   bitset 0                                     EINVAL
 *   unknown op, FUTEX_CLOCK_REALTIME without     ENOSYS
 *   FUTEX_WAIT_BITSET (Linux 6.1's rule)
 *
 * Linux 6.1 answers the same (kernel/futex/syscalls.c). Times are only
 * bounded below: the kernel must sleep at least as long as asked, and a
 * slow machine may sleep longer.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <linux/futex.h>
#include "lib/tap.h"

#define MS		1000000LL
#define ANY		FUTEX_BITSET_MATCH_ANY
#define KERNEL_ADDR	((void *)0xc0000000UL)
#define UNMAPPED	((void *)0x1000UL)	/* below any program */

static uint32_t word = 1;
/* In a read-only mapping (Linux: of the program file). */
static const uint32_t ro_word = 3;

static long
futex(const volatile void *uaddr, int op, uint32_t val, const void *timeout,
      uint32_t val3)
{
	return syscall(SYS_futex, uaddr, op, val, timeout, NULL, val3);
}

/* r must be -1 with errno e. */
static void
fails(long r, int e, const char *what)
{
	int err = errno;

	if (!ok(r == -1 && err == e, "%s: %s", what, strerror(e)))
		diag("got %ld, errno %d", r, err);
}

static long long
now_ns(clockid_t clk)
{
	struct timespec t;

	clock_gettime(clk, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void
test_mismatch(void)
{
	struct timespec zero = { 0, 0 };

	fails(futex(&word, FUTEX_WAIT, 2, NULL, 0), EAGAIN,
	      "FUTEX_WAIT, word 1, val 2");
	fails(futex(&word, FUTEX_WAIT_PRIVATE, 0, NULL, 0), EAGAIN,
	      "FUTEX_WAIT_PRIVATE, word 1, val 0");
	fails(futex(&word, FUTEX_WAIT, 2, &zero, 0), EAGAIN,
	      "FUTEX_WAIT, mismatch with a zero timeout");
	fails(futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 2, NULL, 1), EAGAIN,
	      "FUTEX_WAIT_BITSET_PRIVATE, mismatch");
	fails(futex(&ro_word, FUTEX_WAIT, 2, NULL, 0), EAGAIN,
	      "FUTEX_WAIT on a read-only word, mismatch");
}

static void
test_relative_timeout(int op, const char *name)
{
	struct timespec ts = { 0, 50 * MS };
	long long t0, t1;
	long r;

	t0 = now_ns(CLOCK_MONOTONIC);
	r = futex(&word, op, 1, &ts, 0);
	t1 = now_ns(CLOCK_MONOTONIC);
	fails(r, ETIMEDOUT, name);
	if (!ok(t1 - t0 >= 50 * MS, "%s: slept at least 50 ms", name))
		diag("slept %lld ns", t1 - t0);
}

static void
test_absolute_timeout(void)
{
	struct timespec past = { 0, 0 }, epoch_plus = { 1, 0 }, at;
	long long deadline, after;

	fails(futex(&word, FUTEX_WAIT_BITSET, 1, &past, ANY), ETIMEDOUT,
	      "FUTEX_WAIT_BITSET, CLOCK_MONOTONIC 0");
	fails(futex(&word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME,
		    1, &epoch_plus, ANY), ETIMEDOUT,
	      "FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 1 s after the epoch");
	clock_gettime(CLOCK_MONOTONIC, &at);
	fails(futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 1, &at, ANY), ETIMEDOUT,
	      "FUTEX_WAIT_BITSET, CLOCK_MONOTONIC now");
	fails(futex(&word, FUTEX_WAIT, 1, &past, 0), ETIMEDOUT,
	      "FUTEX_WAIT, zero relative timeout");

	clock_gettime(CLOCK_MONOTONIC, &at);
	at.tv_nsec += 50 * MS;
	if (at.tv_nsec >= 1000000000) {
		at.tv_nsec -= 1000000000;
		at.tv_sec++;
	}
	deadline = at.tv_sec * 1000000000LL + at.tv_nsec;
	fails(futex(&word, FUTEX_WAIT_BITSET, 1, &at, ANY), ETIMEDOUT,
	      "FUTEX_WAIT_BITSET, CLOCK_MONOTONIC now + 50 ms");
	after = now_ns(CLOCK_MONOTONIC);
	if (!ok(after >= deadline, "CLOCK_MONOTONIC has reached the deadline"))
		diag("%lld ns short", deadline - after);
}

static void
test_wake_nobody(void)
{
	is(futex(&word, FUTEX_WAKE, 1, NULL, 0), 0, "FUTEX_WAKE, nobody waits");
	is(futex(&word, FUTEX_WAKE_PRIVATE, 0x7fffffff, NULL, 0), 0,
	   "FUTEX_WAKE_PRIVATE INT_MAX, nobody waits");
	is(futex(&word, FUTEX_WAKE_BITSET, 1, NULL, 4), 0,
	   "FUTEX_WAKE_BITSET, nobody waits");
	is(futex(&ro_word, FUTEX_WAKE, 1, NULL, 0), 0,
	   "FUTEX_WAKE on a read-only word");
	/* FUTEX_WAKE's 4th argument is a count (val2), never read. */
	is(futex(&word, FUTEX_WAKE, 1, KERNEL_ADDR, 0), 0,
	   "FUTEX_WAKE ignores the timeout slot");
}

static void
test_bad_address(void)
{
	const char *base = (const char *)&word;

	fails(futex(base + 1, FUTEX_WAIT, 1, NULL, 0), EINVAL,
	      "FUTEX_WAIT, unaligned");
	fails(futex(base + 2, FUTEX_WAKE_PRIVATE, 1, NULL, 0), EINVAL,
	      "FUTEX_WAKE_PRIVATE, unaligned");
	fails(futex((char *)KERNEL_ADDR + 2, FUTEX_WAKE, 1, NULL, 0), EINVAL,
	      "FUTEX_WAKE, unaligned kernel address: alignment first");
	fails(futex(NULL, FUTEX_WAIT, 0, NULL, 0), EFAULT, "FUTEX_WAIT, NULL");
	fails(futex(NULL, FUTEX_WAIT_PRIVATE, 0, NULL, 0), EFAULT,
	      "FUTEX_WAIT_PRIVATE, NULL");
	fails(futex(NULL, FUTEX_WAKE, 1, NULL, 0), EFAULT, "FUTEX_WAKE, NULL");
	is(futex(NULL, FUTEX_WAKE_PRIVATE, 1, NULL, 0), 0,
	   "FUTEX_WAKE_PRIVATE, NULL: never read, so 0");
	fails(futex(UNMAPPED, FUTEX_WAIT_PRIVATE, 0, NULL, 0), EFAULT,
	      "FUTEX_WAIT_PRIVATE, unmapped");
	fails(futex(KERNEL_ADDR, FUTEX_WAIT, 0, NULL, 0), EFAULT,
	      "FUTEX_WAIT, kernel address");
	fails(futex(KERNEL_ADDR, FUTEX_WAKE_PRIVATE, 1, NULL, 0), EFAULT,
	      "FUTEX_WAKE_PRIVATE, kernel address");
}

static void
test_bad_timeout(void)
{
	struct timespec ts;

	fails(futex(&word, FUTEX_WAIT, 1, UNMAPPED, 0), EFAULT,
	      "FUTEX_WAIT, unmapped timeout");
	fails(futex(&word, FUTEX_WAIT, 2, KERNEL_ADDR, 0), EFAULT,
	      "FUTEX_WAIT, kernel timeout, mismatch: timeout first");
	fails(futex(&word, FUTEX_WAIT_BITSET, 1, UNMAPPED, 0), EFAULT,
	      "FUTEX_WAIT_BITSET, unmapped timeout, bitset 0: timeout first");
	ts.tv_sec = 0;
	ts.tv_nsec = 1000000000;
	fails(futex(&word, FUTEX_WAIT, 1, &ts, 0), EINVAL,
	      "FUTEX_WAIT, tv_nsec 1000000000");
	ts.tv_nsec = -1;
	fails(futex(&word, FUTEX_WAIT_PRIVATE, 2, &ts, 0), EINVAL,
	      "FUTEX_WAIT, tv_nsec -1, mismatch: timeout first");
	ts.tv_sec = -1;
	ts.tv_nsec = 0;
	fails(futex(&word, FUTEX_WAIT_BITSET, 1, &ts, ANY), EINVAL,
	      "FUTEX_WAIT_BITSET, tv_sec -1");
}

static void
test_bitset_zero(void)
{
	fails(futex(&word, FUTEX_WAIT_BITSET, 1, NULL, 0), EINVAL,
	      "FUTEX_WAIT_BITSET, bitset 0");
	fails(futex(&word, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, 0), EINVAL,
	      "FUTEX_WAKE_BITSET_PRIVATE, bitset 0");
	fails(futex(NULL, FUTEX_WAKE_BITSET, 1, NULL, 0), EINVAL,
	      "FUTEX_WAKE_BITSET, NULL, bitset 0: bitset first");
}

static void
test_enosys(void)
{
	fails(futex(&word, 14, 1, NULL, 0), ENOSYS, "op 14");
	fails(futex(&word, 0x7f | FUTEX_PRIVATE_FLAG, 1, NULL, 0), ENOSYS,
	      "op 0x7f | FUTEX_PRIVATE_FLAG");
	fails(futex(&word, FUTEX_FD, 0, NULL, 0), ENOSYS,
	      "FUTEX_FD (gone since 2.6.26)");
	fails(futex(&word, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 1, NULL, 0),
	      ENOSYS, "FUTEX_WAIT | FUTEX_CLOCK_REALTIME");
	fails(futex(&word, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL, 0),
	      ENOSYS, "FUTEX_WAKE | FUTEX_CLOCK_REALTIME");
	fails(futex(&word, FUTEX_WAKE_BITSET | FUTEX_CLOCK_REALTIME, 1, NULL,
		    ANY), ENOSYS, "FUTEX_WAKE_BITSET | FUTEX_CLOCK_REALTIME");
}

int
main(void)
{
	test_mismatch();
	test_relative_timeout(FUTEX_WAIT_PRIVATE, "FUTEX_WAIT_PRIVATE 50 ms");
	test_relative_timeout(FUTEX_WAIT, "FUTEX_WAIT 50 ms");
	test_absolute_timeout();
	test_wake_nobody();
	test_bad_address();
	test_bad_timeout();
	test_bitset_zero();
	test_enosys();
	is(word, 1, "the word is untouched");
	return done_testing();
}
