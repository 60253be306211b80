/*
 * proc_clone: clone(2) (120) in the i386 order (ebx flags, ecx stack,
 * edx parent_tid, esi tls, edi child_tid), by int $0x80.
 *
 *   CLONE_VM: the child's writes are ours; without it they are not
 *   CLONE_PARENT_SETTID: the tid lands in our memory (only ours without
 *   CLONE_VM: Linux stores it after copying the address space)
 *   CLONE_CHILD_SETTID: the tid lands in the child's memory
 *   CLONE_CHILD_CLEARTID: at exit the word becomes 0 and a FUTEX_WAIT
 *   sleeper on it wakes (the join of every thread library)
 *   an unmapped tid pointer is no error for any of the three
 *   CLONE_SETTLS: the child runs with its own descriptor in our %gs slot
 *   (its %gs:0 is its TCB, ours stays ours); a bad user_desc pointer is
 *   EFAULT, a slot that is not a TLS slot (or -1) EINVAL
 *   CLONE_FILES: a close in the child is a close for us (EBADF after);
 *   without it the child's table is a copy
 *   CLONE_FS: a chdir in the child moves us; without it, not
 *   CLONE_PARENT: the child is our parent's (its getppid() is ours; we
 *   have no such child to wait for)
 *
 *   flag combinations Linux 6.1 refuses, each EINVAL: CLONE_SIGHAND
 *   without CLONE_VM, CLONE_THREAD without CLONE_SIGHAND, CLONE_FS with
 *   CLONE_NEWNS or CLONE_NEWUSER, CLONE_THREAD with CLONE_NEWPID or
 *   CLONE_NEWUSER, CLONE_PIDFD with CLONE_PARENT_SETTID (legacy clone
 *   returns the pidfd through parent_tid), CLONE_PIDFD with CLONE_THREAD
 *   or CLONE_DETACHED. (Namespace flags on their own succeed on Linux
 *   for root, so they are not tried.) An exit signal above 64 is not
 *   refused: legacy clone does not check it (clone3 does)
 *
 * Children run on static stacks and are all reaped.
 */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "lib/proc_raw.h"
#include "lib/tap.h"

#define STACK_SIZE	16384

static char stack1[STACK_SIZE] __attribute__((aligned(16)));
static char stack2[STACK_SIZE] __attribute__((aligned(16)));
#define TOP(s)	((s) + sizeof(s))

static volatile long word;
static volatile int ptid, ctid;

/* Reap pid; its status, or -1 if wait4 did not return it. */
static int
reap(long pid)
{
	int st = -1;

	if (xwait4(pid, &st, 0) != pid)
		return -1;
	return st;
}

/* ---- memory ---- */

/* Child: store arg in word (ours only with CLONE_VM). */
static int
write_word(void *arg)
{
	word = (long)arg;
	return 0;
}

static void
test_vm(void)
{
	long pid;

	word = 1;
	pid = clone_call(CLONE_VM | SIGCHLD, TOP(stack1), NULL, NULL, NULL,
			 write_word, (void *)2);
	ok(pid > 0, "clone(CLONE_VM | SIGCHLD)");
	is(reap(pid), 0, "CLONE_VM child reaped");
	is(word, 2, "CLONE_VM: the child's write is ours");

	pid = clone_call(SIGCHLD, TOP(stack1), NULL, NULL, NULL, write_word,
			 (void *)3);
	ok(pid > 0, "clone(SIGCHLD) with a stack");
	is(reap(pid), 0, "child reaped");
	is(word, 2, "without CLONE_VM: the child's write is its own");

	pid = clone_call(SIGCHLD, NULL, NULL, NULL, NULL, write_word,
			 (void *)4);
	ok(pid > 0, "clone(SIGCHLD) without a stack: a fork");
	is(reap(pid), 0, "child reaped");
	is(word, 2, "the fork-like child's write is its own");
}

/* ---- tids ---- */

static volatile long child_saw[4];

