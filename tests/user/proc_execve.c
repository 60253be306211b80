/*
 * proc_execve: execve(2) (11).
 *
 * A failing execve leaves the caller running, with Linux 6.1's errno:
 *
 *   ENOENT        a missing file, a missing directory on the way, ""
 *   EACCES        a directory ("/tests", "/tests/", "/")
 *   ENOTDIR       a regular file used as a directory on the way
 *   ENAMETOOLONG  a path of 4096 bytes or more, a component over 255
 *   EFAULT        the path, argv or envp pointer, or one of their
 *                 strings, unreadable
 *   E2BIG         one argument or environment string longer than
 *                 MAX_ARG_STRLEN (32 pages)
 *
 * (ENOEXEC is not tried: the initramfs has no executable non-ELF file.)
 *
 * A succeeding execve replaces the image: the new program (this one
 * again, argv[1] naming the part to play) gets exactly the argv and envp
 * given, keeps its pid and parent and the descriptors without
 * FD_CLOEXEC, loses the O_CLOEXEC ones, starts from fresh data, and its
 * exit status is what the parent's wait4 sees. argv NULL gives argc 1
 * with argv[0] "" (Linux since 5.18); envp NULL an empty environment.
 * A child sharing our descriptor table (CLONE_FILES) that execs closes
 * its O_CLOEXEC descriptors in a table of its own, not in ours. A
 * relative path is looked up from the working directory.
 *
 * In a threaded process execve ends the other threads (Linux's
 * de_thread): after the leader's exec a sibling thread that kept writing
 * to a pipe writes no more; after a non-leader's exec the new image
 * runs under the leader's pid, with gettid() == getpid().
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "lib/proc_raw.h"
#include "lib/tap.h"

#define MAX_ARG_STRLEN	(32 * 4096)
#define STACK_SIZE	16384

/* Changed by the parent before exec: the new image must see it fresh. */
static int marker = 12345;
static const char *self;
static char huge[MAX_ARG_STRLEN + 16];
static char longpath[5000];
static char thread_stack[STACK_SIZE] __attribute__((aligned(16)));

/* What an exec'd image saw, sent back through a pipe. */
struct seen {
	int argc, argv_ok, envc, env_ok;
	int pid, ppid, tid, marker;
	int cloexec_gone, kept_open, execfn_ok;
};

/* The number of strings in a NULL-terminated vector (0 for NULL). */
static int
count(char **v)
{
	int n = 0;

	while (v && v[n])
		n++;
	return n;
}

/* ---- the parts the new image plays (argv[1]) ---- */

static const char *const image_args[] = { "image", "a", "b c", "", "last" };
static const char *const image_env[] = { "X=1", "EMPTY=", "LAST=z" };

/* argv: self, "image", "a", "b c", "", "last", report fd, cloexec fd */
static int
play_image(int argc, char **argv, char **envp)
{
	struct seen s;
	int report = atoi(argv[argc - 2]), cloexec = atoi(argv[argc - 1]);
	const char *execfn = (const char *)getauxval(AT_EXECFN);

	memset(&s, 0, sizeof(s));
	s.argc = argc;
	s.argv_ok = argc == 8 && !strcmp(argv[0], self);
	for (int i = 0; s.argv_ok && i < 5; i++)
		s.argv_ok = !strcmp(argv[i + 1], image_args[i]);
	s.envc = count(envp);
	s.env_ok = s.envc == 3 && envp == environ;
	for (int i = 0; s.env_ok && i < 3; i++)
		s.env_ok = !strcmp(envp[i], image_env[i]);
	s.pid = getpid();
	s.ppid = getppid();
	s.tid = syscall(SYS_gettid);
	s.marker = marker;
	errno = 0;
	s.cloexec_gone = syscall(SYS_fcntl64, cloexec, F_GETFD) == -1 &&
			 errno == EBADF;
	s.kept_open = syscall(SYS_fcntl64, report, F_GETFD) == 0;
	s.execfn_ok = execfn && !strcmp(execfn, self);
	write(report, &s, sizeof(s));
	return 42;
}

/* argv: self, "cloexec", report fd, cloexec fd */
static int
play_cloexec(char **argv)
{
	struct seen s;

	memset(&s, 0, sizeof(s));
	errno = 0;
	s.cloexec_gone = syscall(SYS_fcntl64, atoi(argv[3]), F_GETFD) == -1 &&
			 errno == EBADF;
	write(atoi(argv[2]), &s, sizeof(s));
	return 0;
}

