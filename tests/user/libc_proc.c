/*
 * libc_proc: processes through the libc. fork (two returns, copy-on-write
 * memory), waitpid/wait and the W* status macros, vfork (the child runs
 * in the parent's memory; the parent comes back intact), execve, execv
 * and execvp (failures return, successes pass argv and envp), clone with
 * and without CLONE_VM, pipes, dup/dup2/dup3, fcntl, mmap/mprotect/munmap,
 * getpid/getppid/gettid, sched_yield.
 *
 * Children report through their exit status only (they share stdout with
 * the TAP stream). Run as "NAME exec-child MODE", the program is the
 * target of the exec tests: it checks what it was given and exits with
 * 7 if all is right, 8 if not, printing nothing.
 *
 * Under qemu-user (tests/libc.t sets LIBC_TEST_QEMU_USER) two things are
 * skipped because the emulator cannot do them: vfork is emulated with
 * fork (no shared memory), and clone(CLONE_VM) without CLONE_THREAD is
 * refused with EINVAL.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/futex.h>
#include <linux/resource.h>
#include "lib/tap.h"

#define EXEC_OK		7
#define EXEC_BAD	8

static const char *self;	/* argv[0]: this program, for the exec tests */
static int qemu_user;

/* Written by children: visible to the parent only if memory is shared. */
static volatile int shared;

/* waitpid(pid), retrying EINTR; the status, or -1 after a diagnostic. */
static int
wait_for(pid_t pid)
{
	int status;
	pid_t r;

	do
		r = waitpid(pid, &status, 0);
	while (r < 0 && errno == EINTR);
	if (r != pid) {
		diag("waitpid(%d) = %d, errno %d", pid, r, errno);
		return -1;
	}
	return status;
}

/* Fork a child that runs fn and exits with its result; the child's wait
 * status, or -1 (with a diagnostic) if it could not be made or reaped. */
static int
run_child(int (*fn)(void))
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	if (pid < 0) {
		diag("fork: -1, errno %d", errno);
		return -1;
	}
	return wait_for(pid);
}

/* Record "r == -1 with errno e == want"; the values on failure. */
static void
fails_with(long r, int e, int want, const char *name)
{
	if (!ok(r == -1 && e == want, "%s", name))
		diag("returned %ld, errno %d (expected -1, %d)", r, e, want);
}

/* A status that says "exited with code". */
static int
exited_with(int status, int code)
{
	return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == code;
}

/* --- fork and wait ----------------------------------------------------- */

static pid_t parent_pid;

/* In the child: its ids against the parent's; 0 if right. */
static int
child_ids(void)
{
	return getppid() == parent_pid && getpid() != parent_pid &&
	       gettid() == getpid() ? 0 : 1;
}

/* fork returns twice; waitpid hands back the pid and the status. */
static void
test_fork(void)
{
	int status;
	pid_t pid, got;

	parent_pid = getpid();
	is(gettid(), getpid(), "gettid() == getpid() in a single-threaded process");
	ok(getppid() >= 0, "getppid() >= 0");
	pid = fork();
	if (pid == 0)
		_exit(child_ids());
	if (!ok(pid > 0, "fork returns the child's pid in the parent")) {
		diag("fork: %d, errno %d", pid, errno);
		skip(2, "no child");
		return;
	}
	ok(pid != parent_pid, "the child's pid is not the parent's");
	got = waitpid(pid, &status, 0);
	if (!ok(got == pid && exited_with(status, 0),
		"child: fork() == 0, its own pid, getppid() == the parent"))
		diag("waitpid: %d, status %#x", got, status);
}

/* Exit codes for the status tests. */
static int
exit_42(void)
{
	return 42;
}

static int
exit_511(void)
{
	return 0x1ff;
}

/* RLIMIT_CORE = 0: a child killed on purpose leaves no core file (where
 * the kernel has no prlimit64, it has no core files either). */
static void
no_core(void)
{
	struct rlimit64 none = { 0, 0 };

	syscall(SYS_prlimit64, 0, RLIMIT_CORE, &none, NULL);
}

/* A child that dies of SIGSEGV. */
static int
segfault(void)
{
	no_core();
	*(volatile int *)0 = 1;
	return 0;
}

