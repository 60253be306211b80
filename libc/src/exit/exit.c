#include <stdlib.h>
#include "libc.h"

/* Stand-in for the atexit and stdio exit hooks when they are not linked. */
static void
dummy(void)
{
}
weak_alias(dummy, __funcs_on_exit);
weak_alias(dummy, __stdio_exit);

/* Run atexit handlers (newest first), flush stdio, end the process. */
_Noreturn void
exit(int status)
{
	__funcs_on_exit();
	__stdio_exit();
	_Exit(status);
}
