/*
 * sig_chld: SIGCHLD as Linux 6.1 sends it, and what ignoring it does.
 *
 *   a child that exits: SIGCHLD with si_code CLD_EXITED, si_pid the
 *     child, si_uid, si_status its exit code; it stays a zombie until
 *     waited for;
 *   a child killed by a signal: CLD_KILLED, si_status the signal; one
 *     killed by a core-dumping signal (ud2, SIGILL) with RLIMIT_CORE 0:
 *     CLD_KILLED too (no core, so not CLD_DUMPED);
 *   a child stopped and continued: CLD_STOPPED (si_status SIGSTOP) and
 *     CLD_CONTINUED (si_status SIGCONT); with SA_NOCLDSTOP no SIGCHLD
 *     for either (nothing pending after the stop);
 *   SIGCHLD set to SIG_IGN: children are reaped by the kernel, and a
 *     wait4 for them sleeps until they are gone and then fails with
 *     ECHILD; SA_NOCLDWAIT with a handler: reaped the same way, yet the
 *     handler still gets CLD_EXITED.
 *
 * Every wait for a SIGCHLD is bounded (2 s), so a kernel that never
 * sends one fails instead of hanging; a wait4 that never returns is
 * ended by alarm(10) (SIGALRM's default action; lib/sig_watchdog.h's
 * watchdog child would spoil the ECHILD checks).
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lib/sig_raw.h"
#include "lib/tap.h"

static volatile int calls;
static siginfo_t seen;

static void
on_chld(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	calls++;
	seen = *si;
}

static void
handle(void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	if (fn) {
		sa.sa_sigaction = fn;
		sa.sa_flags = SA_SIGINFO | flags;
	} else {
		sa.sa_handler = flags ? SIG_IGN : SIG_DFL;
	}
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
}

/* Until the handler ran n times in all, for at most 2 s. */
static void
wait_calls(int n)
{
	struct timespec ts = { 0, 10000000 };
	int i;

	for (i = 0; i < 200 && calls < n; i++)
		nanosleep(&ts, NULL);
}

/* A child that sits in pause() until a signal ends it. */
static pid_t
sleeper(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		for (;;)
			pause();
	}
	return pid;
}

static void
test_exited_killed(void)
{
	int status;
	pid_t pid;

	handle(on_chld, 0);
	calls = 0;
	pid = fork();
	if (pid == 0)
		_exit(3);
	wait_calls(1);
	is(calls, 1, "a child exited: SIGCHLD");
	is(seen.si_signo, SIGCHLD, "si_signo SIGCHLD");
	is(seen.si_code, CLD_EXITED, "si_code CLD_EXITED");
	is(seen.si_pid, pid, "si_pid the child");
	is(seen.si_uid, getuid(), "si_uid");
	is(seen.si_status, 3, "si_status its exit code");
	is(kkill(pid, 0), 0, "still there (a zombie) until waited for");
	ok(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	   WEXITSTATUS(status) == 3, "waitpid: exit code 3");

	calls = 0;
	pid = sleeper();
	kill(pid, SIGTERM);
	wait_calls(1);
	ok(calls == 1 && seen.si_code == CLD_KILLED && seen.si_pid == pid &&
	   seen.si_status == SIGTERM,
	   "a child killed by SIGTERM: CLD_KILLED, si_status SIGTERM "
	   "(code %d status %d)", seen.si_code, seen.si_status);
	ok(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	   WTERMSIG(status) == SIGTERM, "waitpid: killed by SIGTERM");

	calls = 0;
	pid = fork();
	if (pid == 0) {
		struct { unsigned long long cur, max; } zero = { 0, 0 };

		/* No core file, whatever the limit was; ENOSYS: none anyway. */
		syscall(SYS_prlimit64, 0, 4 /* RLIMIT_CORE */, &zero, NULL);
		__asm__ volatile("ud2");
		_exit(0);
	}
	wait_calls(1);
	ok(calls == 1 && seen.si_code == CLD_KILLED && seen.si_status == SIGILL,
	   "a child killed by ud2: CLD_KILLED (no core), si_status SIGILL "
	   "(code %d status %d)", seen.si_code, seen.si_status);
	ok(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	   WTERMSIG(status) == SIGILL && !WCOREDUMP(status),
	   "waitpid: killed by SIGILL, no core bit (status %#x)", status);
}

