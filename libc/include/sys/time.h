/*
 * sys/time.h: gettimeofday and the interval timers. struct timeval,
 * struct timezone, struct itimerval and ITIMER_REAL/VIRTUAL/PROF are
 * <linux/time.h>'s.
 */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>
#include <linux/time.h>

int gettimeofday(struct timeval *restrict tv, struct timezone *restrict tz);
int getitimer(int which, struct itimerval *value);
int setitimer(int which, const struct itimerval *restrict value,
	      struct itimerval *restrict old);

#endif
