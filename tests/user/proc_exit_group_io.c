/*
 * proc_exit_group_io: exit_group(2) (252) ends a thread asleep in a
 * system call that loops around its sleep: read(2) on an empty pipe,
 * and wait4(2) for a child that is still running.
 *
 *   exit_group in a thread while the leader sleeps in FUTEX_WAIT and a
 *   sibling sleeps in read / wait4: all end, the parent's wait4 sees the
 *   exit_group status
 *   exit_group in the leader while a thread sleeps in read / wait4
 *
 * Each scenario runs in a child process; wait4 for it is the check.
 * The wait4 case leaves a grandchild, orphaned when the group ends; it
 * sees EOF on its pipe then and exits on its own.
 *
 * Kept apart from proc_exit_group because of what it does to a kernel
 * that gets it wrong: there, a sleeper that wakes for the group exit
 * and finds its condition still false goes back to sleep in a loop that
 * never returns to user space, and the whole machine stops (a hang the
 * host harness reports by its timeout).
 */
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/syscall.h>
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
		{ block_read, "read on an empty pipe" },
		{ block_wait4, "wait4 for a running child" },
	};

	for (size_t i = 0; i < sizeof(blockers) / sizeof(blockers[0]); i++) {
		is(group_status(blockers[i].fn, 0, 57 + i), (57 + i) << 8,
		   "exit_group(%zu) in a thread; the leader in FUTEX_WAIT, a "
		   "sibling in %s: all end, wait4 sees %zu", 57 + i,
		   blockers[i].name, 57 + i);
		is(group_status(blockers[i].fn, 1, 67 + i), (67 + i) << 8,
		   "exit_group(%zu) in the leader, a thread in %s", 67 + i,
		   blockers[i].name);
	}
}

int
main(void)
{
	test_exit_group();
	errno = 0;
	ok(xwait4(-1, NULL, __WALL | WNOHANG) == -1 && errno == ECHILD,
	   "every child was reaped");
	return done_testing();
}