/* Child: what it sees in ptid and ctid, and its gettid(). */
static int
report_tids(void *arg)
{
	(void)arg;
	child_saw[0] = ptid;
	child_saw[1] = ctid;
	child_saw[2] = syscall(SYS_gettid);
	return 0;
}

/* Without CLONE_VM the child reports through its exit status. */
static int
tids_by_status(void *arg)
{
	(void)arg;
	return (ptid == 0) | (ctid == syscall(SYS_gettid)) << 1;
}

static void
test_settid(void)
{
	long pid;
	int st;

	ptid = ctid = 0;
	memset((void *)child_saw, 0, sizeof(child_saw));
	pid = clone_call(CLONE_VM | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID |
			 SIGCHLD, TOP(stack1), (int *)&ptid, NULL, (int *)&ctid,
			 report_tids, NULL);
	ok(pid > 0, "clone(CLONE_VM | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID)");
	is(reap(pid), 0, "child reaped");
	is(ptid, pid, "CLONE_PARENT_SETTID: the tid in our memory");
	is(ctid, pid, "CLONE_CHILD_SETTID: the tid (shared memory)");
	is(child_saw[1], pid, "the child saw its tid before it ran");
	is(child_saw[2], pid, "the child's gettid() is that tid");

	ptid = ctid = 0;
	pid = clone_call(CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD,
			 TOP(stack1), (int *)&ptid, NULL, (int *)&ctid,
			 tids_by_status, NULL);
	ok(pid > 0, "clone(CLONE_PARENT_SETTID | CLONE_CHILD_SETTID), no CLONE_VM");
	st = reap(pid);
	is(ptid, pid, "CLONE_PARENT_SETTID: in our memory");
	is(ctid, 0, "CLONE_CHILD_SETTID: not in our memory");
	if (!is(st, 3 << 8, "the child: its ctid is set, its ptid is not"))
		diag("status 0x%x (bit 0: ptid 0, bit 1: ctid = tid)", st);
}

/* The child sleeps, so that we are asleep on ctid when it clears it. */
static int
sleep_then_exit(void *arg)
{
	sleep_ms((long)arg);
	return 0;
}

static void
test_cleartid(void)
{
	int woken = 0, waits = 0, st;
	long pid, r;

	ctid = 0;
	/* The tid is in ctid when clone returns: CLONE_PARENT_SETTID. */
	pid = clone_call(CLONE_VM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID |
			 SIGCHLD, TOP(stack1), (int *)&ctid, NULL, (int *)&ctid,
			 sleep_then_exit, (void *)50);
	if (!ok(pid > 0, "clone(CLONE_VM | CLONE_PARENT_SETTID | "
		"CLONE_CHILD_CLEARTID)"))
		return;
	is(ctid, pid, "the word holds the tid");
	/* A shared FUTEX_WAIT (no FUTEX_PRIVATE_FLAG), as glibc's join. */
	while (ctid != 0 && waits < 1000) {
		int v = ctid;

		r = xfutex_wait(&ctid, v);
		waits++;
		if (r == 0)
			woken++;
		else if (errno != EAGAIN && errno != EINTR)
			break;
	}
	is(ctid, 0, "CLONE_CHILD_CLEARTID: the word is 0 after the exit");
	diag("%d FUTEX_WAIT calls, %d ended by a wake", waits, woken);
	st = reap(pid);
	is(st, 0, "and the child is reaped");

	/* Without CLONE_VM the child clears its own copy, not ours. */
	ctid = 1234;
	pid = clone_call(CLONE_CHILD_CLEARTID | SIGCHLD, TOP(stack1), NULL,
			 NULL, (int *)&ctid, sleep_then_exit, (void *)0);
	ok(pid > 0, "clone(CLONE_CHILD_CLEARTID), no CLONE_VM");
	is(reap(pid), 0, "child reaped");
	is(ctid, 1234, "the child cleared its copy, not ours");
}

/*
 * Bad tid pointers are not errors: Linux stores with put_user and
 * ignores a fault, at clone (parent_tid), at the child's start
 * (child_tid) and at its exit (CLONE_CHILD_CLEARTID).
 */
