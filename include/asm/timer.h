/* The 8253/8254 PIT on IRQ 0 and the jiffies counter (arch/i386/time.c). */
#ifndef _ASM_TIMER_H
#define _ASM_TIMER_H

#include <kernel/types.h>

#define HZ		100		/* timer interrupts per second */
#define PIT_HZ		1193182		/* the PIT's input clock */

/* Timer ticks since time_init(). */
extern volatile unsigned long jiffies;

void time_init(void);

/* a is at or after b, correct across jiffies wrapping (Linux's macro). */
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before(a, b)	((long)((a) - (b)) < 0)

#endif