/* argv NULL: argc 1, argv[0] ""; the report fd comes in the environment. */
static int
play_null_argv(int argc, char **argv, char **envp)
{
	struct seen s;
	const char *fd = getenv("REPORT_FD");

	memset(&s, 0, sizeof(s));
	s.argc = argc;
	s.argv_ok = argc == 1 && argv[0] && !argv[0][0] && !argv[1];
	s.envc = count(envp);
	if (!fd)
		return 3;
	write(atoi(fd), &s, sizeof(s));
	return 0;
}

/* argv: self, "null-envp", report fd */
static int
play_null_envp(int argc, char **argv, char **envp)
{
	struct seen s;

	memset(&s, 0, sizeof(s));
	s.argc = argc;
	s.envc = count(envp);
	s.env_ok = environ && !environ[0] && !getenv("HOME");
	write(atoi(argv[2]), &s, sizeof(s));
	return 0;
}

/*
 * After the leader's exec (argv: self, "after-leader-exec", pid, report
 * fd): mark the exec in the pipe, give any surviving sibling 50 ms to
 * write, mark the end.
 */
static int
play_after_leader_exec(char **argv)
{
	int report = atoi(argv[3]);
	int bad = (getpid() != atoi(argv[2])) |
		  (syscall(SYS_gettid) != getpid()) << 1;

	write(report, "E", 1);
	for (int i = 0; i < 10; i++) {
		sched_yield();
		sleep_ms(5);
	}
	write(report, "Z", 1);
	return bad;
}

/* After a non-leader's exec (argv: self, "after-thread-exec", tgid). */
static int
play_after_thread_exec(char **argv)
{
	return (getpid() != atoi(argv[2])) |
	       (syscall(SYS_gettid) != getpid()) << 1;
}

/* ---- failures ---- */

/* execve must fail with errno e, and we go on. */
static void
fails(const char *path, char *const *argv, char *const *envp, int e,
      const char *what)
{
	long r;

	errno = 0;
	r = syscall(SYS_execve, path, argv, envp);
	if (!ok(r == -1 && errno == e, "%s: %s", what, strerror(e)))
		diag("got %ld, errno %d", r, errno);
}

/*
 * For calls that name this very program: run them in a child, so that
 * a kernel that wrongly succeeds replaces the child, not us. The child
 * exits with the errno; the image, if it runs, with 254 ("must-not-run").
 */
static void
fails_in_child(char *const *argv, char *const *envp, int e,
	       const char *what)
{
	pid_t pid = xfork();
	int st = -1;

	if (pid == 0) {
		syscall(SYS_execve, self, argv, envp);
		_exit(errno);
	}
	if (!ok(pid > 0 && xwait4(pid, &st, 0) == pid && st == e << 8,
		"%s: %s", what, strerror(e)))
		diag("status 0x%x", st);
}

static void
test_failures(void)
{
	char *const argv[] = { "x", NULL };
	char *const bad_argv[] = { "x", (char *)0xc0000000, NULL };
	char *const no_run[] = { (char *)self, "must-not-run", NULL };
	char *const huge_arg[] = { (char *)self, "must-not-run", huge, NULL };
	char *const huge_env[] = { huge, NULL };
	char *const bad_env[] = { "A=1", (char *)16, NULL };
	char notdir[128];
	pid_t me = getpid();

	fails("/no/such/file", argv, NULL, ENOENT, "a missing file");
	fails("/tests/no-such-test", argv, NULL, ENOENT, "a missing test");
	fails("/no/such/dir/file", argv, NULL, ENOENT, "a missing directory");
	fails("", argv, NULL, ENOENT, "an empty path");
	fails("/tests", argv, NULL, EACCES, "the directory /tests");
	fails("/tests/", argv, NULL, EACCES, "\"/tests/\"");
	fails("/", argv, NULL, EACCES, "the root directory");
	snprintf(notdir, sizeof(notdir), "%s/x", self);
	fails(notdir, argv, NULL, ENOTDIR, "a file used as a directory");

	memset(longpath, 'a', sizeof(longpath) - 1);
	longpath[0] = '/';
	fails(longpath, argv, NULL, ENAMETOOLONG, "a 4999-byte path");
	longpath[4096] = '\0';
	fails(longpath, argv, NULL, ENAMETOOLONG, "a 4096-byte path");
	longpath[300] = '\0';
	fails(longpath, argv, NULL, ENAMETOOLONG, "a 299-byte component");

	fails(NULL, argv, NULL, EFAULT, "a NULL path");
	fails((char *)16, argv, NULL, EFAULT, "an unmapped path");
	fails((char *)0xc0000000, argv, NULL, EFAULT, "a kernel path");
	fails_in_child((char **)16, NULL, EFAULT, "an unmapped argv");
	fails_in_child(bad_argv, NULL, EFAULT, "a kernel pointer in argv");
	fails_in_child(no_run, (char **)0xc0000000, EFAULT,
		       "a kernel envp pointer");
	fails_in_child(no_run, bad_env, EFAULT, "an unmapped envp string");

	memset(huge, 'h', MAX_ARG_STRLEN);
	huge[MAX_ARG_STRLEN] = '\0';
	fails_in_child(huge_arg, NULL, E2BIG, "a 128 KiB argument");
	memcpy(huge, "H=", 2);
	fails_in_child(no_run, huge_env, E2BIG, "a 128 KiB environment string");

	is(getpid(), me, "after all that we are still ourselves");
	is(marker, 12345, "with our data");
}

