/*
 * Wait queues: a task that must sleep until something happens (a pipe
 * gets data, a futex word is woken, a child exits) puts itself on a
 * queue and sleeps; whoever makes it happen calls wake_up() on the queue.
 * Sleepers re-check their condition after every wake-up, so spurious
 * wake-ups are harmless.
 */
#ifndef _KERNEL_WAIT_H
#define _KERNEL_WAIT_H

#include <asm/irq.h>
#include <asm/timer.h>
#include <kernel/types.h>

/* The wait_event macros also need current, schedule() and
 * signal_pending(): <kernel/sched.h>. */
struct task_struct;

struct wait_queue_entry {
	struct task_struct *task;
	struct wait_queue_entry *next;
};

struct wait_queue_head {
	struct wait_queue_entry *first;
};

#define WAIT_QUEUE_HEAD_INIT { NULL }

void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e);
void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e);
/* Make every task on the queue runnable. */
void wake_up(struct wait_queue_head *wq);

/*
 * Sleep until cond is true, until `timeout` ticks have passed (0 = no
 * limit), or until `stop` (a signal is pending, say). Returns true if
 * cond became true, false otherwise. Interrupts are off while cond is
 * tested, so a wake-up from an interrupt handler cannot slip between the
 * test and the sleep.
 */
#define __wait_event(wq, cond, timeout, stop)				\
({									\
	struct wait_queue_entry __we = { current, NULL };		\
	unsigned long __flags = local_irq_save();			\
	unsigned long __deadline = (timeout) ? jiffies + (timeout) : 0;	\
	bool __ok;							\
									\
	add_wait_queue((wq), &__we);					\
	for (;;) {							\
		if ((__ok = (cond)))					\
			break;						\
		if (stop)						\
			break;						\
		if (__deadline && time_after_eq(jiffies, __deadline))	\
			break;						\
		current->state = TASK_INTERRUPTIBLE;			\
		current->wakeup_jiffies = __deadline;			\
		schedule();						\
	}								\
	current->state = TASK_RUNNING;					\
	current->wakeup_jiffies = 0;					\
	remove_wait_queue((wq), &__we);					\
	local_irq_restore(__flags);					\
	__ok;								\
})

/* Interruptible: a pending signal ends the wait (then false). */
#define wait_event_timeout(wq, cond, timeout) \
	__wait_event(wq, cond, timeout, signal_pending(current))
#define wait_event(wq, cond)	((void)wait_event_timeout(wq, cond, 0))
/* Killable: only a fatal signal (the group is dying) ends the wait. */
#define wait_event_killable(wq, cond) \
	__wait_event(wq, cond, 0, fatal_signal_pending(current))

#endif