static void
test_bad_tid_pointers(void)
{
	static const struct { unsigned long flag; const char *name; } f[] = {
		{ CLONE_PARENT_SETTID, "CLONE_PARENT_SETTID" },
		{ CLONE_CHILD_SETTID, "CLONE_CHILD_SETTID" },
		{ CLONE_CHILD_CLEARTID, "CLONE_CHILD_CLEARTID" },
	};

	for (int i = 0; i < 3; i++) {
		long pid = clone_call(CLONE_VM | f[i].flag | SIGCHLD,
				      TOP(stack1), (int *)16, NULL, (int *)16,
				      write_word, (void *)(long)(70 + i));

		if (!ok(pid > 0, "%s with an unmapped pointer: the clone "
			"succeeds", f[i].name)) {
			diag("got %ld", pid);
			continue;
		}
		is(reap(pid), 0, "%s with an unmapped pointer: the child ran "
		   "and exited normally", f[i].name);
		is(word, 70 + i, "%s: it did its work", f[i].name);
	}
}

/* ---- TLS ---- */

static char child_tcb[256] __attribute__((aligned(64)));
static volatile unsigned long tls_seen[3];

/* Child: its %gs:0, %gs and the base of its %gs slot. */
static int
report_tls(void *arg)
{
	struct user_desc d;

	(void)arg;
	tls_seen[0] = (unsigned long)cur_tcb();
	tls_seen[1] = cur_gs();
	memset(&d, 0, sizeof(d));
	d.entry_number = cur_gs() >> 3;
	tls_seen[2] = syscall(SYS_get_thread_area, &d) == 0 ? d.base_addr : 1;
	return 0;
}

static void
test_settls(void)
{
	struct user_desc d;
	void *mine = cur_tcb();
	long pid;

	tcb_copy(child_tcb);
	tls_desc(&d, child_tcb);
	memset((void *)tls_seen, 0, sizeof(tls_seen));
	pid = clone_call(CLONE_VM | CLONE_SETTLS | SIGCHLD, TOP(stack1), NULL,
			 &d, NULL, report_tls, NULL);
	ok(pid > 0, "clone(CLONE_VM | CLONE_SETTLS), user_desc for slot %u",
	   d.entry_number);
	is(reap(pid), 0, "child reaped");
	is(tls_seen[1], cur_gs(), "the child's %%gs is our selector");
	is(tls_seen[0], (unsigned long)child_tcb,
	   "the child's %%gs:0 is its own TCB");
	is(tls_seen[2], (unsigned long)child_tcb,
	   "get_thread_area in the child: base is its TCB");
	ok(cur_tcb() == mine, "our %%gs:0 is still ours");

	memset((void *)tls_seen, 0, sizeof(tls_seen));
	pid = clone_call(CLONE_VM | SIGCHLD, TOP(stack1), NULL, NULL, NULL,
			 report_tls, NULL);
	is(reap(pid), 0, "without CLONE_SETTLS: child reaped");
	is(tls_seen[0], (unsigned long)mine, "without CLONE_SETTLS: our TLS");

	errno = 0;
	pid = clone_call(CLONE_VM | CLONE_SETTLS | SIGCHLD, TOP(stack1), NULL,
			 (void *)16, NULL, report_tls, NULL);
	if (!is(pid, -EFAULT, "CLONE_SETTLS, user_desc at an unmapped address: "
		"EFAULT") && pid > 0)
		reap(pid);
	tls_desc(&d, child_tcb);
	d.entry_number = 3;
	pid = clone_call(CLONE_VM | CLONE_SETTLS | SIGCHLD, TOP(stack1), NULL,
			 &d, NULL, report_tls, NULL);
	if (!is(pid, -EINVAL, "CLONE_SETTLS, GDT entry 3: EINVAL") && pid > 0)
		reap(pid);
	d.entry_number = -1;
	pid = clone_call(CLONE_VM | CLONE_SETTLS | SIGCHLD, TOP(stack1), NULL,
			 &d, NULL, report_tls, NULL);
	if (!is(pid, -EINVAL, "CLONE_SETTLS, entry_number -1: EINVAL") && pid > 0)
		reap(pid);
}

