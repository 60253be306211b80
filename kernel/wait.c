/* Wait queues (include/kernel/wait.h): singly linked lists of sleepers. */
#include <asm/irq.h>
#include <kernel/sched.h>
#include <kernel/wait.h>

void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	unsigned long flags = local_irq_save();

	e->next = wq->first;
	wq->first = e;
	local_irq_restore(flags);
}

void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	unsigned long flags = local_irq_save();

	for (struct wait_queue_entry **p = &wq->first; *p; p = &(*p)->next) {
		if (*p == e) {
			*p = e->next;
			break;
		}
	}
	local_irq_restore(flags);
}

void wake_up(struct wait_queue_head *wq)
{
	unsigned long flags = local_irq_save();

	for (struct wait_queue_entry *e = wq->first; e; e = e->next)
		wake_up_process(e->task);
	local_irq_restore(flags);
}
