#include <fcntl.h>
#include <stdarg.h>
#include "syscall.h"

/*
 * fcntl(fd, cmd[, arg]): every command takes at most one argument, an
 * int or a pointer, so one word is read from the variable arguments (an
 * absent one is never used by the kernel). i386 uses fcntl64, which
 * differs from fcntl only in the 64-bit lock commands, as glibc does.
 */
int
fcntl(int fd, int cmd, ...)
{
	unsigned long arg;
	va_list ap;

	va_start(ap, cmd);
	arg = va_arg(ap, unsigned long);
	va_end(ap);
	return __syscall_ret(__syscall3(SYS_fcntl64, fd, cmd, arg));
}
