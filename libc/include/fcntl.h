/*
 * fcntl.h: the O_* and F_* numbers are the kernel's <linux/fcntl.h> (its
 * <asm/fcntl.h> plus the Linux-specific F_DUPFD_CLOEXEC, AT_*, ...).
 */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include <linux/fcntl.h>

int open(const char *path, int flags, ...);
int fcntl(int fd, int cmd, ...);

#endif
