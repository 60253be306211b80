#include <stdarg.h>
#include <sys/ioctl.h>
#include "syscall.h"

/* ioctl(fd, request, arg): the third argument, if any, as one pointer. */
int
ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	return __syscall_ret(__syscall3(SYS_ioctl, fd, request, (long)arg));
}