/* The status word as Linux encodes it, read with the W* macros. */
static void
test_status(void)
{
	int s = run_child(exit_42);

	if (!ok(s != -1 && WIFEXITED(s) && !WIFSIGNALED(s) && !WIFSTOPPED(s),
		"_exit(42): WIFEXITED, not WIFSIGNALED/WIFSTOPPED"))
		diag("status %#x", s);
	is(WEXITSTATUS(s), 42, "WEXITSTATUS == 42");
	s = run_child(exit_511);
	if (!ok(exited_with(s, 0xff), "_exit(0x1ff): only the low 8 bits arrive"))
		diag("status %#x", s);
	s = run_child(segfault);
	if (!ok(s != -1 && WIFSIGNALED(s) && !WIFEXITED(s) && WTERMSIG(s) == SIGSEGV,
		"a NULL write: WIFSIGNALED, WTERMSIG == SIGSEGV"))
		diag("status %#x", s);
	ok(W_EXITCODE(3, 0) == 0x300 && WIFSTOPPED(W_STOPCODE(19)) &&
	   WSTOPSIG(W_STOPCODE(19)) == 19 && WIFCONTINUED(0xffff) &&
	   !WIFSIGNALED(0x137f) && WIFSIGNALED(0x8b) && WCOREDUMP(0x8b),
	   "W* macros decode glibc's encodings");
}

/* --- copy-on-write ----------------------------------------------------- */

static char *heap_buf;

/* In the child: overwrite the data and heap the parent checks; 0 if the
 * writes took. */
static int
write_everything(void)
{
	shared = 2;
	heap_buf[0] = 'C';
	return shared == 2 && heap_buf[0] == 'C' ? 0 : 1;
}

/* The child's writes to data, heap and stack stay in the child. */
static void
test_cow(void)
{
	volatile int local = 5;
	pid_t pid;
	int s;

	shared = 1;
	heap_buf = malloc(64);
	strcpy(heap_buf, "parent");
	pid = fork();
	if (pid == 0) {
		local = 6;
		_exit(write_everything() || local != 6);
	}
	s = pid > 0 ? wait_for(pid) : -1;
	if (!ok(exited_with(s, 0), "the child saw its own writes"))
		diag("status %#x", s);
	if (!ok(shared == 1 && local == 5 && !strcmp(heap_buf, "parent"),
		"the parent's data, stack and heap are unchanged"))
		diag("data %d, stack %d, heap \"%s\"", shared, local, heap_buf);
	free(heap_buf);
}

/* --- vfork --------------------------------------------------------------- */

/* vfork: the child's write is the parent's; the parent's frame survives
 * the child's calls (execve's frames land where vfork's return address
 * was) and vfork returns to the right place. */
static void
test_vfork(void)
{
	char *const argv[] = { "/nonexistent/vfork-child", NULL };
	char *const envp[] = { NULL };
	volatile int canary = 0x5eed;
	pid_t pid;
	int s;

	shared = 0;
	pid = vfork();
	if (pid == 0) {
		shared = 1;
		_exit(3);
	}
	if (!ok(pid > 0, "vfork returns the child's pid in the parent")) {
		diag("vfork: %d, errno %d", pid, errno);
		skip(4, "no vfork");
		return;
	}
	s = wait_for(pid);
	if (!ok(exited_with(s, 3), "the child's _exit(3) arrives"))
		diag("status %#x", s);
	if (shared != 1 && qemu_user)
		skip(1, "qemu-user emulates vfork with fork: no shared memory");
	else
		is(shared, 1, "the child's write is visible: it ran in our memory");

	/* The classic pattern: execve (failing here), then _exit. */
	pid = vfork();
	if (pid == 0) {
		execve(argv[0], argv, envp);
		_exit(errno == ENOENT ? 4 : 5);
	}
	s = pid > 0 ? wait_for(pid) : -1;
	if (!ok(exited_with(s, 4), "vfork child: execve fails with ENOENT, then _exit"))
		diag("status %#x", s);
	is(canary, 0x5eed, "the parent's frame is intact after vfork + execve");
}

/* --- exec ---------------------------------------------------------------- */

/* The exec'd program: check argv and the environment for `mode`. */
static int
exec_child(int argc, char **argv)
{
	const char *v;

	if (argc != 4 || strcmp(argv[3], "last argument"))
		return EXEC_BAD;
	if (!strcmp(argv[2], "execve")) {
		v = getenv("LIBC_PROC");
		return v && !strcmp(v, "from execve") && !getenv("LIBC_TEST_ENV")
			? EXEC_OK : EXEC_BAD;
	}
	if (!strcmp(argv[2], "execvp")) {
		v = getenv("PATH");
		return v && !strncmp(v, "/nonexistent:", 13) ? EXEC_OK : EXEC_BAD;
	}
	return EXEC_BAD;
}