/* ---- success ---- */

/*
 * Fork a child that execs this program with argv and envp (our marker
 * is 999 in the child before the exec); its pid.
 */
static pid_t
exec_child(char *const *argv, char *const *envp)
{
	pid_t pid;

	marker = 999;
	pid = xfork();
	if (pid == 0) {
		syscall(SYS_execve, self, argv, envp);
		_exit(200 + (errno & 31));
	}
	marker = 12345;
	return pid;
}

static void
test_replaces_image(void)
{
	int report[2], cloexec[2], st = -1;
	char rfd[16], cfd[16];
	char *argv[9], *envp[4];
	struct seen s;
	pid_t pid;

	xpipe(report);
	syscall(SYS_pipe2, cloexec, O_CLOEXEC);
	snprintf(rfd, sizeof(rfd), "%d", report[1]);
	snprintf(cfd, sizeof(cfd), "%d", cloexec[0]);
	argv[0] = (char *)self;
	for (int i = 0; i < 5; i++)
		argv[i + 1] = (char *)image_args[i];
	argv[6] = rfd;
	argv[7] = cfd;
	argv[8] = NULL;
	for (int i = 0; i < 3; i++)
		envp[i] = (char *)image_env[i];
	envp[3] = NULL;
	pid = exec_child(argv, envp);
	close(report[1]);
	close(cloexec[0]);
	close(cloexec[1]);
	if (!ok(read_full(report[0], &s, sizeof(s)) == 0,
		"the new image reported")) {
		close(report[0]);
		xwait4(pid, &st, 0);
		diag("status 0x%x", st);
		return;
	}
	close(report[0]);
	is(s.argc, 8, "argc");
	ok(s.argv_ok, "argv, string for string (\"\" included)");
	is(s.envc, 3, "envp has 3 strings");
	ok(s.env_ok, "envp, string for string; environ is envp");
	is(s.pid, pid, "the pid is kept");
	is(s.tid, pid, "gettid() is the pid");
	is(s.ppid, getpid(), "the parent is kept");
	is(s.marker, 12345, "the data is the program's, not the caller's");
	ok(s.cloexec_gone, "an O_CLOEXEC descriptor is closed");
	ok(s.kept_open, "a plain descriptor stays open");
	ok(s.execfn_ok, "AT_EXECFN is the path");
	is(xwait4(pid, &st, 0), pid, "wait4 reaps the new image");
	is(st, 42 << 8, "with its exit status 42");
}

