/*
 * proc_wait: wait4(2) (114) and waitpid(2) (7).
 *
 *   status: _exit(n) gives WIFEXITED with WEXITSTATUS n & 0xff, for every
 *   n in 0..255 (and 256, -1, 0x1234); a child killed by a fault gives
 *   WIFSIGNALED with its signal: a NULL store SIGSEGV (11), ud2 SIGILL
 *   (4), int3 SIGTRAP (5), a division by zero SIGFPE (8) (the core-dump
 *   bit 0x80, which Linux may set, is masked)
 *
 *   WNOHANG: 0 while the child runs, and the status is not written
 *   ECHILD: no children at all; a pid that is not our child (ourselves,
 *   a free pid); a pid whose status was already collected
 *   EINVAL: options outside WNOHANG | WUNTRACED | WCONTINUED |
 *   __WNOTHREAD | __WCLONE | __WALL (WNOWAIT and WEXITED are waitid's);
 *   ESRCH: pid INT_MIN
 *   EFAULT: an unwritable status (the child is reaped all the same); an
 *   unwritable rusage (the status is stored and the child reaped first)
 *
 *   which child: pid > 0 that one (even while another is a zombie);
 *   -1 any; 0 our process group; < -1 the group -pid (setpgid puts a
 *   child in a group of its own: skipped if the kernel has no setpgid)
 *   __WCLONE only children with exit_signal 0, default only SIGCHLD
 *   children, __WALL both
 *   a thread may reap a child of another thread of its group, except
 *   with __WNOTHREAD; a thread asleep in wait4 wakes when that child
 *   exits (no watchdog: a lost wake-up hangs the run, and the host's
 *   boot timeout reports it with the log)
 *
 *   waitpid(7) answers like wait4.
 */
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "lib/proc_raw.h"
#include "lib/tap.h"

#define STACK_SIZE	16384

static char stack1[STACK_SIZE] __attribute__((aligned(16)));

/* A child that blocks reading fd until its writers close, then exits. */
static pid_t
blocked_child(int fds[2], int code)
{
	pid_t pid;
	char c;

	xpipe(fds);
	pid = xfork();
	if (pid == 0) {
		close(fds[1]);
		while (read(fds[0], &c, 1) > 0)
			;
		raw_exit(code);
	}
	close(fds[0]);
	return pid;
}

/* waitpid(2), number 7 (not wait4). */
static long
waitpid_raw(pid_t pid, int *st, int options)
{
	return syscall(SYS_waitpid, pid, st, options);
}

static void
test_exit_codes(void)
{
	static const struct { int code, want; } odd[] = {
		{ 256, 0 }, { -1, 255 }, { 0x1234, 0x34 }, { 511, 255 },
	};
	int bad = 0, st;

	for (int n = 0; n < 256; n++) {
		pid_t pid = xfork();

		if (pid == 0)
			raw_exit(n);
		st = -1;
		if (pid < 0 || xwait4(pid, &st, 0) != pid || !WIFEXITED(st) ||
		    WIFSIGNALED(st) || WEXITSTATUS(st) != n || st != n << 8) {
			if (!bad++)
				diag("_exit(%d): status 0x%x", n, st);
		}
	}
	is(bad, 0, "_exit(n) for n in 0..255: WIFEXITED, WEXITSTATUS n");
	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		pid_t pid = xfork();

		if (pid == 0)
			raw_exit(odd[i].code);
		st = -1;
		xwait4(pid, &st, 0);
		is(st, odd[i].want << 8, "_exit(%d): WEXITSTATUS %d",
		   odd[i].code, odd[i].want);
	}
}

/* The faults a child dies of: */
static void
null_store(void)
{
	*(volatile int *)0 = 1;
}

static void
ud2(void)
{
	__asm__ __volatile__("ud2");
}

static void
int3(void)
{
	__asm__ __volatile__("int3");
}