static char path_env[300];

/* execvp finds us through PATH: a missing directory first, then ours. */
static int
child_execvp(void)
{
	char *env[] = { path_env, NULL };
	char *argv[] = { (char *)strrchr(self, '/') + 1, "exec-child", "execvp",
			 "last argument", NULL };

	environ = env;
	execvp(argv[0], argv);
	return 100 + errno;
}

/*
 * Judge an exec'd child's status. Under qemu-user the emulator hands
 * execve to the host kernel, which cannot run an i386 program without
 * binfmt_misc (ENOEXEC): the file was found and opened, so the path
 * handling was right, but the run cannot be checked there.
 */
static void
exec_result(int s, const char *name)
{
	if (qemu_user && exited_with(s, 100 + ENOEXEC)) {
		skip(1, "qemu-user: the host cannot execute an i386 program (ENOEXEC)");
		return;
	}
	if (!ok(exited_with(s, EXEC_OK), "%s", name))
		diag("status %#x (%d: checks failed; 100 + n: exec failed with errno n)",
		     s, EXEC_BAD);
}

/* Failing exec calls return -1 and errno to a caller that goes on;
 * successful ones run the program with exactly the argv and envp given. */
static void
test_exec(void)
{
	char *argv[] = { (char *)self, "exec-child", "execve", "last argument", NULL };
	char *envp[] = { "LIBC_PROC=from execve", NULL };
	const char *slash = strrchr(self, '/');
	pid_t pid;
	int r, s;

	r = execve("/nonexistent/program", argv, envp);
	fails_with(r, errno, ENOENT, "execve(missing file): -1, ENOENT, and we go on");
	r = execv("/nonexistent/program", argv);
	fails_with(r, errno, ENOENT, "execv(missing file): -1, ENOENT");
	r = execvp("/nonexistent/program", argv);
	fails_with(r, errno, ENOENT, "execvp(name with a '/'): used as is");
	r = execvp("libc-proc-no-such-program", argv);
	fails_with(r, errno, ENOENT, "execvp(name on no PATH directory): ENOENT");
	r = execvp("", argv);
	fails_with(r, errno, ENOENT, "execvp(\"\"): ENOENT");

	pid = fork();
	if (pid == 0) {
		execve(self, argv, envp);
		_exit(100 + errno);
	}
	s = pid > 0 ? wait_for(pid) : -1;
	exec_result(s, "execve runs the program with exactly our argv and envp");

	if (!slash || (size_t)(slash - self) > sizeof path_env - 32) {
		skip(1, "argv[0] has no directory");
		return;
	}
	snprintf(path_env, sizeof path_env, "PATH=/nonexistent:%.*s",
		 (int)(slash - self), self);
	s = run_child(child_execvp);
	exec_result(s, "execvp searches PATH past a missing directory");
}

/* --- clone --------------------------------------------------------------- */

static char clone_stack[64 * 1024] __attribute__((aligned(16)));

/* The clone child: note whether fn's argument sits on a 16-byte
 * boundary (clone aligns the stack), write `shared`, exit 9 (10 if the
 * argument was misplaced). */
static int
clone_fn(void *arg)
{
	shared = (int)(intptr_t)arg;
	return ((uintptr_t)&arg & 15) ? 10 : 9;
}

/* Wait (10 s at most) until the kernel zeroes *tid and wakes it as a
 * futex, as CLONE_CHILD_CLEARTID does at the task's exit; 1 if it did.
 * The wake is a shared futex one: FUTEX_WAIT, not FUTEX_WAIT_PRIVATE. */
static int
wait_cleared(volatile int *tid)
{
	struct timespec tenth = { 0, 100000000 };
	int t, tries;

	for (tries = 0; (t = *tid) != 0 && tries < 100; tries++)
		if (syscall(SYS_futex, tid, FUTEX_WAIT, t, &tenth) < 0 &&
		    errno == ENOSYS)
			nanosleep(&tenth, NULL);
	return *tid == 0;
}

/* The top of clone_stack, deliberately misaligned. */
static void *
stack_top(void)
{
	return clone_stack + sizeof clone_stack - 5;
}

/* clone: argument checks, a child process with and without CLONE_VM, and
 * a thread-style child that the parent waits for through its ctid. */