static void
test_null_vectors(void)
{
	int report[2], st = -1;
	char env0[32], rfd[16];
	char *envp[] = { env0, NULL };
	char *argv[] = { (char *)self, "null-envp", rfd, NULL };
	struct seen s;
	pid_t pid;

	xpipe(report);
	snprintf(env0, sizeof(env0), "REPORT_FD=%d", report[1]);
	pid = exec_child(NULL, envp);
	memset(&s, 0, sizeof(s));
	if (ok(read_full(report[0], &s, sizeof(s)) == 0,
	       "argv NULL: the new image reported")) {
		is(s.argc, 1, "argv NULL: argc is 1");
		ok(s.argv_ok, "argv NULL: argv[0] is \"\"");
		is(s.envc, 1, "argv NULL: envp as given");
	}
	is(xwait4(pid, &st, 0), pid, "argv NULL: reaped");
	is(st, 0, "argv NULL: status 0");

	snprintf(rfd, sizeof(rfd), "%d", report[1]);
	pid = exec_child(argv, NULL);
	close(report[1]);
	memset(&s, 0, sizeof(s));
	if (ok(read_full(report[0], &s, sizeof(s)) == 0,
	       "envp NULL: the new image reported")) {
		is(s.argc, 3, "envp NULL: argc 3");
		is(s.envc, 0, "envp NULL: no environment");
		ok(s.env_ok, "envp NULL: environ is empty");
	}
	close(report[0]);
	is(xwait4(pid, &st, 0), pid, "envp NULL: reaped");
	is(st, 0, "envp NULL: status 0");
}

/*
 * A child that shares our descriptor table (posix_spawn's CLONE_VM |
 * CLONE_VFORK | CLONE_FILES) execs: the exec gives it a table of its
 * own before closing the O_CLOEXEC descriptors, so ours stay open.
 */
static char spawn_stack[STACK_SIZE] __attribute__((aligned(16)));
static char *spawn_argv[4];

/* The CLONE_VM | CLONE_VFORK | CLONE_FILES child: exec, or exit 103. */
static int
spawn_exec(void *arg)
{
	(void)arg;
	syscall(SYS_execve, self, spawn_argv, NULL);
	return 103;
}

static void
test_shared_table(void)
{
	int report[2], cloexec[2], st = -1;
	char rfd[16], cfd[16];
	struct seen s;
	long pid;

	xpipe(report);
	syscall(SYS_pipe2, cloexec, O_CLOEXEC);
	snprintf(rfd, sizeof(rfd), "%d", report[1]);
	snprintf(cfd, sizeof(cfd), "%d", cloexec[0]);
	spawn_argv[0] = (char *)self;
	spawn_argv[1] = "cloexec";
	spawn_argv[2] = rfd;
	spawn_argv[3] = cfd;
	pid = clone_call(CLONE_VM | CLONE_VFORK | CLONE_FILES | SIGCHLD,
			 spawn_stack + STACK_SIZE, NULL, NULL, NULL, spawn_exec,
			 NULL);
	if (!ok(pid > 0, "clone(CLONE_VM | CLONE_VFORK | CLONE_FILES), then "
		"execve")) {
		close(report[0]);
		close(report[1]);
		close(cloexec[0]);
		close(cloexec[1]);
		return;
	}
	close(report[1]);
	memset(&s, 0, sizeof(s));
	ok(read_full(report[0], &s, sizeof(s)) == 0 && s.cloexec_gone,
	   "the exec'd child no longer has the O_CLOEXEC descriptor");
	close(report[0]);
	is(syscall(SYS_fcntl64, cloexec[0], F_GETFD), FD_CLOEXEC,
	   "we still have it: the exec did not close it in our table");
	is(write(cloexec[1], "w", 1), 1, "and its pipe still works");
	is(xwait4(pid, &st, 0), pid, "the spawned child is reaped");
	is(st, 0, "its status");
	close(cloexec[0]);
	close(cloexec[1]);
}

/*
 * Relative paths resolve from the working directory: from /tests,
 * "proc_execve" and "../tests/./proc_execve"; from /, "tests/proc_execve".
 */
static void
test_relative(void)
{
	static const struct { const char *cwd, *path; } c[] = {
		{ "/tests", "proc_execve" },
		{ "/tests", "../tests/./proc_execve" },
		{ "/", "tests/proc_execve" },
	};

	for (int i = 0; i < 3; i++) {
		char *argv[] = { (char *)c[i].path, "exit-now", NULL };
		pid_t pid = xfork();
		int st = -1;

		if (pid == 0) {
			if (syscall(SYS_chdir, c[i].cwd))
				_exit(101);
			syscall(SYS_execve, c[i].path, argv, NULL);
			_exit(200 + (errno & 31));
		}
		if (!is(xwait4(pid, &st, 0) == pid ? st : -1, 77 << 8,
			"in %s, execve(\"%s\") runs the program", c[i].cwd,
			c[i].path))
			diag("status 0x%x (200 + errno if the exec failed)", st);
	}
}

/* ---- exec in a threaded process ---- */

static volatile int started, tid_word, forever;

