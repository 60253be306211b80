/*
 * sig_nanosleep: nanosleep and signals, as Linux has them.
 *
 *   a handled signal ends the sleep: -1/EINTR, and *rem is the time that
 *     was left (0 < rem <= requested); SA_RESTART makes no difference
 *     (Linux returns -ERESTART_RESTARTBLOCK, which becomes EINTR whenever
 *     a handler runs);
 *   signals that run no handler do not end it: an ignored one (SIG_IGN,
 *     or SIG_DFL of a signal whose default is to ignore, SIGCHLD and
 *     SIGWINCH), and a stop followed by a continue (the sleep goes on
 *     through restart_syscall for the time left); it returns 0 after at
 *     least the time asked for.
 *
 * Times: the interrupted sleeps ask for 1 s and are cut after about
 * 100 ms; the others last 300 ms. Only lower bounds are checked.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lib/sig_watchdog.h"
#include "lib/tap.h"

#define NS	1000000000LL

static volatile int hits;

static void
on_signal(int sig)
{
	(void)sig;
	hits++;
}

static void
handle(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static long long
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * NS + ts.tv_nsec;
}

/* SIGALRM once, after ms milliseconds. */
static void
alarm_ms(long ms)
{
	struct itimerval it = { { 0, 0 }, { 0, ms * 1000 } };

	setitimer(ITIMER_REAL, &it, NULL);
}

static void
interrupted(int flags, const char *what)
{
	struct timespec req = { 1, 0 }, rem = { -1, -1 };
	long long left;
	int r, e;

	handle(SIGALRM, on_signal, flags);
	hits = 0;
	alarm_ms(100);
	r = nanosleep(&req, &rem);
	e = errno;
	is(hits, 1, "%s: the handler ran", what);
	ok(r == -1 && e == EINTR, "%s: nanosleep(1 s) returns -1/EINTR (r %d)", what, r);
	left = rem.tv_sec * NS + rem.tv_nsec;
	ok(left > 0 && left <= NS && rem.tv_nsec >= 0 && rem.tv_nsec < NS,
	   "%s: rem is what was left: %ld.%09ld s", what, (long)rem.tv_sec,
	   rem.tv_nsec);
}

/* A 300 ms sleep that sig (sent meanwhile by `send`) must not end. */
static void
uninterrupted(const char *what, void (*send)(void))
{
	struct timespec req = { 0, 300000000 }, rem = { 0, 0 };
	long long t0 = now_ns(), took;
	int r;

	send();
	r = nanosleep(&req, &rem);
	took = now_ns() - t0;
	is(r, 0, "%s: nanosleep(300 ms) returns 0", what);
	ok(took >= 300000000LL, "%s: after at least 300 ms (%lld ms)", what,
	   took / 1000000);
}

static void
send_ignored_alarm(void)
{
	handle(SIGALRM, SIG_IGN, 0);
	alarm_ms(100);
}

static pid_t kid;

/* A child that sends SIGWINCH and dies (SIGCHLD) 100 ms from now. */
static void
send_from_child(void)
{
	pid_t parent = getpid();

	kid = fork();
	if (kid == 0) {
		struct timespec ts = { 0, 100000000 };

		nanosleep(&ts, NULL);
		kill(parent, SIGWINCH);
		_exit(0);
	}
}

static void
test_stop_cont(void)
{
	struct timespec ts = { 0, 50000000 };
	int ready[2], status;
	pid_t pid;
	char c;

	pipe(ready);
	pid = fork();
	if (pid == 0) {
		struct timespec req = { 0, 400000000 }, rem;
		long long t0 = now_ns();
		int r;

		write(ready[1], "r", 1);
		r = nanosleep(&req, &rem);
		/* 0: returned 0 after 400 ms or more; 1: EINTR; 2: too soon */
		_exit(r ? 1 : now_ns() - t0 < 400000000LL ? 2 : 0);
	}
	read(ready[0], &c, 1);
	nanosleep(&ts, NULL);		/* most likely asleep by now */
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	ok(WIFSTOPPED(status), "the sleeping child stopped");
	nanosleep(&ts, NULL);
	kill(pid, SIGCONT);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "SIGSTOP and SIGCONT: its nanosleep(400 ms) went on and returned 0 "
	   "after at least 400 ms (status %#x)", status);
	close(ready[0]);
	close(ready[1]);
}

int
main(void)
{
	int status;

	sig_watchdog_start(10);
	interrupted(0, "handler");
	interrupted(SA_RESTART, "handler with SA_RESTART");
	handle(SIGALRM, SIG_DFL, 0);

	uninterrupted("SIGALRM ignored", send_ignored_alarm);
	handle(SIGALRM, SIG_DFL, 0);

	handle(SIGWINCH, SIG_DFL, 0);
	handle(SIGCHLD, SIG_DFL, 0);
	uninterrupted("SIGWINCH and SIGCHLD by default ignored", send_from_child);
	waitpid(kid, &status, 0);
	is(status, 0, "the child that sent them exited");

	test_stop_cont();
	sig_watchdog_stop();
	return done_testing();
}
