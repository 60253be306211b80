/*
 * sig_kill: what cannot be stopped, default actions, and which thread
 * takes a signal, as Linux 6.1 has them.
 *
 *   SIGKILL and SIGSTOP: any sigaction with a new action (a handler,
 *     SIG_IGN, even SIG_DFL) is EINVAL; SIGKILL ends a child blocked in
 *     read, in pause, in a busy loop, one that blocked and ignored every
 *     other signal, and a stopped one: WTERMSIG 9;
 *   default actions: SIGTERM, SIGHUP, SIGUSR1, SIGALRM and a real-time
 *     signal terminate; SIGSEGV, SIGQUIT and SIGABRT (core signals)
 *     terminate with that signal and, with RLIMIT_CORE 0, no core bit;
 *     abort() ends a process with SIGABRT even with SIGABRT blocked and a
 *     handler that returns; SIGCHLD, SIGURG, SIGWINCH and SIGCONT to a
 *     running process do nothing;
 *   SIGSTOP and SIGCONT seen by waitpid: WUNTRACED reports the stop
 *     (WSTOPSIG SIGSTOP), WCONTINUED the continue (status 0xffff);
 *   threads: a signal sent to the process while the main thread blocks it
 *     runs its handler in a thread that does not (gettid in the handler);
 *     pthread_kill (tgkill) reaches the thread named; a tgkill to the
 *     main thread while it blocks the signal stays pending for the main
 *     thread only and runs there once unblocked.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/sig_raw.h"
#include "lib/sig_watchdog.h"
#include "lib/tap.h"

static void
nothing(int sig)
{
	(void)sig;
}

static void
set_action(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void
test_uncatchable(void)
{
	static const int sigs[] = { SIGKILL, SIGSTOP };
	struct sigaction sa, old;
	int i, r, e;

	for (i = 0; i < 2; i++) {
		const char *n = sigs[i] == SIGKILL ? "SIGKILL" : "SIGSTOP";

		memset(&sa, 0, sizeof sa);
		sigemptyset(&sa.sa_mask);
		sa.sa_handler = nothing;
		r = sigaction(sigs[i], &sa, NULL);
		e = errno;
		ok(r == -1 && e == EINVAL, "%s: a handler is EINVAL", n);
		sa.sa_handler = SIG_IGN;
		r = sigaction(sigs[i], &sa, NULL);
		e = errno;
		ok(r == -1 && e == EINVAL, "%s: SIG_IGN is EINVAL", n);
		sa.sa_handler = SIG_DFL;
		r = sigaction(sigs[i], &sa, NULL);
		e = errno;
		ok(r == -1 && e == EINVAL, "%s: even SIG_DFL is EINVAL", n);
		ok(sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_DFL,
		   "%s: reading it is fine: SIG_DFL", n);
	}
}

enum how { IN_READ, IN_PAUSE, IN_LOOP, ALL_BLOCKED };

/* A child that says it is ready, then waits as told; its pid. */
static pid_t
victim(enum how how)
{
	int ready[2], hold[2];
	pid_t pid;
	char c;

	pipe(ready);
	pipe(hold);
	pid = fork();
	if (pid == 0) {
		sigset_t all;
		int s;

		if (how == ALL_BLOCKED) {
			for (s = 1; s < 65; s++)
				if (s != SIGKILL && s != SIGSTOP)
					set_action(s, SIG_IGN);
			sigfillset(&all);
			sigprocmask(SIG_SETMASK, &all, NULL);
		}
		write(ready[1], "r", 1);
		switch (how) {
		case IN_READ:
		case ALL_BLOCKED:
			read(hold[0], &c, 1);
			break;
		case IN_PAUSE:
			pause();
			break;
		case IN_LOOP:
			for (;;)
				__asm__ volatile("" ::: "memory");
		}
		_exit(1);
	}
	read(ready[0], &c, 1);
	close(ready[0]);
	close(ready[1]);
	close(hold[0]);
	close(hold[1]);
	return pid;
}

static void
test_sigkill(void)
{
	static const char *const names[] = {
		"blocked in read", "in pause", "in a busy loop",
		"blocking and ignoring everything",
	};
	int how, status;
	pid_t pid;

	for (how = IN_READ; how <= ALL_BLOCKED; how++) {
		pid = victim(how);
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
		   "SIGKILL ends a child %s (status %#x)", names[how], status);
	}

	pid = victim(IN_LOOP);
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	ok(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP,
	   "waitpid WUNTRACED: stopped by SIGSTOP (status %#x)", status);
	kill(pid, SIGCONT);
	waitpid(pid, &status, WCONTINUED);
	ok(WIFCONTINUED(status), "waitpid WCONTINUED: continued (status %#x)", status);
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	   "SIGKILL ends a stopped child (status %#x)", status);
}