static void
test_clone(void)
{
	int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
		    CLONE_THREAD | CLONE_SYSVSEM | CLONE_PARENT_SETTID |
		    CLONE_CHILD_CLEARTID;
	volatile int tid = -1;
	int ptid = 0, r, s;

	r = clone(NULL, stack_top(), SIGCHLD, NULL);
	fails_with(r, errno, EINVAL, "clone(NULL fn): -1, EINVAL");
	r = clone(clone_fn, NULL, SIGCHLD, NULL);
	fails_with(r, errno, EINVAL, "clone(NULL stack): -1, EINVAL");

	/* A new process with its own copy of memory. */
	shared = 0;
	r = clone(clone_fn, stack_top(), SIGCHLD, (void *)11);
	s = r > 0 ? wait_for(r) : -1;
	if (!ok(exited_with(s, 9), "clone(SIGCHLD): fn(arg) ran on an aligned stack "
		"and its value is the exit status"))
		diag("clone: %d, errno %d, status %#x", r, errno, s);
	is(shared, 0, "without CLONE_VM the child's write stays in the child");

	/* The same memory, still a separate process. */
	r = clone(clone_fn, stack_top(), CLONE_VM | SIGCHLD, (void *)12);
	if (r < 0 && errno == EINVAL && qemu_user) {
		skip(2, "qemu-user refuses CLONE_VM without CLONE_THREAD");
	} else {
		if (r < 0)
			diag("clone: -1, errno %d", errno);
		s = r > 0 ? wait_for(r) : -1;
		if (!ok(exited_with(s, 9), "clone(CLONE_VM | SIGCHLD): a child process"))
			diag("status %#x", s);
		is(shared, 12, "with CLONE_VM the child's write is ours");
	}

	/* A thread: no exit signal, no wait; the kernel clears *ctid at its
	 * exit and wakes the futex there. */
	shared = 0;
	r = clone(clone_fn, stack_top(), flags, (void *)13, &ptid, NULL, &tid);
	if (!ok(r > 0 && ptid == r, "clone(CLONE_THREAD | ...): its tid, also in *ptid"))
		diag("clone: %d (errno %d), *ptid %d", r, errno, ptid);
	if (!ok(r > 0 && wait_cleared(&tid) && shared == 13,
		"the thread wrote its argument and is gone (*ctid cleared)"))
		diag("shared %d, *ctid %d", shared, tid);
}

/* --- pipes, dup, fcntl ------------------------------------------------- */

static int pipe_fds[2];

/* In the child: write a message into the pipe; 0 if it all went in. */
static int
child_writes_pipe(void)
{
	static const char msg[] = "through the pipe";

	close(pipe_fds[0]);
	return write(pipe_fds[1], msg, sizeof msg - 1) == sizeof msg - 1 ? 0 : 1;
}

/* fd's FD_CLOEXEC bit, or -1. */
static int
cloexec(int fd)
{
	int f = fcntl(fd, F_GETFD);

	return f < 0 ? -1 : f & FD_CLOEXEC;
}

/* pipe, pipe2, dup, dup2, dup3, fcntl (F_GETFL, F_GETFD/F_SETFD,
 * F_DUPFD), close, and a pipe between parent and child. */
