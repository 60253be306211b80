#include <signal.h>

/*
 * Install handler for sig with BSD (and glibc) semantics: the handler
 * stays installed, sig is blocked while it runs, and interrupted system
 * calls restart (SA_RESTART). The previous handler, or SIG_ERR.
 */
sighandler_t
signal(int sig, sighandler_t handler)
{
	struct sigaction act = { .sa_handler = handler, .sa_flags = SA_RESTART };
	struct sigaction old;

	sigemptyset(&act.sa_mask);
	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}
