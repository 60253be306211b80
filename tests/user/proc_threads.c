/*
 * proc_threads: thread groups made with raw clone(CLONE_THREAD | ...).
 *
 *   a thread shares our pid (getpid), has a tid of its own (gettid, the
 *   value clone returned), our parent (getppid); with CLONE_SETTLS and a
 *   TCB of its own, its errno is its own
 *   SYS_exit in a thread ends that thread only (exit_group: see
 *   proc_exit_group)
 *   a child forked by a thread that then exits passes to another thread
 *   of the group (Linux's find_new_reaper), so its getppid() stays our
 *   pid and we reap it
 *   a leader that leaves with SYS_exit while a thread lives: wait4 with
 *   WNOHANG still says 0 (the process is not over); once the last
 *   thread exits, wait4 reaps it with the last thread's status (Linux
 *   6.1 makes the last thread to exit set the group's exit code, so the
 *   leader's own SYS_exit code is not what the parent sees)
 *
 * The scenario that ends a group runs in a child process of ours.
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
static char tcbs[NSTACKS][256] __attribute__((aligned(64)));
#define STACK(i)	(stacks[i] + STACK_SIZE)

static volatile int tids[NSTACKS];

/* Thread i runs fn(arg) on stack i; its tid word is tids[i]. */
static long
spawn_thread(int i, int (*fn)(void *), void *arg, unsigned long extra)
{
	tids[i] = -1;
	return clone_call(THREAD_FLAGS | CLONE_PARENT_SETTID |
			  CLONE_CHILD_CLEARTID | extra, STACK(i),
			  (int *)&tids[i], NULL, (int *)&tids[i], fn, arg);
}

/* ---- identity ---- */

static volatile long seen[6];

/* Thread: its pid, tid, parent, errno after close(-1) and TCB. */
static int
report_ids(void *arg)
{
	(void)arg;
	seen[0] = getpid();
	seen[1] = syscall(SYS_gettid);
	seen[2] = getppid();
	errno = 0;
	seen[3] = close(-1);
	seen[4] = errno;
	seen[5] = (long)cur_tcb();
	return 0;
}

static void
test_identity(void)
{
	struct user_desc d;
	long tid;

	tcb_copy(tcbs[0]);
	tls_desc(&d, tcbs[0]);
	memset((void *)seen, 0, sizeof(seen));
	errno = 0;
	tids[0] = -1;
	tid = clone_call(THREAD_FLAGS | CLONE_SETTLS | CLONE_PARENT_SETTID |
			 CLONE_CHILD_CLEARTID, STACK(0), (int *)&tids[0], &d,
			 (int *)&tids[0], report_ids, NULL);
	if (!ok(tid > 0, "a thread with its own TLS")) {
		diag("got %ld", tid);
		return;
	}
	join_tid(&tids[0]);
	is(seen[0], getpid(), "its getpid() is ours");
	is(seen[1], tid, "its gettid() is what clone returned");
	ok(tid != getpid(), "which is not our pid");
	is(seen[2], getppid(), "its getppid() is our parent");
	ok(seen[3] == -1 && seen[4] == EBADF, "close(-1) in the thread: EBADF");
	is(errno, 0, "in its own errno: ours is untouched");
	is(seen[5], (long)tcbs[0], "its %%gs:0 is its TCB");
	is(syscall(SYS_gettid), getpid(), "we are still the leader");
}

/* ---- SYS_exit in a thread ---- */

/* Thread: end at once. */
static int
ret_zero(void *arg)
{
	(void)arg;
	return 0;
}

static void
test_thread_exit(void)
{
	int ntids = 0;

	for (int i = 0; i < NSTACKS; i++)
		ntids += spawn_thread(i, ret_zero, NULL, 0) > 0;
	for (int i = 0; i < NSTACKS; i++)
		join_tid(&tids[i]);
	is(ntids, NSTACKS, "8 threads made");
	ok(1, "8 threads ended with SYS_exit, and we live on");
	is(xwait4(-1, NULL, __WALL | WNOHANG), -1,
	   "they were not children to wait for");
}

/* ---- a thread's child outlives the thread ---- */

static int tc_up, tc_up_r, tc_gate, tc_gate_w;
static volatile long tc_child, tc_before;

