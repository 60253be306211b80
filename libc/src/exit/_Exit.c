#include <stdlib.h>
#include "syscall.h"

/* End the process now: no atexit handlers, no stdio flush. */
_Noreturn void
_Exit(int status)
{
	for (;;) {
		__syscall1(SYS_exit_group, status);
		__syscall1(SYS_exit, status);
	}
}
