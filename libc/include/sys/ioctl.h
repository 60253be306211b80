/* sys/ioctl.h: ioctl and the request numbers of <asm/ioctls.h>. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <asm/ioctls.h>

int ioctl(int fd, unsigned long request, ...);

#endif