/*
 * Fork a child, read its first report (so the thread is alive when the
 * child looks at its parent), then exit. The child waits for the gate,
 * reports its parent again and exits with 17.
 */
static int
fork_and_leave(void *arg)
{
	int first[2];
	long ppid = -1;
	pid_t pid;
	char c;

	(void)arg;
	xpipe(first);
	pid = xfork();
	if (pid == 0) {
		close(first[0]);
		close(tc_up_r);
		close(tc_gate_w);
		ppid = getppid();
		write(first[1], &ppid, sizeof(ppid));
		close(first[1]);
		while (read(tc_gate, &c, 1) > 0)
			;
		ppid = getppid();
		write(tc_up, &ppid, sizeof(ppid));
		raw_exit(17);
	}
	close(first[1]);
	if (read(first[0], &ppid, sizeof(ppid)) == sizeof(ppid))
		tc_before = ppid;
	close(first[0]);
	tc_child = pid;
	return 0;
}

static void
test_thread_child(void)
{
	int up[2], gate[2], st = -1;
	long after = -1, r;

	xpipe(up);
	xpipe(gate);
	tc_up = up[1];
	tc_up_r = up[0];
	tc_gate = gate[0];
	tc_gate_w = gate[1];
	tc_before = -1;
	if (!ok(spawn_thread(0, fork_and_leave, NULL, 0) > 0,
		"a thread that forks a child and exits")) {
		close(up[0]);
		close(up[1]);
		close(gate[0]);
		close(gate[1]);
		return;
	}
	join_tid(&tids[0]);
	close(up[1]);
	close(gate[0]);
	ok(tc_child > 0, "the thread forked a child");
	is(tc_before, getpid(), "while the thread lived, the child's "
	   "getppid() was our process (the tgid)");
	close(gate[1]);
	ok(read(up[0], &after, sizeof(after)) == sizeof(after),
	   "after the thread has exited, the child reports again");
	close(up[0]);
	is(after, getpid(), "its parent is still our process (another thread "
	   "of the group adopted it)");
	errno = 0;
	r = xwait4(tc_child, &st, 0);
	if (!is(r, tc_child, "so we, the leader, reap it"))
		diag("errno %d", errno);
	else
		is(st, 17 << 8, "with its status");
}

/* ---- the leader leaves first ---- */

static int lf_gate, lf_write;

/* Drop our copy of the leader's pipe end, then wait for the gate. */
static int
wait_gate(void *arg)
{
	char c;

	(void)arg;
	close(lf_write);
	while (read(lf_gate, &c, 1) > 0)
		;
	return 9;
}

static void
test_leader_first(void)
{
	int gate[2], leader_files[2], st = -1;
	pid_t pid;
	char c;

	xpipe(gate);
	xpipe(leader_files);
	pid = xfork();
	if (pid == 0) {
		close(gate[1]);
		close(leader_files[0]);
		lf_gate = gate[0];
		lf_write = leader_files[1];
		/*
		 * Without CLONE_FILES the thread has its own table: it drops
		 * leader_files[1], so that end closes when the leader's table
		 * goes, at the leader's exit.
		 */
		if (clone_call((THREAD_FLAGS & ~CLONE_FILES), STACK(0), NULL,
			       NULL, NULL, wait_gate, NULL) <= 0)
			raw_exit(100);
		raw_exit(5);
	}
	close(gate[0]);
	close(leader_files[1]);
	/* EOF: the leader's descriptors are gone, it is exiting or dead. */
	is(read(leader_files[0], &c, 1), 0, "the leader has exited "
	   "(its descriptors are closed)");
	close(leader_files[0]);
	is(xwait4(pid, &st, WNOHANG), 0, "a thread lives on: WNOHANG says 0");
	close(gate[1]);
	is(xwait4(pid, &st, 0), pid, "after the last thread's exit: reaped");
	is(st, 9 << 8, "with the last thread's status, 9 (not the leader's 5)");
}

int
main(void)
{
	test_identity();
	test_thread_exit();
	test_thread_child();
	test_leader_first();
	errno = 0;
	ok(xwait4(-1, NULL, __WALL | WNOHANG) == -1 && errno == ECHILD,
	   "every child was reaped");
	return done_testing();
}
