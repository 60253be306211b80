/*
 * entry_paths: one set of system calls made three ways -- a raw
 * int $0x80, call *%gs:0x10 (libc's way) and call *AT_SYSINFO -- gives
 * one set of answers. Clocks are read in a chain, each path in turn and
 * the first again at the end: the chain must not go backwards, and must
 * span less than CLOCK_SLACK.
 */
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include "lib/entry.h"
#include "lib/tap.h"

#define CLOCK_SLACK_NS	100000000LL	/* 0.1 s: ten ticks at HZ=100 */

static long long
ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

static void
test_sysinfo_slot(void)
{
	unsigned long slot;

	__asm__ volatile("movl %%gs:0x10, %0" : "=r"(slot));
	is(slot, entry_sysinfo(), "%%gs:0x10 (TCB sysinfo) is AT_SYSINFO");
}

static void
test_ids(void)
{
	long pid = entry_syscall0(ENTRY_INT80, SYS_getpid);
	long tid = entry_syscall0(ENTRY_INT80, SYS_gettid);
	long ppid = entry_syscall0(ENTRY_INT80, SYS_getppid);
	int p;

	ok(pid > 0, "getpid by int $0x80: %ld", pid);
	is(tid, pid, "gettid: the main thread's tid is the pid");
	ok(ppid >= 0 && ppid != pid, "getppid: %ld", ppid);
	for (p = ENTRY_GS; p < ENTRY_NPATHS; p++) {
		is(entry_syscall0(p, SYS_getpid), pid, "getpid by %s", entry_path_name(p));
		is(entry_syscall0(p, SYS_gettid), tid, "gettid by %s", entry_path_name(p));
		is(entry_syscall0(p, SYS_getppid), ppid, "getppid by %s", entry_path_name(p));
	}
}

static void
test_uname(void)
{
	struct utsname u[ENTRY_NPATHS];
	int p;

	for (p = 0; p < ENTRY_NPATHS; p++) {
		/* different garbage in each: the kernel must overwrite it all */
		memset(&u[p], 0x5a + p, sizeof u[p]);
		is(entry_syscall1(p, SYS_uname, &u[p]), 0, "uname by %s",
		   entry_path_name(p));
	}
	for (p = 1; p < ENTRY_NPATHS; p++)
		ok(!memcmp(&u[0], &u[p], sizeof u[0]),
		   "uname by %s: every byte as by int $0x80", entry_path_name(p));
}

static void
test_write(void)
{
	char line[64];
	int p;

	for (p = 0; p < ENTRY_NPATHS; p++) {
		int n = snprintf(line, sizeof line, "    # written by %s\n",
				 entry_path_name(p));

		fflush(stdout);
		is(entry_syscall3(p, SYS_write, 1, line, n), n, "write by %s",
		   entry_path_name(p));
	}
}

static void
test_time(void)
{
	long t[ENTRY_NPATHS + 1], stored[ENTRY_NPATHS];
	int p, rising = 1;

	for (p = 0; p < ENTRY_NPATHS; p++) {
		stored[p] = -1;
		t[p] = entry_syscall1(p, SYS_time, &stored[p]);
	}
	t[ENTRY_NPATHS] = entry_syscall1(ENTRY_INT80, SYS_time, 0);
	for (p = 0; p < ENTRY_NPATHS; p++) {
		is(stored[p], t[p], "time by %s stores what it returns",
		   entry_path_name(p));
		rising &= t[p] <= t[p + 1];
	}
	ok(t[0] > 0 && rising && t[ENTRY_NPATHS] - t[0] <= 1,
	   "time: %ld %ld %ld %ld, never back, at most 1 s apart",
	   t[0], t[1], t[2], t[3]);
}

static void
test_clock(clockid_t clk, const char *name)
{
	struct timespec ts[ENTRY_NPATHS + 1];
	int p, good = 1, rising = 1;

	for (p = 0; p <= ENTRY_NPATHS; p++) {
		memset(&ts[p], 0xff, sizeof ts[p]);
		good &= entry_syscall2(p % ENTRY_NPATHS, SYS_clock_gettime,
				       clk, &ts[p]) == 0;
		good &= ts[p].tv_nsec >= 0 && ts[p].tv_nsec < 1000000000;
	}
	for (p = 0; p < ENTRY_NPATHS; p++)
		rising &= ns(&ts[p]) <= ns(&ts[p + 1]);
	ok(good, "clock_gettime(%s) by each path: 0 and a valid timespec", name);
	ok(rising && ns(&ts[ENTRY_NPATHS]) - ns(&ts[0]) < CLOCK_SLACK_NS,
	   "clock_gettime(%s): never back, within %lld ns", name, CLOCK_SLACK_NS);
	if (!rising)
		for (p = 0; p <= ENTRY_NPATHS; p++)
			diag("%s: %ld.%09ld", entry_path_name(p % ENTRY_NPATHS),
			     (long)ts[p].tv_sec, ts[p].tv_nsec);
}

int
main(void)
{
	if (!entry_sysinfo())
		return entry_skip_all("no AT_SYSINFO: only int $0x80 exists");
	test_sysinfo_slot();
	test_ids();
	test_uname();
	test_write();
	test_time();
	test_clock(CLOCK_MONOTONIC, "CLOCK_MONOTONIC");
	test_clock(CLOCK_REALTIME, "CLOCK_REALTIME");
	return done_testing();
}