/* ---- files and fs ---- */

/* Child: close(arg); exit 0 if that worked. */
static int
close_fd(void *arg)
{
	return close((long)arg) == 0 ? 0 : 1;
}

/* Child: dup2(arg, 50); exit 0 if that worked. */
static int
dup_fd(void *arg)
{
	return xdup2((long)arg, 50) == 50 ? 0 : 1;
}

static void
test_files(void)
{
	int p[2];
	char c = 0;
	long pid;

	xpipe(p);
	pid = clone_call(CLONE_FILES | SIGCHLD, TOP(stack1), NULL, NULL, NULL,
			 dup_fd, (void *)(long)p[1]);
	ok(pid > 0, "clone(CLONE_FILES)");
	is(reap(pid), 0, "the child dup2'd the write end to 50");
	is(write(50, "x", 1), 1, "CLONE_FILES: its descriptor 50 is ours");
	ok(read(p[0], &c, 1) == 1 && c == 'x', "and leads into our pipe");
	ok(close(50) == 0, "we close it");

	pid = clone_call(CLONE_FILES | SIGCHLD, TOP(stack1), NULL, NULL, NULL,
			 close_fd, (void *)(long)p[0]);
	is(reap(pid), 0, "a CLONE_FILES child closed the read end");
	errno = 0;
	ok(close(p[0]) == -1 && errno == EBADF,
	   "CLONE_FILES: the child's close closed ours (EBADF)");
	close(p[1]);

	xpipe(p);
	pid = clone_call(SIGCHLD, TOP(stack1), NULL, NULL, NULL, close_fd,
			 (void *)(long)p[0]);
	ok(pid > 0, "clone without CLONE_FILES");
	is(reap(pid), 0, "the child closed its read end");
	is(write(p[1], "y", 1), 1, "our write end still has a reader");
	ok(read(p[0], &c, 1) == 1 && c == 'y',
	   "without CLONE_FILES: our read end stays open");
	close(p[0]);
	close(p[1]);

	pid = clone_call(SIGCHLD, TOP(stack1), NULL, NULL, NULL, dup_fd,
			 (void *)1);
	is(reap(pid), 0, "the child dup2'd stdout to 50");
	errno = 0;
	ok(close(50) == -1 && errno == EBADF,
	   "without CLONE_FILES: its descriptor 50 is not ours");
}

/* Child: chdir("/tests"); exit 0 if that worked. */
static int
chdir_tests(void *arg)
{
	(void)arg;
	return syscall(SYS_chdir, "/tests") == 0 ? 0 : 1;
}

static void
test_fs(void)
{
	char cwd[64] = "";
	long pid;

	syscall(SYS_getcwd, cwd, sizeof(cwd));
	if (!is_str(cwd, "/", "we start in /"))
		return;
	pid = clone_call(SIGCHLD, TOP(stack1), NULL, NULL, NULL, chdir_tests,
			 NULL);
	is(reap(pid), 0, "a child without CLONE_FS: chdir(\"/tests\")");
	syscall(SYS_getcwd, cwd, sizeof(cwd));
	is_str(cwd, "/", "without CLONE_FS: our cwd is still /");
	pid = clone_call(CLONE_FS | SIGCHLD, TOP(stack1), NULL, NULL, NULL,
			 chdir_tests, NULL);
	is(reap(pid), 0, "a child with CLONE_FS: chdir(\"/tests\")");
	syscall(SYS_getcwd, cwd, sizeof(cwd));
	is_str(cwd, "/tests", "CLONE_FS: our cwd moved with it");
	syscall(SYS_chdir, "/");
}

/* ---- CLONE_PARENT ---- */

/* Child: write its getppid() to the pipe end arg. */
static int
report_ppid(void *arg)
{
	long fd = (long)arg;
	long pp = getppid();

	write(fd, &pp, sizeof(pp));
	return 0;
}

