/*
 * proc_vfork: vfork(2) (190) and clone(CLONE_VM | CLONE_VFORK).
 *
 *   the child shares the parent's memory: what it writes, the parent
 *   finds; its getpid() is what vfork returns, its getppid() the parent
 *
 *   the parent is suspended until the child's _exit: the child yields
 *   and sleeps before its last write, and the parent, once back, sees
 *   that last write (it never ran in between)
 *
 *   or until its execve: the exec'd child (this program again, argv[1]
 *   "vfork-exec") reports over a pipe and then blocks until the parent,
 *   running again, lets it go; the parent's memory is intact after the
 *   child replaced its image; a failing execve (ENOENT) leaves the child
 *   running, and the parent waits on until it exits
 *
 *   a vfork child may vfork again; clone(CLONE_VM | CLONE_VFORK) with a
 *   stack of its own (posix_spawn's way) suspends the parent the same way,
 *   and so does CLONE_VFORK without CLONE_VM (the child's last write, to
 *   a pipe, is there when the parent resumes)
 *
 * vfork is entered with int $0x80 from vfork_call (lib/proc_raw.h): the
 * child may not return from the function that called vfork. libc's
 * vfork() is tried too, the way programs use it.
 */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "lib/proc_raw.h"
#include "lib/tap.h"

#define MODE_EXEC	"vfork-exec"

/* Written by children, read by the parent (shared while vforked). */
static volatile long shared[8];
static const char *self_path;
static char fdarg[2][16];

/* ---- the child's side of each case (never returns) ---- */

/* vfork child: write its ids and arg into our memory, _exit(5). */
static void
child_shares(long arg)
{
	shared[0] = getpid();
	shared[1] = getppid();
	shared[2] = arg;
	raw_exit(5);
}

/* vfork child: write 1, yield and sleep, write 2, _exit(arg). */
static void
child_slow(long arg)
{
	shared[0] = 1;
	for (int i = 0; i < 50; i++)
		sched_yield();
	sleep_ms(20);
	shared[0] = 2;
	raw_exit(arg);
}

/* execve this program in MODE_EXEC with the pipe ends in argv. */
static void
child_exec(long arg)
{
	char *argv[] = { (char *)self_path, MODE_EXEC, fdarg[0], fdarg[1],
			 NULL };
	char *envp[] = { "VFORK=1", NULL };

	shared[0] = 1;
	syscall(SYS_execve, self_path, argv, envp);
	shared[1] = errno;
	raw_exit(arg);
}

/* vfork child: a failing execve, then yields, then _exit(arg). */
static void
child_exec_fails(long arg)
{
	char *argv[] = { "/no/such/program", NULL };

	shared[0] = syscall(SYS_execve, argv[0], argv, NULL);
	shared[1] = errno;
	for (int i = 0; i < 20; i++)
		sched_yield();
	shared[2] = 1;
	raw_exit(arg);
}

/* The vfork child's own vfork child: mark that it ran. */
static void
grandchild(long arg)
{
	(void)arg;
	shared[0] = 1;
	raw_exit(0);
}

/* vfork child that vforks a grandchild and reaps it. */
static void
child_vforks(long arg)
{
	long g = vfork_call(grandchild, 0);
	int st = -1;

	shared[1] = g;
	shared[2] = shared[0];		/* 1 if the grandchild ran first */
	shared[3] = g > 0 && xwait4(g, &st, 0) == g && st == 0;
	shared[0] = 2;
	raw_exit(arg);
}

/* ---- the exec'd program ---- */

/*
 * The exec'd program (argv: self, MODE_EXEC, read fd, write fd): report
 * pid, parent and environment, then wait for the parent's go; 42.
 */
static int
exec_mode(int argc, char **argv)
{
	int to_child = atoi(argv[2]), from_child = atoi(argv[3]);
	long seen[3];
	char go;

	seen[0] = getpid();
	seen[1] = getppid();
	seen[2] = argc == 4 && getenv("VFORK") && !strcmp(getenv("VFORK"), "1");
	write(from_child, seen, sizeof(seen));
	/* The parent must be running by now to send this. */
	if (read(to_child, &go, 1) != 1)
		return 20;
	return go == 'g' ? 42 : 21;
}