/* A sibling that writes a 'T' to fd every 5 ms, as long as it lives. */
static int
ticker(void *arg)
{
	int fd = (long)arg;

	started = 1;
	xfutex_wake(&started, 1);
	for (;;) {
		write(fd, "T", 1);
		sleep_ms(5);
	}
	return 0;
}

static void
test_leader_exec(void)
{
	int report[2], st = -1, after_e = 0, z = 0;
	char c, pidarg[16], fdarg[16];
	pid_t pid;

	xpipe(report);
	pid = xfork();
	if (pid == 0) {
		char *argv[] = { (char *)self, "after-leader-exec", pidarg,
				 fdarg, NULL };

		close(report[0]);
		snprintf(pidarg, sizeof(pidarg), "%d", getpid());
		snprintf(fdarg, sizeof(fdarg), "%d", report[1]);
		if (clone_call(THREAD_FLAGS | CLONE_PARENT_SETTID |
			       CLONE_CHILD_CLEARTID, thread_stack + STACK_SIZE,
			       (int *)&tid_word, NULL, (int *)&tid_word, ticker,
			       (void *)(long)report[1]) <= 0)
			_exit(100);
		while (!started)
			xfutex_wait(&started, 0);
		syscall(SYS_execve, self, argv, NULL);
		_exit(101);
	}
	close(report[1]);
	while (read(report[0], &c, 1) == 1) {
		if (c == 'E')
			after_e = 1;
		else if (c == 'Z')
			z = 1;
		else if (c == 'T' && after_e && !z)
			after_e++;
	}
	close(report[0]);
	is(xwait4(pid, &st, 0), pid, "leader's exec: reaped");
	is(st, 0, "leader's exec: the new image has the pid, gettid() == "
	   "getpid()");
	ok(after_e && z, "leader's exec: the new image ran");
	if (!is(after_e, 1, "leader's exec: the sibling thread wrote nothing "
		"after it"))
		diag("%d writes by the old thread after the exec", after_e - 1);
}

/* A non-leader thread execs; the leader sleeps forever meanwhile. */
static int
thread_execs(void *arg)
{
	char *argv[] = { (char *)self, "after-thread-exec", arg, NULL };

	syscall(SYS_execve, self, argv, NULL);
	return 102;
}

static void
test_thread_exec(void)
{
	char pidarg[16];
	pid_t pid;
	int st = -1;

	pid = xfork();
	if (pid == 0) {
		snprintf(pidarg, sizeof(pidarg), "%d", getpid());
		if (clone_call(THREAD_FLAGS, thread_stack + STACK_SIZE, NULL,
			       NULL, NULL, thread_execs, pidarg) <= 0)
			_exit(100);
		for (;;)
			xfutex_wait(&forever, 0);
	}
	is(xwait4(pid, &st, 0), pid, "a thread's exec: the process is reaped");
	if (!is(st, 0, "a thread's exec: the new image runs under the "
		"leader's pid, gettid() == getpid()"))
		diag("status 0x%x (bit 0: getpid, bit 1: gettid)", st);
}

int
main(int argc, char **argv, char **envp)
{
	self = "/tests/proc_execve";
	if (argc == 1 && argv[0] && !argv[0][0])
		return play_null_argv(argc, argv, envp);
	if (argc >= 2 && !strcmp(argv[1], "image"))
		return play_image(argc, argv, envp);
	if (argc == 3 && !strcmp(argv[1], "null-envp"))
		return play_null_envp(argc, argv, envp);
	if (argc == 4 && !strcmp(argv[1], "cloexec"))
		return play_cloexec(argv);
	if (argc == 4 && !strcmp(argv[1], "after-leader-exec"))
		return play_after_leader_exec(argv);
	if (argc == 3 && !strcmp(argv[1], "after-thread-exec"))
		return play_after_thread_exec(argv);
	if (argc >= 2 && !strcmp(argv[1], "must-not-run"))
		return 254;
	if (argc == 2 && !strcmp(argv[1], "exit-now"))
		return 77;
	if (strcmp(argv[0], self))
		diag("run as %s, exec'ing %s", argv[0], self);
	test_failures();
	test_replaces_image();
	test_null_vectors();
	test_shared_table();
	test_relative();
	test_leader_exec();
	test_thread_exec();
	errno = 0;
	ok(xwait4(-1, NULL, __WALL | WNOHANG) == -1 && errno == ECHILD,
	   "every child was reaped");
	return done_testing();
}