static void
divide(void)
{
	int q, r;

	/* idiv itself: GCC turns 1 / x into compares. */
	__asm__ __volatile__("idivl %2" : "=a"(q), "=d"(r) : "rm"(0), "0"(1),
			     "1"(0));
}

static void
test_signals(void)
{
	static const struct {
		void (*fn)(void);
		int sig;
		const char *name;
	} cases[] = {
		{ null_store, 11, "a NULL store: SIGSEGV" },
		{ ud2, 4, "ud2: SIGILL" },
		{ int3, 5, "int3: SIGTRAP" },
		{ divide, 8, "1 / 0: SIGFPE" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		pid_t pid = xfork();
		int st = -1;

		if (pid == 0) {
			cases[i].fn();
			raw_exit(100);
		}
		is(xwait4(pid, &st, 0), pid, "%s: reaped", cases[i].name);
		ok(WIFSIGNALED(st) && !WIFEXITED(st), "%s: WIFSIGNALED",
		   cases[i].name);
		if (!is(WTERMSIG(st), cases[i].sig, "%s: WTERMSIG",
			cases[i].name) || !ok((st & ~0xff) == 0,
					      "%s: nothing above the low byte",
					      cases[i].name))
			diag("status 0x%x", st);
	}
}

static void
test_wnohang(void)
{
	int fds[2], st = 0x5a5a;
	pid_t pid = blocked_child(fds, 9);

	is(xwait4(pid, &st, WNOHANG), 0, "WNOHANG on a running child: 0");
	is(st, 0x5a5a, "WNOHANG: the status is not written");
	is(xwait4(-1, &st, WNOHANG), 0, "WNOHANG, pid -1: 0");
	is(waitpid_raw(pid, &st, WNOHANG), 0, "waitpid WNOHANG: 0");
	is(xwait4(0, NULL, WNOHANG), 0, "WNOHANG, pid 0: 0");
	close(fds[1]);
	is(xwait4(pid, &st, 0), pid, "after it is let go: wait4 blocks, reaps");
	is(st, 9 << 8, "its status");
}

/* r must be -1 with errno ECHILD. */
static void
echild(long r, const char *what)
{
	int e = errno;

	if (!ok(r == -1 && e == ECHILD, "%s: ECHILD", what))
		diag("got %ld, errno %d", r, e);
}

static void
test_errors(void)
{
	int st = 0, fds[2];
	pid_t pid;

	errno = 0;
	echild(xwait4(-1, &st, 0), "wait4(-1), no children");
	echild(xwait4(0, &st, 0), "wait4(0), no children");
	echild(xwait4(getpid(), &st, 0), "wait4(our own pid)");
	echild(xwait4(getppid(), &st, WNOHANG), "wait4(our parent)");
	echild(xwait4(30000, &st, 0), "wait4(a free pid)");
	echild(waitpid_raw(-1, &st, 0), "waitpid(-1), no children");
	echild(xwait4(-1, &st, __WALL), "wait4(-1, __WALL), no children");

	pid = xfork();
	if (pid == 0)
		raw_exit(1);
	is(xwait4(pid, &st, 0), pid, "a child reaped");
	echild(xwait4(pid, &st, 0), "wait4 for it again");

	pid = blocked_child(fds, 0);
	errno = 0;
	ok(xwait4(pid, &st, 0x100) == -1 && errno == EINVAL,
	   "option 0x100: EINVAL");
	ok(xwait4(pid, &st, 0x01000000) == -1 && errno == EINVAL,
	   "WNOWAIT (waitid's): EINVAL");
	ok(xwait4(pid, &st, 4) == -1 && errno == EINVAL,
	   "WEXITED (waitid's): EINVAL");
	ok(xwait4(pid, &st, 0x10000000) == -1 && errno == EINVAL,
	   "option 0x10000000: EINVAL");
	ok(waitpid_raw(pid, &st, 0x100) == -1 && errno == EINVAL,
	   "waitpid, option 0x100: EINVAL");
	errno = 0;
	ok(xwait4((pid_t)0x80000000, &st, WNOHANG) == -1 && errno == ESRCH,
	   "pid INT_MIN: ESRCH");
	is(xwait4(pid, &st, WNOHANG | WUNTRACED | WCONTINUED), 0,
	   "WUNTRACED | WCONTINUED are accepted");
	close(fds[1]);

	/* An unwritable status: EFAULT, and the child is gone anyway. */
	errno = 0;
	ok(xwait4(pid, (int *)16, 0) == -1 && errno == EFAULT,
	   "status at an unmapped address: EFAULT");
	echild(xwait4(pid, &st, WNOHANG), "the child was reaped all the same");

	/* An unwritable rusage: the status is stored first. */
	pid = xfork();
	if (pid == 0)
		raw_exit(12);
	st = 0;
	errno = 0;
	ok(syscall(SYS_wait4, pid, &st, 0, (void *)16) == -1 && errno == EFAULT,
	   "rusage at an unmapped address: EFAULT");
	is(st, 12 << 8, "the status was stored before the rusage failed");
	echild(xwait4(pid, &st, WNOHANG), "and the child was reaped");
}

/* pid > 0, -1, 0, < -1. */
static void
test_selection(void)
{
	int f1[2], f2[2], f3[2], st = -1, got = 0;
	pid_t a = blocked_child(f1, 1), b = blocked_child(f2, 2),
	      c = blocked_child(f3, 3);
	long r;

	close(f1[1]);
	close(f3[1]);
	/* b runs on while a and c become zombies. */
	is(xwait4(b, &st, WNOHANG), 0, "pid b, WNOHANG: b still runs, 0 "
	   "(though other children are zombies)");
	is(xwait4(c, &st, 0), c, "pid c: c");
	is(st, 3 << 8, "c's status");
	close(f2[1]);
	is(xwait4(b, &st, 0), b, "pid b: b");
	is(st, 2 << 8, "b's status");
	is(xwait4(-1, &st, 0), a, "pid -1: the one left, a");
	is(st, 1 << 8, "a's status");

	/* pid 0: our process group, which children inherit. */
	a = blocked_child(f1, 4);
	close(f1[1]);
	is(xwait4(0, &st, 0), a, "pid 0: a child in our group");
	is(st, 4 << 8, "its status");

	/* Another group: setpgid(child, child). */
	a = blocked_child(f1, 5);
	b = blocked_child(f2, 6);
	errno = 0;
	r = syscall(SYS_setpgid, a, a);
	if (r == -1 && errno == ENOSYS) {
		skip(6, "no setpgid");
		close(f1[1]);
		close(f2[1]);
		xwait4(a, &st, 0);
		xwait4(b, &st, 0);
		return;
	}
	is(r, 0, "setpgid(a, a)");
	is(syscall(SYS_getpgid, a), a, "a leads its own group");
	close(f1[1]);
	close(f2[1]);
	/* Both exit; pid 0 must take b (our group) and never a. */
	r = xwait4(0, &st, 0);
	is(r, b, "pid 0: the child left in our group");
	errno = 0;
	got = xwait4(0, &st, WNOHANG);
	if (!ok(got == -1 && errno == ECHILD,
		"pid 0: a is not in our group (ECHILD)"))
		diag("got %d, errno %d; a %d, our group %ld", got, errno, a,
		     syscall(SYS_getpgid, 0));
	is(xwait4(-a, &st, 0), a, "pid -a: a, from its group");
	is(st, 5 << 8, "a's status");
}

/* __WCLONE and __WALL against exit_signal. */
static int
ret_arg(void *arg)
{
	return (long)arg;
}

static void
test_clone_children(void)
{
	long c = clone_call(0, stack1 + STACK_SIZE, NULL, NULL, NULL, ret_arg,
			    (void *)21);
	pid_t f = xfork();
	int st = -1;

	if (f == 0)
		raw_exit(22);
	ok(c > 0, "clone with exit_signal 0");
	/* Let both finish: wait for f, then the clone child by __WALL. */
	is(xwait4(f, &st, __WCLONE | WNOHANG) == -1 ? errno : 0, ECHILD,
	   "__WCLONE does not take a SIGCHLD child: ECHILD");
	is(xwait4(f, &st, 0), f, "the SIGCHLD child, by default");
	errno = 0;
	ok(xwait4(c, &st, 0) == -1 && errno == ECHILD,
	   "the exit_signal-0 child, by default: ECHILD");
	ok(xwait4(-1, &st, WNOHANG) == -1 && errno == ECHILD,
	   "pid -1, default: no SIGCHLD child left (ECHILD)");
	is(xwait4(c, &st, __WCLONE), c, "__WCLONE takes it");
	is(st, 21 << 8, "its status");

	c = clone_call(0, stack1 + STACK_SIZE, NULL, NULL, NULL, ret_arg,
		       (void *)23);
	f = xfork();
	if (f == 0)
		raw_exit(24);
	is(xwait4(c, &st, __WALL), c, "__WALL takes an exit_signal-0 child");
	is(xwait4(f, &st, __WALL), f, "and a SIGCHLD one");
}

/*
 * A thread reaps a child its group's leader forked. The thread first
 * checks with WNOHANG (sees the child: 0; with __WNOTHREAD: ECHILD),
 * then sleeps in wait4 until the leader lets the child go.
 */
static volatile int t_tid, t_phase, t_done, t_st;
static volatile long t_nohang, t_nothread, t_nothread_errno, t_wait;
static pid_t t_child;

/* Thread: look for t_child with WNOHANG, then wait for it. */
static int
thread_waiter(void *arg)
{
	int st = -1;

	(void)arg;
	t_nohang = xwait4(t_child, &st, WNOHANG);
	t_nothread = syscall(SYS_wait4, t_child, &st, WNOHANG | __WNOTHREAD,
			     NULL);
	t_nothread_errno = errno;
	t_phase = 1;
	xfutex_wake(&t_phase, 1);
	t_wait = xwait4(t_child, &st, 0);
	t_st = st;
	t_done = 1;
	xfutex_wake(&t_done, 1);
	return 0;
}

static void
test_thread_reaps(void)
{
	int fds[2];
	long pid;

	t_child = blocked_child(fds, 31);
	pid = clone_call(THREAD_FLAGS | CLONE_PARENT_SETTID |
			 CLONE_CHILD_CLEARTID, stack1 + STACK_SIZE,
			 (int *)&t_tid, NULL, (int *)&t_tid, thread_waiter,
			 NULL);
	if (!ok(pid > 0, "a thread to wait for our child")) {
		close(fds[1]);
		xwait4(t_child, NULL, 0);
		return;
	}
	while (!t_phase)
		xfutex_wait(&t_phase, 0);
	is(t_nohang, 0, "the thread sees our running child (WNOHANG: 0)");
	ok(t_nothread == -1 && t_nothread_errno == ECHILD,
	   "with __WNOTHREAD it has no children (ECHILD)");
	close(fds[1]);
	while (!t_done)
		xfutex_wait(&t_done, 0);
	ok(t_done, "the thread's wait4 returned when the child exited");
	is(t_wait, t_child, "the thread reaped our child");
	is(t_st, 31 << 8, "with its status");
	join_tid(&t_tid);
}

int
main(void)
{
	test_exit_codes();
	test_signals();
	test_wnohang();
	test_errors();
	test_selection();
	test_clone_children();
	test_thread_reaps();
	errno = 0;
	ok(xwait4(-1, NULL, __WALL | WNOHANG) == -1 && errno == ECHILD,
	   "every child was reaped");
	return done_testing();
}
