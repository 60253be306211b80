#include <fcntl.h>
#include <stdarg.h>
#include "syscall.h"

/* Open path; the mode argument is read only with O_CREAT or O_TMPFILE. */
int
open(const char *path, int flags, ...)
{
	mode_t mode = 0;

	if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) {
		va_list ap;

		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return __syscall_ret(__syscall3(SYS_open, (long)path, flags, mode));
}
