/*
 * errno.h: the error numbers come from Linux's UAPI (asm-generic/errno.h);
 * errno itself is per thread: a field of the TCB reached through %gs.
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <linux/errno.h>

#define ENOTSUP	EOPNOTSUPP

int *__errno_location(void) __attribute__((__const__));
#define errno (*__errno_location())

#endif