static void
test_parent(void)
{
	long pid, pp = -1;
	int p[2], st;

	xpipe(p);
	pid = clone_call(CLONE_PARENT | SIGCHLD, TOP(stack1), NULL, NULL, NULL,
			 report_ppid, (void *)(long)p[1]);
	close(p[1]);
	if (!ok(pid > 0, "clone(CLONE_PARENT)"))
		return;
	ok(read(p[0], &pp, sizeof(pp)) == sizeof(pp),
	   "the CLONE_PARENT child reported");
	close(p[0]);
	is(pp, getppid(), "its parent is our parent");
	errno = 0;
	ok(xwait4(pid, &st, WNOHANG) == -1 && errno == ECHILD,
	   "it is not our child: wait4 gives ECHILD (our parent reaps it)");
}

/* ---- flags Linux refuses ---- */

/* Child of a clone that must fail: exits 99 if it ever runs. */
static int
never(void *arg)
{
	(void)arg;
	return 99;
}

/* clone(flags) must fail with EINVAL; a child made anyway is reaped. */
static void
refused(unsigned long flags, const char *name)
{
	long pid = clone_call(flags, TOP(stack2), (int *)&ptid, NULL,
			      (int *)&ctid, never, NULL);

	if (!is(pid, -EINVAL, "%s: EINVAL", name) && pid > 0)
		reap(pid);
}

static void
test_bad_flags(void)
{
	refused(CLONE_SIGHAND | SIGCHLD, "CLONE_SIGHAND without CLONE_VM");
	refused(CLONE_SIGHAND | CLONE_THREAD, "CLONE_THREAD | CLONE_SIGHAND "
		"without CLONE_VM");
	refused(CLONE_VM | CLONE_THREAD, "CLONE_THREAD without CLONE_SIGHAND");
	refused(CLONE_FS | CLONE_NEWNS | SIGCHLD, "CLONE_FS | CLONE_NEWNS");
	refused(CLONE_FS | CLONE_NEWUSER | SIGCHLD, "CLONE_FS | CLONE_NEWUSER");
	refused(CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | CLONE_NEWPID,
		"CLONE_THREAD | CLONE_NEWPID");
	refused(CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | CLONE_NEWUSER,
		"CLONE_THREAD | CLONE_NEWUSER");
	refused(CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD,
		"CLONE_PIDFD | CLONE_PARENT_SETTID");
	refused(CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | CLONE_PIDFD,
		"CLONE_PIDFD | CLONE_THREAD");
	refused(CLONE_PIDFD | CLONE_DETACHED | SIGCHLD,
		"CLONE_PIDFD | CLONE_DETACHED");
	errno = 0;
	ok(xwait4(-1, NULL, __WALL | WNOHANG) == -1 && errno == ECHILD,
	   "no child was made by a refused clone");
}

/*
 * Legacy clone takes its exit signal from the low byte of flags and, in
 * Linux 6.1, never checks it (only clone3 refuses a signal above 64):
 * 65 and 255 make children that wait4 sees with __WCLONE.
 */
static void
test_odd_exit_signal(void)
{
	static const int sigs[] = { 65, 255 };

	for (int i = 0; i < 2; i++) {
		long pid = clone_call(sigs[i], TOP(stack2), NULL, NULL, NULL,
				      never, NULL);
		int st = -1;

		if (!ok(pid > 0, "legacy clone, exit signal %d: accepted",
			sigs[i])) {
			diag("got %ld", pid);
			continue;
		}
		is(xwait4(pid, &st, __WCLONE), pid,
		   "exit signal %d: a __WCLONE child", sigs[i]);
		is(st, 99 << 8, "exit signal %d: its status", sigs[i]);
	}
}

int
main(void)
{
	test_vm();
	test_settid();
	test_cleartid();
	test_bad_tid_pointers();
	test_settls();
	test_files();
	test_fs();
	test_parent();
	test_bad_flags();
	test_odd_exit_signal();
	errno = 0;
	ok(xwait4(-1, NULL, __WALL | WNOHANG) == -1 && errno == ECHILD,
	   "every child was reaped");
	return done_testing();
}
