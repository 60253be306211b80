/* sys/time.h: gettimeofday; struct timeval/timezone are <linux/time.h>'s. */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>
#include <linux/time.h>

int gettimeofday(struct timeval *restrict tv, struct timezone *restrict tz);

#endif
