/*
 * Starting user programs from the kernel, and reaping them: what runs
 * /init, and what the test harness uses to run each test program as a
 * child of the boot task. It loads the program with exec_task, as
 * execve does (kernel/exec.c); fork's children join the same task list.
 */
#include <asm/fpu.h>
#include <asm/irq.h>
#include <asm/timer.h>
#include <kernel/errno.h>
#include <kernel/exec.h>
#include <asm/signal.h>
#include <kernel/exit.h>
#include <kernel/file.h>
#include <kernel/fs_struct.h>
#include <kernel/sighand.h>
#include <kernel/printk.h>
#include <kernel/spawn.h>
#include <kernel/string.h>

/* Linux's init environment (init/main.c envp_init). */
static const char *const envp_init[] = { "HOME=/", "TERM=linux", NULL };

/* Is one of the caller's children a zombie? */
static bool has_zombie_child(void)
{
	struct task_struct *t;

	for_each_task(t)
		if (t->parent == current && t->state == TASK_ZOMBIE &&
		    t != &init_task)
			return true;
	return false;
}

struct task_struct *spawn_user(const char *path, const char *const argv[],
			       int *err)
{
	struct task_struct *t = alloc_task(path);

	*err = -ENOMEM;
	if (!t)
		return NULL;
	t->files = files_alloc_console();
	t->fs = alloc_fs_struct();
	t->sighand = alloc_sighand();
	t->signal = alloc_signal_struct();
	t->fpu = fpu_alloc(false);
	t->restart_block.fn = do_no_restart_syscall;
	t->sas = SAS_RESET;
	if (!t->files || !t->fs || !t->sighand || !t->signal || !t->fpu)
		goto fail;
	*err = exec_task(t, path, argv, envp_init);
	if (*err)
		goto fail;
	*err = t->pid = alloc_pid();
	if (t->pid < 0)
		goto fail;
	t->tgid = t->pgid = t->pid;
	t->group_leader = t;
	t->exit_signal = SIGCHLD;
	t->parent = current;
	/* Its first switch_to lands in ret_from_fork with esp at pt_regs. */
	t->thread.esp = (unsigned long)task_pt_regs(t);
	t->thread.eip = (unsigned long)ret_from_fork;
	sched_add_task(t);
	return t;
fail:
	if (t->mm)
		mmput(t->mm);
	if (t->files)
		put_files(t->files);
	if (t->fs)
		put_fs_struct(t->fs);
	if (t->sighand)
		put_sighand(t->sighand);
	if (t->signal)
		put_signal_struct(t->signal);
	free_task(t);
	return NULL;
}

int reap_child(struct task_struct *t, char *reason, size_t size)
{
	int status;

	wait_event(child_wait_queue(current), t->state == TASK_ZOMBIE);
	status = t->exit_code;
	if (reason)
		strlcpy(reason, t->exit_reason, size);
	release_task(t);
	return status;
}

int reap_orphans(unsigned long timeout)
{
	unsigned long deadline = jiffies + timeout;
	int count = 0;

	for (;;) {
		struct task_struct *t, *zombie = NULL;
		bool children = false;

		for_each_task(t) {
			if (t == &init_task || t->parent != current)
				continue;
			children = true;
			if (t->state == TASK_ZOMBIE) {
				zombie = t;
				break;
			}
		}
		if (zombie) {
			release_task(zombie);
			count++;
			continue;
		}
		if (!children || time_after_eq(jiffies, deadline))
			return count;
		wait_event_timeout(child_wait_queue(current), has_zombie_child(),
				   deadline - jiffies);
	}
}
