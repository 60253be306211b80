/*
 * sys_clock: the vDSO's clock functions agree with the system calls.
 *
 * __vdso_clock_gettime, __vdso_gettimeofday and __vdso_time are found
 * by this program's own walk of the vDSO (LINUX_2.6) and called
 * directly; they return 0 or -errno like the raw calls. Readings are
 * taken in chains alternating the two sources: a chain may never go
 * backwards, and must span less than SLACK_NS. That holds on this
 * kernel (both read the same tick count) and on Linux (both read the
 * same timekeeper), whatever the clock resolution.
 *
 * time() is special on Linux: syscall and vDSO both return the coarse
 * seconds (the last tick's), which may be one second behind a precise
 * CLOCK_REALTIME read just before, never ahead of one read just after.
 *
 * An unknown clock (100, or 16 = MAX_CLOCKS) is -EINVAL from both.
 * (CLOCK_PROCESS_CPUTIME_ID is not tried: Linux has it, we do not yet.)
 */
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include "lib/entry.h"
#include "lib/tap.h"

#define SLACK_NS	100000000LL	/* 0.1 s */
#define LOOPS		1000

typedef int (*vgettime_fn)(clockid_t, struct timespec *);
typedef int (*vgettimeofday_fn)(struct timeval *, struct timezone *);
typedef long (*vtime_fn)(long *);

static vgettime_fn vgettime;
static vgettimeofday_fn vgettimeofday;
static vtime_fn vtime;

static long long
ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

static int
valid(const struct timespec *t)
{
	return t->tv_sec >= 0 && t->tv_nsec >= 0 && t->tv_nsec < 1000000000;
}

static long
sys_gettime(clockid_t clk, struct timespec *ts)
{
	memset(ts, 0xff, sizeof *ts);
	return entry_syscall2(ENTRY_GS, SYS_clock_gettime, clk, ts);
}

static long
v_gettime(clockid_t clk, struct timespec *ts)
{
	memset(ts, 0xff, sizeof *ts);
	return vgettime(clk, ts);
}

/* sys, vdso, sys, vdso, sys: each valid, none before the previous. */
static void
test_clock(clockid_t clk, const char *name)
{
	struct timespec t[5];
	int i, good = 1, rising = 1;

	for (i = 0; i < 5; i++)
		good &= (i & 1 ? v_gettime(clk, &t[i]) : sys_gettime(clk, &t[i])) == 0 &&
			valid(&t[i]);
	for (i = 0; i < 4; i++)
		rising &= ns(&t[i]) <= ns(&t[i + 1]);
	ok(good, "%s: vDSO and syscall both give 0 and a valid time", name);
	ok(rising && ns(&t[4]) - ns(&t[0]) < SLACK_NS,
	   "%s: syscall <= vDSO <= syscall <= vDSO <= syscall, within %lld ns",
	   name, SLACK_NS);
	if (!rising)
		for (i = 0; i < 5; i++)
			diag("%s %ld.%09ld", i & 1 ? "vDSO" : "sys ",
			     (long)t[i].tv_sec, t[i].tv_nsec);
}

static void
test_monotonic_loop(void)
{
	struct timespec prev, cur;
	int i, back = 0, bad = 0;

	v_gettime(CLOCK_MONOTONIC, &prev);
	for (i = 0; i < LOOPS; i++) {
		bad |= (i & 1 ? sys_gettime(CLOCK_MONOTONIC, &cur) :
			v_gettime(CLOCK_MONOTONIC, &cur)) != 0;
		back += ns(&cur) < ns(&prev);
		prev = cur;
	}
	ok(!bad && !back, "CLOCK_MONOTONIC: %d alternating reads never go back "
	   "(%d did)", LOOPS, back);
}