static void
no_core(void)
{
	struct { unsigned long long cur, max; } zero = { 0, 0 };

	syscall(SYS_prlimit64, 0, 4 /* RLIMIT_CORE */, &zero, NULL);
}

static void
test_defaults(void)
{
	static const int kills[] = {
		SIGTERM, SIGHUP, SIGUSR1, SIGALRM, 40, SIGSEGV, SIGQUIT, SIGABRT,
	};
	static const int ignored[] = { SIGCHLD, SIGURG, SIGWINCH, SIGCONT };
	unsigned i;
	int status;
	pid_t pid;

	for (i = 0; i < sizeof kills / sizeof kills[0]; i++) {
		pid = fork();
		if (pid == 0) {
			no_core();
			kill(getpid(), kills[i]);
			_exit(0);
		}
		waitpid(pid, &status, 0);
		ok(WIFSIGNALED(status) && WTERMSIG(status) == kills[i] &&
		   !WCOREDUMP(status),
		   "signal %d by default: killed by it, no core bit (status %#x)",
		   kills[i], status);
	}

	pid = fork();
	if (pid == 0) {
		sigset_t abrt;

		no_core();
		sigemptyset(&abrt);
		sigaddset(&abrt, SIGABRT);
		sigprocmask(SIG_BLOCK, &abrt, NULL);
		set_action(SIGABRT, nothing);
		abort();
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
	   "abort() with SIGABRT blocked and a returning handler: killed by "
	   "SIGABRT (status %#x)", status);

	pid = fork();
	if (pid == 0) {
		for (i = 0; i < sizeof ignored / sizeof ignored[0]; i++) {
			set_action(ignored[i], SIG_DFL);
			kill(getpid(), ignored[i]);
		}
		_exit(42);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 42,
	   "SIGCHLD, SIGURG, SIGWINCH, SIGCONT by default: nothing happens "
	   "(status %#x)", status);
}

/* The threads test: who ran the handler, told through a pipe. */
static volatile int handler_tid;
static int done_pipe[2], tid_pipe[2], quit_pipe[2];

static void
whose(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	handler_tid = kgettid();
	write(done_pipe[1], &si->si_code, sizeof si->si_code);
}

static void *
second(void *arg)
{
	uint64_t usr1 = KSIGBIT(SIGUSR1);
	int tid = kgettid();
	char c;

	(void)arg;
	ksigprocmask(KSIG_UNBLOCK, &usr1, NULL);
	write(tid_pipe[1], &tid, sizeof tid);
	/* Interrupted (EINTR) by the handler runs; "q" ends it. */
	while (read(quit_pipe[0], &c, 1) != 1)
		;
	return NULL;
}

static void
test_threads(void)
{
	uint64_t usr1 = KSIGBIT(SIGUSR1);
	struct sigaction sa;
	int tid = 0, code = 0;
	sigset_t p;
	pthread_t t;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = whose;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	pipe(done_pipe);
	pipe(tid_pipe);
	pipe(quit_pipe);

	ksigprocmask(KSIG_BLOCK, &usr1, NULL);
	pthread_create(&t, NULL, second, NULL);
	read(tid_pipe[0], &tid, sizeof tid);

	handler_tid = 0;
	kill(getpid(), SIGUSR1);
	read(done_pipe[0], &code, sizeof code);
	is(handler_tid, tid, "kill to the process while main blocks it: the "
	   "handler ran in the other thread (tid %d)", tid);
	is(code, SI_USER, "si_code SI_USER");

	handler_tid = 0;
	pthread_kill(t, SIGUSR1);
	read(done_pipe[0], &code, sizeof code);
	is(handler_tid, tid, "pthread_kill: the handler ran in that thread");
	is(code, SI_TKILL, "si_code SI_TKILL");

	handler_tid = 0;
	ktgkill(getpid(), getpid(), SIGUSR1);
	sigemptyset(&p);
	sigpending(&p);
	ok(sigismember(&p, SIGUSR1), "tgkill to main, which blocks it: pending");
	is(handler_tid, 0, "and not taken by the other thread");
	ksigprocmask(KSIG_UNBLOCK, &usr1, NULL);
	read(done_pipe[0], &code, sizeof code);
	is(handler_tid, getpid(), "unblocked: the handler ran in main");

	write(quit_pipe[1], "q", 1);
	pthread_join(t, NULL);
	close(done_pipe[0]);
	close(done_pipe[1]);
	close(tid_pipe[0]);
	close(tid_pipe[1]);
	close(quit_pipe[0]);
	close(quit_pipe[1]);
	set_action(SIGUSR1, SIG_DFL);
}

int
main(void)
{
	sig_watchdog_start(10);
	test_uncatchable();
	test_sigkill();
	test_defaults();
	test_threads();
	sig_watchdog_stop();
	return done_testing();
}
