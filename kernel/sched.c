/*
 * The scheduler: a circular list of tasks, round robin among the
 * runnable ones, cooperative (a task runs until it sleeps, yields or
 * exits). When nothing is runnable, schedule() waits with hlt, so timer
 * interrupts can wake sleepers.
 */
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/irq.h>
#include <asm/timer.h>
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/string.h>

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.comm = "swapper",
	.next_task = &init_task,
};
struct task_struct *current = &init_task;
/* Set by the timer when another task should run; read by entry.S. */
volatile int need_resched;

extern char boot_stack[];

__attribute__((regparm(2)))
void __switch_to(struct task_struct *prev, struct task_struct *next);
void schedule_tail(void);

void sched_init(void)
{
	init_task.stack = boot_stack;
	init_task.thread.esp0 = (unsigned long)boot_stack + BOOT_STACK_SIZE;
	*(u32 *)init_task.stack = STACK_END_MAGIC;
}

/* Overwritten magic at the lowest word of a stack: it overflowed. */
static void check_stack(struct task_struct *t)
{
	if (*(u32 *)t->stack != STACK_END_MAGIC)
		panic("kernel stack overflow in task %d (%s)", t->pid, t->comm);
}

/* Tasks come from kmalloc (signal pending sets make them large). */
_Static_assert(sizeof(struct task_struct) <= KMALLOC_MAX,
	       "struct task_struct must fit a kmalloc object");
_Static_assert(sizeof(struct signal_struct) <= KMALLOC_MAX,
	       "struct signal_struct must fit a kmalloc object");

struct task_struct *alloc_task(const char *comm)
{
	struct task_struct *t = kzalloc(sizeof(*t));
	phys_addr_t stack;

	if (!t)
		return NULL;
	stack = alloc_pages(THREAD_ORDER);
	if (!stack) {
		kfree(t);
		return NULL;
	}
	kernel_page_set_present(__va(stack), false);	/* the guard page */
	t->stack = (u8 *)__va(stack) + THREAD_GUARD;
	*(u32 *)t->stack = STACK_END_MAGIC;
	t->thread.esp0 = (unsigned long)t->stack + THREAD_SIZE;
	t->state = TASK_RUNNING;
	strlcpy(t->comm, comm, sizeof(t->comm));
	return t;
}

void free_task(struct task_struct *t)
{
	void *block = (u8 *)t->stack - THREAD_GUARD;

	fpu_free(t->fpu);
	kernel_page_set_present(block, true);
	free_pages(__pa(block), THREAD_ORDER);
	kfree(t);
}

int nr_tasks;
static pid_t last_pid;

struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *t;

	for_each_task(t)
		if (t->pid == pid && t != &init_task)
			return t;
	return NULL;
}

pid_t alloc_pid(void)
{
	if (nr_tasks >= PID_MAX_TASKS)
		return -EAGAIN;
	/* Next free pid after the last one, wrapping at 32768 as Linux. */
	do {
		if (++last_pid >= 32768)
			last_pid = 1;
	} while (find_task_by_pid(last_pid));
	return last_pid;
}

void sched_add_task(struct task_struct *t)
{
	unsigned long flags = local_irq_save();

	nr_tasks++;
	t->next_task = init_task.next_task;
	init_task.next_task = t;
	local_irq_restore(flags);
}

void sched_remove_task(struct task_struct *t)
{
	unsigned long flags = local_irq_save();

	nr_tasks--;
	for (struct task_struct *p = &init_task;; p = p->next_task) {
		if (p->next_task == t) {
			p->next_task = t->next_task;
			break;
		}
		if (p->next_task == &init_task)
			break;
	}
	local_irq_restore(flags);
}

void wake_up_process(struct task_struct *t)
{
	if (t->state == TASK_INTERRUPTIBLE)
		t->state = TASK_RUNNING;
}

/*
 * Every tick: wake the sleepers whose deadline has come, and end the
 * running task's time slice (one tick) if another task could run. The
 * switch itself happens on the way back to user space (entry.S), so a
 * task is never preempted inside the kernel.
 */
void sched_tick(void)
{
	struct task_struct *t = &init_task;
	bool others = false;

	do {
		if (t->state == TASK_INTERRUPTIBLE && t->wakeup_jiffies &&
		    time_after_eq(jiffies, t->wakeup_jiffies)) {
			t->wakeup_jiffies = 0;
			t->state = TASK_RUNNING;
		}
		if (t != current && t->state == TASK_RUNNING)
			others = true;
		t = t->next_task;
	} while (t != &init_task);
	if (others)
		need_resched = 1;
}

/* The next runnable task after current, or NULL. */
static struct task_struct *pick_next(void)
{
	struct task_struct *t = current->next_task;

	for (;;) {
		if (t->state == TASK_RUNNING)
			return t;
		if (t == current)
			return NULL;
		t = t->next_task;
	}
}

/* Called by switch_to on the new task's stack, with interrupts off. */
__attribute__((regparm(2)))
void __switch_to(struct task_struct *prev, struct task_struct *next)
{
	fpu_switch(prev, next);
	cpu_entry.tss.esp0 = next->thread.esp0;
	if (next->mm)
		switch_pgd(next->mm->pgd);
	else if (prev->mm)
		switch_pgd(swapper_pg_dir);
	load_tls(&next->thread);
	current = next;
	/* A thread that exited with nobody to wait for it: its stack is
	 * no longer in use, so it can go now. */
	if (prev->state == TASK_DEAD) {
		sched_remove_task(prev);
		free_task(prev);
	}
}

/* First thing a new task runs (from ret_from_fork): CLONE_CHILD_SETTID. */
void schedule_tail(void)
{
	if (current->set_child_tid)
		put_user_u32(current->pid, current->set_child_tid);
}

void schedule(void)
{
	unsigned long flags = local_irq_save();
	struct task_struct *prev = current, *next;

	check_stack(prev);
	need_resched = 0;
	/* Nothing runnable, not even prev: wait for an interrupt. */
	while (!(next = pick_next()))
		__asm__ __volatile__("sti; hlt; cli" ::: "memory");
	if (next != prev)
		switch_to(prev, next);
	local_irq_restore(flags);
}