static void
test_pipe(void)
{
	char buf[64];
	int fds[2], d, r, s;
	ssize_t n, total;

	if (!ok(pipe(fds) == 0, "pipe")) {
		diag("errno %d", errno);
		skip(13, "no pipe");
		return;
	}
	ok(write(fds[1], "hello", 5) == 5 && read(fds[0], buf, sizeof buf) == 5 &&
	   !memcmp(buf, "hello", 5), "what goes in one end comes out the other");
	ok((fcntl(fds[0], F_GETFL) & O_ACCMODE) == O_RDONLY &&
	   (fcntl(fds[1], F_GETFL) & O_ACCMODE) == O_WRONLY,
	   "fcntl(F_GETFL): read end O_RDONLY, write end O_WRONLY");
	is(cloexec(fds[0]), 0, "pipe(): no FD_CLOEXEC");

	d = dup(fds[1]);
	if (!ok(d > 2 && d != fds[0] && d != fds[1], "dup: a new descriptor"))
		diag("dup: %d, errno %d", d, errno);
	r = dup2(fds[0], 40);
	is(r, 40, "dup2(fd, 40) == 40");
	ok(write(d, "x", 1) == 1 && read(40, buf, 1) == 1 && buf[0] == 'x',
	   "the duplicates are the same pipe");
	is(dup2(40, 40), 40, "dup2(fd, fd) == fd");
	r = dup3(40, 40, 0);
	fails_with(r, errno, EINVAL, "dup3(fd, fd): EINVAL");
	ok(dup3(fds[0], 41, O_CLOEXEC) == 41 && cloexec(41) == FD_CLOEXEC,
	   "dup3(O_CLOEXEC) sets FD_CLOEXEC");
	ok(fcntl(40, F_SETFD, FD_CLOEXEC) == 0 && cloexec(40) == FD_CLOEXEC,
	   "fcntl(F_SETFD, FD_CLOEXEC)");
	r = fcntl(fds[0], F_DUPFD, 30);
	is(r, 30, "fcntl(F_DUPFD, 30): the lowest free descriptor >= 30");
	close(r);
	close(d);
	close(40);
	close(41);
	close(fds[0]);
	close(fds[1]);
	r = close(fds[0]);
	fails_with(r, errno, EBADF, "close(closed fd): EBADF");

	ok(pipe2(fds, O_CLOEXEC) == 0 && cloexec(fds[0]) == FD_CLOEXEC &&
	   cloexec(fds[1]) == FD_CLOEXEC, "pipe2(O_CLOEXEC): both ends FD_CLOEXEC");
	close(fds[0]);
	close(fds[1]);

	/* Parent and child: the child writes, the parent reads to EOF. */
	if (pipe(pipe_fds)) {
		skip(1, "no pipe");
		return;
	}
	s = -1;
	total = 0;
	r = fork();
	if (r == 0)
		_exit(child_writes_pipe());
	close(pipe_fds[1]);
	if (r > 0) {
		while ((n = read(pipe_fds[0], buf + total, sizeof buf - 1 - total)) > 0)
			total += n;
		s = wait_for(r);
	}
	close(pipe_fds[0]);
	buf[total] = 0;
	if (!ok(exited_with(s, 0) && !strcmp(buf, "through the pipe"),
		"child to parent through a pipe, EOF once the child has exited"))
		diag("read \"%s\", status %#x", buf, s);
}

/* --- mmap ---------------------------------------------------------------- */

static volatile char *ro_page;

/* In the child: write to the page made read-only; must die of SIGSEGV. */
static int
write_ro_page(void)
{
	no_core();
	ro_page[0] = 1;
	return 0;
}

/* Anonymous mmap, the offset check, mprotect (a write then faults), munmap. */
static void
test_mmap(void)
{
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int i, zero = 1, s;
	void *q;

	if (!ok(p != MAP_FAILED, "mmap(anonymous, 8 KiB)")) {
		diag("errno %d", errno);
		skip(5, "no mmap");
		return;
	}
	is((uintptr_t)p & 4095, 0, "page aligned");
	for (i = 0; i < 8192; i++)
		zero &= p[i] == 0;
	memset(p, 0xa5, 8192);
	ok(zero && (unsigned char)p[8191] == 0xa5, "zero-filled and writable");

	q = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 100);
	fails_with(q == MAP_FAILED ? -1 : 0, errno, EINVAL,
		   "mmap(offset 100): MAP_FAILED, EINVAL (not a page multiple)");

	if (!ok(mprotect(p + 4096, 4096, PROT_READ) == 0 && (unsigned char)p[4096] == 0xa5,
		"mprotect(PROT_READ): still readable"))
		diag("errno %d", errno);
	ro_page = p + 4096;
	s = run_child(write_ro_page);
	if (!ok(s != -1 && WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV,
		"writing the read-only page kills with SIGSEGV"))
		diag("status %#x", s);
	if (!ok(munmap(p, 8192) == 0, "munmap"))
		diag("errno %d", errno);
}

/* --- the rest ------------------------------------------------------------ */

/* sched_yield, and waiting with no children left. */
static void
test_misc(void)
{
	int status;

	pid_t r;

	is(sched_yield(), 0, "sched_yield() == 0");
	r = waitpid(-1, &status, WNOHANG);
	fails_with(r, errno, ECHILD, "waitpid(-1, WNOHANG) with no children: ECHILD");
	r = wait(&status);
	fails_with(r, errno, ECHILD, "wait() with no children: ECHILD");
}

/* The tests in order; as "NAME exec-child ...", the exec target. */
int
main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "exec-child"))
		return exec_child(argc, argv);
	self = argv[0];
	qemu_user = getenv("LIBC_TEST_QEMU_USER") != NULL;
	test_fork();
	test_status();
	test_cow();
	test_vfork();
	test_exec();
	test_clone();
	test_pipe();
	test_mmap();
	test_misc();
	return done_testing();
}