/* ---- the parent's tests ---- */

/* Reap pid; its status, or -1 if wait4 did not return it. */
static int
reap(long pid)
{
	int st = -1;

	if (xwait4(pid, &st, 0) != pid)
		return -1;
	return st;
}

static void
test_shares_memory(void)
{
	long pid;

	memset((void *)shared, 0, sizeof(shared));
	pid = vfork_call(child_shares, 1234);
	if (!ok(pid > 0, "vfork returns the child's pid")) {
		diag("got %ld", pid);
		return;
	}
	is(shared[0], pid, "the child wrote its pid into our memory");
	is(shared[1], getpid(), "the child's getppid() is us");
	is(shared[2], 1234, "the child got its argument");
	is(reap(pid), 5 << 8, "wait4: the child's _exit(5)");
}

static void
test_waits_for_exit(void)
{
	long pid;

	memset((void *)shared, 0, sizeof(shared));
	pid = vfork_call(child_slow, 6);
	if (!ok(pid > 0, "vfork (slow child)"))
		return;
	is(shared[0], 2, "the parent resumed only after the child's last "
	   "write, made after yields and a sleep");
	is(reap(pid), 6 << 8, "wait4: the slow child's _exit(6)");
}

static void
test_exec_releases(void)
{
	int to_child[2], from_child[2];
	long seen[3] = { 0, 0, 0 };
	volatile char canary[64];
	long pid;

	memset((void *)shared, 0, sizeof(shared));
	memset((char *)canary, 'k', sizeof(canary));
	xpipe(to_child);
	xpipe(from_child);
	snprintf(fdarg[0], sizeof(fdarg[0]), "%d", to_child[0]);
	snprintf(fdarg[1], sizeof(fdarg[1]), "%d", from_child[1]);
	pid = vfork_call(child_exec, 99);
	close(to_child[0]);
	close(from_child[1]);
	if (!ok(pid > 0, "vfork (exec child)")) {
		close(to_child[1]);
		close(from_child[0]);
		return;
	}
	/* Back here while the exec'd child waits for us: exec released us. */
	is(shared[0], 1, "the child ran up to its execve before we resumed");
	is(shared[1], 0, "its execve did not fail");
	ok(canary[0] == 'k' && canary[63] == 'k' && self_path,
	   "our memory is intact after the child exec'd");
	if (ok(read_full(from_child[0], seen, sizeof(seen)) == 0,
	       "the exec'd child reported")) {
		is(seen[0], pid, "the exec'd child keeps the pid");
		is(seen[1], getpid(), "and its parent");
		ok(seen[2], "and got its argv and envp");
	}
	write(to_child[1], "g", 1);
	close(to_child[1]);
	close(from_child[0]);
	is(reap(pid), 42 << 8, "wait4: the exec'd image's exit status 42");
}

static void
test_exec_fails(void)
{
	long pid;

	memset((void *)shared, 0, sizeof(shared));
	pid = vfork_call(child_exec_fails, 8);
	if (!ok(pid > 0, "vfork (failing execve)"))
		return;
	is(shared[0], -1, "execve of a missing file returns -1 in the child");
	is(shared[1], ENOENT, "with ENOENT");
	is(shared[2], 1, "the parent waited until the child went on to _exit");
	is(reap(pid), 8 << 8, "wait4: _exit(8) after the failed execve");
}

static void
test_nested(void)
{
	long pid;

	memset((void *)shared, 0, sizeof(shared));
	pid = vfork_call(child_vforks, 9);
	if (!ok(pid > 0, "vfork (a child that vforks)"))
		return;
	ok(shared[1] > 0 && shared[1] != pid, "the child's vfork gave a new pid");
	is(shared[2], 1, "the grandchild ran before the child resumed");
	ok(shared[3], "the child reaped the grandchild");
	is(shared[0], 2, "we resumed after the child");
	is(reap(pid), 9 << 8, "wait4: the child's _exit(9)");
}

