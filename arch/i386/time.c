/*
 * The 8253/8254 PIT, channel 0, as the tick source: HZ interrupts per
 * second on IRQ 0, each one adding 1 to jiffies.
 */
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/timer.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/time.h>

#define PIT_CHANNEL0	0x40
#define PIT_COMMAND	0x43
/* Channel 0, lobyte/hibyte access, mode 2 (rate generator), binary. */
#define PIT_CMD_RATE	0x34

#define PIT_LATCH	((PIT_HZ + HZ / 2) / HZ)

volatile unsigned long jiffies;

static void timer_interrupt(unsigned irq, struct pt_regs *regs)
{
	jiffies++;
	timekeeping_tick();
	itimer_tick(user_mode(regs));	/* SIGALRM, SIGVTALRM, SIGPROF */
	sched_tick();
}

void time_init(void)
{
	outb(PIT_COMMAND, PIT_CMD_RATE);
	outb(PIT_CHANNEL0, PIT_LATCH & 0xff);
	outb(PIT_CHANNEL0, PIT_LATCH >> 8);
	if (request_irq(IRQ_TIMER, timer_interrupt, "timer"))
		panic("time_init: IRQ 0 is taken");
	pr_info("time: PIT at %d Hz (divisor %d)\n", HZ, PIT_LATCH);
}
