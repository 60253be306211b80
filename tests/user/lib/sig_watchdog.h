/*
 * sig_watchdog.h: a child that SIGKILLs the test process if it is still
 * running after a number of seconds, for the sig_* tests that block
 * until a signal arrives: a kernel that never delivers it (or restarts a
 * call it should have ended) then fails the test, killed by signal 9,
 * instead of hanging the whole run.
 *
 *	sig_watchdog_start(10);
 *	...
 *	sig_watchdog_stop();		// before done_testing()
 *
 * The watchdog is a child: a test that waits for "any child" (wait4 -1,
 * ECHILD checks) cannot use it (sig_chld uses alarm() instead). Header
 * only; include it from one .c file.
 */
#ifndef SIG_WATCHDOG_H
#define SIG_WATCHDOG_H

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "tap.h"

static pid_t sig_watchdog_pid;

static inline void
sig_watchdog_start(int seconds)
{
	pid_t parent = getpid();

	sig_watchdog_pid = fork();
	if (sig_watchdog_pid == 0) {
		struct timespec ts = { seconds, 0 };
		sigset_t all;

		/* Nothing the parent set up may end this sleep early. */
		sigfillset(&all);
		sigprocmask(SIG_SETMASK, &all, NULL);
		while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
			;
		diag("watchdog: still running after %d s, killing it", seconds);
		kill(parent, SIGKILL);
		_exit(0);
	}
}

static inline void
sig_watchdog_stop(void)
{
	if (sig_watchdog_pid > 0) {
		kill(sig_watchdog_pid, SIGKILL);
		waitpid(sig_watchdog_pid, NULL, 0);
		sig_watchdog_pid = 0;
	}
}

#endif
