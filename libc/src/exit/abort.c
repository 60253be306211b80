#include <signal.h>
#include <stdlib.h>
#include "ksigaction.h"

/*
 * End the process with SIGABRT, skipping atexit handlers and stdio
 * buffers. SIGABRT is unblocked and raised, so a handler runs first; if
 * it returns (or the signal is ignored), the default action is restored
 * with every other signal blocked, so no handler gets in between, and
 * SIGABRT raised again. Should even that come back (a tracer swallowing
 * it), _Exit(127).
 */
_Noreturn void
abort(void)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, 0);
	raise(SIGABRT);

	__sigset_all(&set);
	sigdelset(&set, SIGABRT);
	sigprocmask(SIG_SETMASK, &set, 0);
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGABRT, &dfl, 0);
	raise(SIGABRT);
	_Exit(127);
}
