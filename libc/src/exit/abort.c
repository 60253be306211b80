#include <stdlib.h>
#include <unistd.h>
#include "libc.h"

/*
 * End the process abnormally. Linux would raise SIGABRT; this kernel has
 * no signals (no kill) yet, so abort says so on fd 2 and exits with
 * status 127, skipping atexit handlers and stdio buffers as SIGABRT would.
 */
_Noreturn void
abort(void)
{
	static const char msg[] = "abort() called: exiting with status 127\n";

	write(2, msg, sizeof msg - 1);
	_Exit(127);
}