/*
 * CLONE_VFORK without CLONE_VM: the child has a copy of our memory, and
 * we still wait for its exit. It writes a byte into a pipe just before
 * exiting: when we are back, the byte is there already (FIONREAD 1).
 */
static int vf_fd;

/* CLONE_VFORK child: yield, sleep, write a byte, exit 12. */
static int
byte_then_exit(void *arg)
{
	(void)arg;
	for (int i = 0; i < 20; i++)
		sched_yield();
	sleep_ms(10);
	write(vf_fd, "v", 1);
	return 12;
}

static void
test_clone_vfork_copy(void)
{
	int p[2], avail = -1;
	long pid;

	xpipe(p);
	vf_fd = p[1];
	pid = clone_call(CLONE_VFORK | SIGCHLD, NULL, NULL, NULL, NULL,
			 byte_then_exit, NULL);
	if (!ok(pid > 0, "clone(CLONE_VFORK) without CLONE_VM")) {
		close(p[0]);
		close(p[1]);
		return;
	}
	syscall(SYS_ioctl, p[0], FIONREAD, &avail);
	is(avail, 1, "CLONE_VFORK without CLONE_VM: resumed after the child's "
	   "last write");
	is(reap(pid), 12 << 8, "wait4: its status");
	close(p[0]);
	close(p[1]);
}

/* libc's vfork(): the child goes on in this function, then _exit. */
static void
test_libc_vfork(void)
{
	pid_t pid;
	int st = -1;

	memset((void *)shared, 0, sizeof(shared));
	pid = vfork();
	if (pid == 0) {
		shared[0] = getpid();
		shared[1] = 1;
		for (int i = 0; i < 20; i++)
			sched_yield();
		shared[1] = 2;
		_exit(13);
	}
	if (!ok(pid > 0, "libc vfork()"))
		return;
	is(shared[0], pid, "libc vfork(): the child wrote its pid into our "
	   "memory");
	is(shared[1], 2, "libc vfork(): we resumed after its _exit");
	is(xwait4(pid, &st, 0), pid, "libc vfork(): reaped");
	is(st, 13 << 8, "libc vfork(): _exit(13)");
}

/* clone(CLONE_VM | CLONE_VFORK | SIGCHLD) on a stack of the child's own. */
static char spawn_stack[16384] __attribute__((aligned(16)));

/* CLONE_VM | CLONE_VFORK child on its own stack: 1, yields, 2, arg. */
static int
spawn_child(void *arg)
{
	shared[0] = 1;
	for (int i = 0; i < 20; i++)
		sched_yield();
	sleep_ms(10);
	shared[0] = 2;
	shared[1] = (long)arg;
	return 11;
}

static void
test_clone_vfork(void)
{
	long pid;

	memset((void *)shared, 0, sizeof(shared));
	pid = clone_call(CLONE_VM | CLONE_VFORK | SIGCHLD,
			 spawn_stack + sizeof(spawn_stack), NULL, NULL, NULL,
			 spawn_child, (void *)77);
	if (!ok(pid > 0, "clone(CLONE_VM | CLONE_VFORK) with a stack")) {
		diag("got %ld", pid);
		return;
	}
	is(shared[0], 2, "CLONE_VFORK: resumed after the child's exit");
	is(shared[1], 77, "CLONE_VFORK: the child ran fn(arg) on its stack");
	is(reap(pid), 11 << 8, "wait4: fn's return value as exit status");
}

int
main(int argc, char **argv)
{
	if (argc >= 4 && !strcmp(argv[1], MODE_EXEC))
		return exec_mode(argc, argv);
	self_path = argv[0];
	test_shares_memory();
	test_waits_for_exit();
	test_exec_releases();
	test_exec_fails();
	test_nested();
	test_clone_vfork();
	test_clone_vfork_copy();
	test_libc_vfork();
	is(xwait4(-1, NULL, WNOHANG), -1, "every child was reaped");
	return done_testing();
}