static void
test_gettimeofday(void)
{
	struct timespec c1, c2;
	struct timeval v, s;
	struct timezone vtz, stz;
	long long lo, hi;

	sys_gettime(CLOCK_REALTIME, &c1);
	memset(&v, 0xff, sizeof v);
	memset(&s, 0xff, sizeof s);
	is(vgettimeofday(&v, NULL), 0, "vDSO gettimeofday");
	is(entry_syscall2(ENTRY_GS, SYS_gettimeofday, &s, 0), 0, "gettimeofday syscall");
	sys_gettime(CLOCK_REALTIME, &c2);
	lo = ns(&c1) / 1000;
	hi = ns(&c2) / 1000;
	ok(v.tv_usec >= 0 && v.tv_usec < 1000000 && s.tv_usec >= 0 &&
	   s.tv_usec < 1000000, "tv_usec in range: %ld, %ld",
	   (long)v.tv_usec, (long)s.tv_usec);
	ok(lo <= v.tv_sec * 1000000LL + v.tv_usec &&
	   v.tv_sec * 1000000LL + v.tv_usec <= s.tv_sec * 1000000LL + s.tv_usec &&
	   s.tv_sec * 1000000LL + s.tv_usec <= hi,
	   "CLOCK_REALTIME <= vDSO gettimeofday <= syscall <= CLOCK_REALTIME (in us)");

	memset(&vtz, 0x5a, sizeof vtz);
	memset(&stz, 0xa5, sizeof stz);
	is(vgettimeofday(NULL, &vtz), 0, "vDSO gettimeofday(NULL, &tz)");
	is(entry_syscall2(ENTRY_GS, SYS_gettimeofday, 0, &stz), 0,
	   "gettimeofday(NULL, &tz) syscall");
	ok(!memcmp(&vtz, &stz, sizeof vtz), "same timezone from both: %d, %d",
	   stz.tz_minuteswest, stz.tz_dsttime);
	is(vgettimeofday(NULL, NULL), 0, "vDSO gettimeofday(NULL, NULL)");
}

static void
test_time(void)
{
	struct timespec c1, c2;
	long t1, tv, t2, stored_v = -1, stored_s = -1;

	sys_gettime(CLOCK_REALTIME, &c1);
	t1 = entry_syscall1(ENTRY_GS, SYS_time, &stored_s);
	tv = vtime(&stored_v);
	t2 = entry_syscall1(ENTRY_GS, SYS_time, 0);
	sys_gettime(CLOCK_REALTIME, &c2);
	is(stored_v, tv, "vDSO time(&t) stores what it returns");
	is(stored_s, t1, "time(&t) syscall stores what it returns");
	ok(t1 <= tv && tv <= t2, "time: syscall %ld <= vDSO %ld <= syscall %ld",
	   t1, tv, t2);
	ok(c1.tv_sec - 1 <= t1 && t2 <= c2.tv_sec,
	   "time is CLOCK_REALTIME's seconds (at most a tick behind)");
	t2 = vtime(NULL);
	ok(t2 >= tv && t2 - tv <= 1, "vDSO time(NULL): %ld", t2);
}

static void
test_bad_clock(void)
{
	static const clockid_t bad[] = { 100, 16 };
	struct timespec ts;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		is(sys_gettime(bad[i], &ts), -EINVAL, "clock_gettime(%d) syscall",
		   (int)bad[i]);
		is(v_gettime(bad[i], &ts), -EINVAL, "vDSO clock_gettime(%d)",
		   (int)bad[i]);
	}
}

int
main(void)
{
	vgettime = (vgettime_fn)vdso_func("__vdso_clock_gettime", "LINUX_2.6");
	vgettimeofday = (vgettimeofday_fn)vdso_func("__vdso_gettimeofday", "LINUX_2.6");
	vtime = (vtime_fn)vdso_func("__vdso_time", "LINUX_2.6");
	if (!vgettime || !vgettimeofday || !vtime)
		return entry_skip_all("the vDSO has no LINUX_2.6 clock functions");

	test_clock(CLOCK_REALTIME, "CLOCK_REALTIME");
	test_clock(CLOCK_MONOTONIC, "CLOCK_MONOTONIC");
	test_clock(CLOCK_REALTIME_COARSE, "CLOCK_REALTIME_COARSE");
	test_clock(CLOCK_MONOTONIC_COARSE, "CLOCK_MONOTONIC_COARSE");
	test_clock(CLOCK_BOOTTIME, "CLOCK_BOOTTIME");
	test_monotonic_loop();
	test_gettimeofday();
	test_time();
	test_bad_clock();
	return done_testing();
}
