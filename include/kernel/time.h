/* Kernel timekeeping (kernel/time.c). */
#ifndef _KERNEL_TIME_H
#define _KERNEL_TIME_H

#include <asm/timer.h>
#include <kernel/types.h>

#define NSEC_PER_SEC	1000000000L
#define NSEC_PER_TICK	(NSEC_PER_SEC / HZ)
/* The longest interval jiffies comparisons (time_after_eq) can take:
 * about 248 days. Longer sleeps and timeouts are cut to it. */
#define MAX_TICKS	(0x7fffffffUL - 2)

struct kernel_clock {
	u32 sec;
	u32 nsec;
};

/* Read the RTC and publish the clocks for the first time. */
void timekeeping_init(void);
/* Called on every timer tick: publish the clocks to the vDSO. */
void timekeeping_tick(void);
/* A clock by its CLOCK_* id: 0, or -EINVAL for a clock not served. */
int kernel_clock_get(int clock, struct kernel_clock *out);
/* Whole ticks for sec s + nsec ns (valid and non-negative), rounded up,
 * MAX_TICKS at most: what nanosleep, futex and sigtimedwait wait. */
unsigned long timespec_to_ticks(u32 sec, u32 nsec);

#endif
