/*
 * limits.h: GCC's own limits.h (CHAR_BIT, INT_MAX, LLONG_MAX, ...) plus
 * the Linux limits (PATH_MAX, NAME_MAX, ...) and the POSIX additions.
 * _LIBC_LIMITS_H_ tells GCC's header not to look for a further one.
 */
#ifndef _LIMITS_H
#define _LIMITS_H

#define _LIBC_LIMITS_H_
#include_next <limits.h>
#include <linux/limits.h>

#define SSIZE_MAX	LONG_MAX
#define PAGESIZE	4096
#define PAGE_SIZE	PAGESIZE
#define ATEXIT_MAX	32

#endif
