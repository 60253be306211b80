#include <sys/ioctl.h>
#include <unistd.h>
#include <asm/termbits.h>

/* 1 if fd is a terminal (TCGETS works), else 0 with errno set (ENOTTY). */
int
isatty(int fd)
{
	struct termios t;

	return ioctl(fd, TCGETS, &t) == 0;
}
