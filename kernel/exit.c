/*
 * exit and exit_group, and killing a task for a fault. With no threads
 * and no signals yet, exit_group is exit, and a fatal fault ends the
 * task with the status a default-action signal would give.
 */
#include <asm/irq.h>
#include <kernel/exit.h>
#include <kernel/file.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>

__noreturn void do_exit(int status)
{
	struct task_struct *t = current;

	if (t == &init_task)
		panic("attempted to kill the idle task (status 0x%x)", status);
	t->exit_code = status;
	if (t->mm) {
		/* Off its page tables before they go. */
		switch_pgd(swapper_pg_dir);
		mmput(t->mm);
		t->mm = NULL;
	}
	if (t->files) {
		put_files(t->files);
		t->files = NULL;
	}
	local_irq_disable();
	t->state = TASK_ZOMBIE;
	if (t->parent)
		wake_up_process(t->parent);
	schedule();
	panic("zombie task %d ran again", t->pid);
}

__noreturn void kill_current(int signo, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(current->exit_reason, sizeof(current->exit_reason), fmt, ap);
	va_end(ap);
	pr_info("%s[%d]: killed (signal %d): %s\n", current->comm,
		current->pid, signo, current->exit_reason);
	do_exit(W_EXITCODE(0, signo));
}

long sys_exit(int code)
{
	do_exit(W_EXITCODE(code & 0xff, 0));
}

long sys_exit_group(int code)
{
	do_exit(W_EXITCODE(code & 0xff, 0));
}
