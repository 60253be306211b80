/* Kernel timekeeping (kernel/time.c). */
#ifndef _KERNEL_TIME_H
#define _KERNEL_TIME_H

#include <kernel/types.h>

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

#endif