static void
test_stop_cont(void)
{
	sigset_t p;
	int status;
	pid_t pid;

	handle(on_chld, 0);
	calls = 0;
	pid = sleeper();
	kill(pid, SIGSTOP);
	wait_calls(1);
	ok(calls == 1 && seen.si_code == CLD_STOPPED && seen.si_pid == pid &&
	   seen.si_status == SIGSTOP, "stopped: CLD_STOPPED, si_status SIGSTOP "
	   "(code %d status %d)", seen.si_code, seen.si_status);
	ok(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) &&
	   WSTOPSIG(status) == SIGSTOP, "waitpid WUNTRACED: stopped by SIGSTOP");
	kill(pid, SIGCONT);
	wait_calls(2);
	ok(calls == 2 && seen.si_code == CLD_CONTINUED && seen.si_status == SIGCONT,
	   "continued: CLD_CONTINUED, si_status SIGCONT (code %d status %d)",
	   seen.si_code, seen.si_status);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);

	handle(on_chld, SA_NOCLDSTOP);
	calls = 0;
	ksigprocmask(KSIG_BLOCK, &(uint64_t){ KSIGBIT(SIGCHLD) }, NULL);
	pid = sleeper();
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	sigemptyset(&p);
	sigpending(&p);
	ok(WIFSTOPPED(status) && !sigismember(&p, SIGCHLD),
	   "SA_NOCLDSTOP: stopped, and no SIGCHLD pending");
	kill(pid, SIGCONT);
	waitpid(pid, &status, WCONTINUED);
	sigpending(&p);
	ok(WIFCONTINUED(status) && !sigismember(&p, SIGCHLD),
	   "SA_NOCLDSTOP: continued, and no SIGCHLD pending");
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	sigpending(&p);
	ok(sigismember(&p, SIGCHLD), "but its death is: SIGCHLD pending");
	ksigprocmask(KSIG_UNBLOCK, &(uint64_t){ KSIGBIT(SIGCHLD) }, NULL);
	is(calls, 1, "delivered when unblocked");
}

static void
test_autoreap(void)
{
	int status, e;
	pid_t pid, r;

	handle(NULL, 1);	/* SIG_IGN */
	pid = sleeper();
	kill(pid, SIGTERM);
	r = wait4(-1, &status, 0, NULL);
	e = errno;
	ok(r == -1 && e == ECHILD,
	   "SIGCHLD ignored: wait4 sleeps until the child is gone, then ECHILD "
	   "(r %d errno %d)", r, e);
	is(kkill(pid, 0), -ESRCH, "no zombie left");

	pid = fork();
	if (pid == 0)
		_exit(7);
	r = waitpid(pid, &status, 0);
	e = errno;
	ok(r == -1 && e == ECHILD, "an exiting child too: ECHILD");

	handle(on_chld, SA_NOCLDWAIT);
	calls = 0;
	pid = fork();
	if (pid == 0)
		_exit(5);
	r = wait4(-1, &status, 0, NULL);
	e = errno;
	ok(r == -1 && e == ECHILD, "SA_NOCLDWAIT: ECHILD");
	wait_calls(1);
	ok(calls == 1 && seen.si_code == CLD_EXITED && seen.si_pid == pid &&
	   seen.si_status == 5,
	   "SA_NOCLDWAIT: the handler still gets CLD_EXITED, status 5");
	is(kkill(pid, 0), -ESRCH, "no zombie left");

	handle(NULL, 0);	/* SIG_DFL */
	pid = fork();
	if (pid == 0)
		_exit(9);
	ok(waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 9,
	   "SIG_DFL again: a zombie to wait for");
}

int
main(void)
{
	alarm(10);
	test_exited_killed();
	test_stop_cont();
	test_autoreap();
	handle(NULL, 0);
	alarm(0);
	return done_testing();
}
