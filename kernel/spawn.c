/*
 * Starting user programs from the kernel, and reaping them: what runs
 * /init, and what the test harness uses to run each test program as a
 * child of the boot task. (fork and execve from user space come later;
 * they will share exec_task and the task list.)
 */
#include <asm/irq.h>
#include <kernel/errno.h>
#include <kernel/exec.h>
#include <kernel/file.h>
#include <kernel/printk.h>
#include <kernel/spawn.h>
#include <kernel/string.h>

/* Linux's init environment (init/main.c envp_init). */
static const char *const envp_init[] = { "HOME=/", "TERM=linux", NULL };
static pid_t last_pid;

struct task_struct *spawn_user(const char *path, const char *const argv[],
			       int *err)
{
	struct task_struct *t = alloc_task(path);

	*err = -ENOMEM;
	if (!t)
		return NULL;
	t->files = files_alloc_console();
	if (!t->files)
		goto fail;
	*err = exec_task(t, path, argv, envp_init);
	if (*err)
		goto fail;
	t->pid = t->tgid = ++last_pid;
	t->parent = current;
	/* Its first switch_to lands in ret_from_fork with esp at pt_regs. */
	t->thread.esp = (unsigned long)task_pt_regs(t);
	t->thread.eip = (unsigned long)ret_from_fork;
	sched_add_task(t);
	return t;
fail:
	if (t->files)
		put_files(t->files);
	free_task(t);
	return NULL;
}

int reap_child(struct task_struct *t, char *reason, size_t size)
{
	int status;

	local_irq_disable();
	while (t->state != TASK_ZOMBIE) {
		current->state = TASK_INTERRUPTIBLE;
		schedule();
	}
	current->state = TASK_RUNNING;
	local_irq_enable();
	status = t->exit_code;
	if (reason)
		strlcpy(reason, t->exit_reason, size);
	sched_remove_task(t);
	free_task(t);
	return status;
}
