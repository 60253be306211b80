/*
 * sys/stat.h: fstat64 with the kernel's i386 struct stat64 (<asm/stat.h>,
 * laid out to match glibc's) and the S_IF* bits from <linux/stat.h>.
 */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>
#include <asm/stat.h>
#include <linux/stat.h>

int fstat64(int fd, struct stat64 *st);

#endif
