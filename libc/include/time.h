/*
 * time.h: clocks and sleeping. struct timespec and the CLOCK_* ids are
 * the kernel's (<linux/time.h>); time_t is 32-bit, as the i386 calls use.
 */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>
#include <linux/time.h>

time_t time(time_t *t);
int clock_gettime(clockid_t clk, struct timespec *ts);
int nanosleep(const struct timespec *req, struct timespec *rem);

#endif
