/* fcntl.h: the O_* and F_* numbers are the kernel's <asm/fcntl.h>. */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include <asm/fcntl.h>

int open(const char *path, int flags, ...);

#endif
