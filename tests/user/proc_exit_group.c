/*
 * proc_exit_group: exit_group(2) (252) ends every thread of the group.
 *
 *   exit_group in a thread while the leader sleeps in FUTEX_WAIT and a
 *   sibling thread is in FUTEX_WAIT, nanosleep, a busy loop, read(2) on
 *   an empty pipe or wait4(2) for a running child: all of them end, and
 *   the parent's wait4 sees the exit_group status
 *   exit_group in the leader, with a thread in each of those states
 *   eight threads, seven asleep, one calls exit_group
 *
 * Each scenario runs in a child process; wait4 for
 * it is the check, so a thread that survives its group's exit makes the
 * program hang rather than fail (there is no deadline to wait for).
 */
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "lib/proc_raw.h"
#include "lib/tap.h"

#define STACK_SIZE	16384
#define NSTACKS		8

static char stacks[NSTACKS][STACK_SIZE] __attribute__((aligned(16)));
#define STACK(i)	(stacks[i] + STACK_SIZE)

static volatile int tids[NSTACKS];
static volatile int forever;

/* Thread i runs fn(arg) on stack i; its tid word is tids[i]. */
static long
spawn_thread(int i, int (*fn)(void *), void *arg, unsigned long extra)
{
	tids[i] = -1;
	return clone_call(THREAD_FLAGS | CLONE_PARENT_SETTID |
			  CLONE_CHILD_CLEARTID | extra, STACK(i),
			  (int *)&tids[i], NULL, (int *)&tids[i], fn, arg);
}

/* FUTEX_WAIT on a word nobody wakes: only the group's end ends it. */
static void
sleep_forever(void)
{
	for (;;)
		xfutex_wait(&forever, 0);
}

/* The sibling states exit_group must end: */
static int
block_futex(void *arg)
{
	(void)arg;
	sleep_forever();
	return 0;
}

static int
block_nanosleep(void *arg)
{
	struct timespec hour = { 3600, 0 };

	(void)arg;
	for (;;)
		nanosleep(&hour, NULL);
	return 0;
}

static int
busy(void *arg)
{
	(void)arg;
	for (;;)
		;
	return 0;
}

/* Sibling states that sleep on a pipe or on a child: */
static int
block_read(void *arg)
{
	char c;

	for (;;)
		read((long)arg, &c, 1);
	return 0;
}

static int
block_wait4(void *arg)
{
	for (;;)
		xwait4((long)arg, NULL, 0);
	return 0;
}

/* Thread: let the others settle, then exit_group(arg). */
static int
do_exit_group(void *arg)
{
	for (int i = 0; i < 5; i++)
		sched_yield();
	raw_exit_group((long)arg);
	return 0;
}

/*
 * In a child process: a sibling thread running blocker(), then a
 * thread that calls exit_group(code) while the leader sleeps in
 * FUTEX_WAIT (or, if leader_exits, calls exit_group itself).
 */
static int
group_status(int (*blocker)(void *), int leader_exits, int code)
{
	int st = -1, fds[2];
	pid_t pid;

	pid = xfork();
	if (pid == 0) {
		void *arg = NULL;
		pid_t sub;

		if (blocker == block_read) {
			xpipe(fds);
			arg = (void *)(long)fds[0];
		} else if (blocker == block_wait4) {
			/* A child that runs until its parent is gone. */
			xpipe(fds);
			sub = xfork();
			if (sub == 0) {
				char c;

				close(fds[1]);
				while (read(fds[0], &c, 1) > 0)
					;
				raw_exit(0);
			}
			close(fds[0]);
			arg = (void *)(long)sub;
		}
		if (spawn_thread(0, blocker, arg, 0) <= 0)
			raw_exit(100);
		for (int i = 0; i < 5; i++)
			sched_yield();
		if (leader_exits)
			raw_exit_group(code);
		if (spawn_thread(1, do_exit_group, (void *)(long)code, 0) <= 0)
			raw_exit(101);
		sleep_forever();
	}
	if (xwait4(pid, &st, 0) != pid)
		return -1;
	return st;
}

static void
test_exit_group(void)
{
	static const struct {
		int (*fn)(void *);
		const char *name;
	} blockers[] = {
		{ block_futex, "FUTEX_WAIT" },
		{ block_nanosleep, "nanosleep" },
		{ busy, "a busy loop" },
		{ block_read, "read on an empty pipe" },
		{ block_wait4, "wait4 for a running child" },
	};

	for (size_t i = 0; i < sizeof(blockers) / sizeof(blockers[0]); i++) {
		is(group_status(blockers[i].fn, 0, 37 + i), (37 + i) << 8,
		   "exit_group(%zu) in a thread; the leader in FUTEX_WAIT, a "
		   "sibling in %s: all end, wait4 sees %zu", 37 + i,
		   blockers[i].name, 37 + i);
		is(group_status(blockers[i].fn, 1, 47 + i), (47 + i) << 8,
		   "exit_group(%zu) in the leader, a thread in %s", 47 + i,
		   blockers[i].name);
	}
}

/* Many threads asleep, one exit_group. */
static void
test_many(void)
{
	int st = -1;
	pid_t pid = xfork();

	if (pid == 0) {
		for (int i = 0; i < NSTACKS - 1; i++)
			if (spawn_thread(i, block_futex, NULL, 0) <= 0)
				raw_exit(100);
		if (spawn_thread(NSTACKS - 1, do_exit_group, (void *)66, 0) <= 0)
			raw_exit(101);
		sleep_forever();
	}
	is(xwait4(pid, &st, 0), pid, "8 threads: the process is reaped");
	is(st, 66 << 8, "8 threads, one exit_group(66): status 66");
}

int
main(void)
{
	test_exit_group();
	test_many();
	errno = 0;
	ok(xwait4(-1, NULL, __WALL | WNOHANG) == -1 && errno == ECHILD,
	   "every child was reaped");
	return done_testing();
}
