/*
 * Ending tasks and waiting for them: exit, exit_group, wait4, waitpid.
 *
 * An exiting task gives back its memory, files and fs; clears and
 * futex-wakes its CLONE_CHILD_CLEARTID word; releases a vfork parent;
 * hands its children to a reaper (init, pid 1, or the boot task when
 * there is no init); and becomes a zombie for its parent to reap, or,
 * if it is a thread nobody waits for, is freed at the next switch.
 * A group leader stays waitable only once its whole group is gone.
 */
#include <asm/irq.h>
#include <asm/signal.h>
#include <linux/resource.h>
#include <linux/wait.h>
#include <kernel/errno.h>
#include <kernel/exit.h>
#include <kernel/file.h>
#include <kernel/fs_struct.h>
#include <kernel/futex.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/sighand.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

/* The vfork parent may go on: the child has exec'd or is exiting. */
void mm_release(struct task_struct *t)
{
	if (t->vfork_done) {
		t->vfork_done->done = true;
		wake_up(&t->vfork_done->wq);
		t->vfork_done = NULL;
	}
}

/*
 * Who adopts orphans: a live thread of the dying task's own group (any
 * thread may wait for the group's children), else init if it lives,
 * else the boot task.
 */
static struct task_struct *find_reaper(struct task_struct *dying)
{
	struct task_struct *init = find_task_by_pid(1), *t;

	for_each_task(t)
		if (t != dying && t->tgid == dying->tgid && task_alive(t))
			return t;

	if (init && init != dying && init->state != TASK_ZOMBIE &&
	    init->state != TASK_DEAD)
		return init;
	return &init_task;
}

static void reparent_children(struct task_struct *dying)
{
	struct task_struct *reaper = find_reaper(dying), *t;
	bool zombies = false;

	for_each_task(t) {
		if (t->parent != dying)
			continue;
		t->parent = reaper;
		zombies |= t->state == TASK_ZOMBIE;
	}
	if (zombies)
		wake_up(child_wait_queue(reaper));
}

/* Is any other task of t's thread group still alive? */
static bool group_has_live_threads(const struct task_struct *t)
{
	struct task_struct *o;

	for_each_task(o)
		if (o != t && o->tgid == t->tgid && task_alive(o))
			return true;
	return false;
}

__noreturn void do_exit(int status)
{
	struct task_struct *t = current, *leader;

	if (t == &init_task)
		panic("attempted to kill the idle task (status 0x%x)", status);
	t->exit_code = status;
	if (t->clear_child_tid && t->mm) {
		/* Thread libraries join on this word (CLONE_CHILD_CLEARTID). */
		if (!put_user_u32(0, t->clear_child_tid))
			futex_wake(t->clear_child_tid, false, 1);
		t->clear_child_tid = NULL;
	}
	mm_release(t);
	if (t->mm) {
		/* Off its page tables before they may go. */
		switch_pgd(swapper_pg_dir);
		mmput(t->mm);
		t->mm = NULL;
	}
	if (t->files) {
		put_files(t->files);
		t->files = NULL;
	}
	if (t->fs) {
		put_fs_struct(t->fs);
		t->fs = NULL;
	}
	local_irq_disable();
	if (t->sighand) {
		put_sighand(t->sighand);
		t->sighand = NULL;
	}
	flush_sigqueue(&t->pending);
	if (t->signal) {
		struct signal_struct *s = t->signal;

		t->signal = NULL;
		retarget_shared_pending(t, s);
		put_signal_struct(s);
	}
	reparent_children(t);
	if (t->exit_signal == -1) {
		/* A thread: nobody waits for it. Its leader may now be. */
		t->state = TASK_DEAD;
		leader = t->group_leader;
		if (leader && leader != t && leader->state == TASK_ZOMBIE &&
		    !group_has_live_threads(leader)) {
			/* Linux reports the last thread's status for the group. */
			leader->exit_code = status;
			if (do_notify_parent(leader, status))
				release_task(leader);	/* autoreaped */
		}
	} else if (group_has_live_threads(t)) {
		/* The group lives on: the parent hears of it at its end. */
		t->state = TASK_ZOMBIE;
	} else {
		/* Autoreaped (the parent ignores SIGCHLD): freed at the switch. */
		t->state = do_notify_parent(t, status) ? TASK_DEAD : TASK_ZOMBIE;
	}
	schedule();
	panic("dead task %d ran again", t->pid);
}

/* exit_group: every other thread of the group ends with the same status. */
__noreturn void do_group_exit(int status)
{
	struct task_struct *t, *leader = current->group_leader;

	/* The group's exit status, whatever the leader exited with before. */
	if (leader && leader != current)
		leader->exit_code = status;
	for_each_task(t) {
		if (t == current || t->tgid != current->tgid ||
		    t == &init_task || t->state == TASK_ZOMBIE ||
		    t->state == TASK_DEAD)
			continue;
		t->group_exit = status + 1;
		wake_up_process(t);
	}
	do_exit(status);
}

/*
 * execve in a thread group (Linux's de_thread): every other thread ends,
 * and if the caller is not the group leader it takes the leader's place,
 * pid and all, so that the new program runs as the process its parent
 * knows. Called at exec's point of no return.
 */
void de_thread(void)
{
	struct task_struct *t, *leader = current->group_leader;
	bool others;

	for (;;) {
		others = false;
		for_each_task(t) {
			if (t == current || t->tgid != current->tgid ||
			    !task_alive(t))
				continue;
			others = true;
			if (!t->group_exit) {
				t->group_exit = 1;	/* exit status 0 */
				wake_up_process(t);
			}
		}
		if (!others)
			break;
		schedule();	/* let them run to their end */
	}
	if (!leader || leader == current)
		return;
	current->pid = leader->pid;
	current->parent = leader->parent;
	current->exit_signal = leader->exit_signal;
	current->pgid = leader->pgid;
	for_each_task(t)
		if (t->group_leader == leader)
			t->group_leader = current;
	/* The old leader is a zombie nobody will wait for: it goes now. */
	leader->parent = NULL;
	if (leader->state == TASK_ZOMBIE)
		release_task(leader);
}

/* Called on the way back to user space when another thread ran exit_group. */
void exit_if_group_exiting(void)
{
	if (current->group_exit)
		do_exit(current->group_exit - 1);
}

long sys_exit(int code)
{
	do_exit(W_EXITCODE(code & 0xff, 0));
}

long sys_exit_group(int code)
{
	do_group_exit(W_EXITCODE(code & 0xff, 0));
}

/* Does child c match wait4's pid argument, seen from the caller? */
static bool pid_matches(const struct task_struct *c, pid_t pid)
{
	if (pid > 0)
		return c->tgid == pid;
	if (pid == -1)
		return true;
	if (pid == 0)
		return c->pgid == current->pgid;
	return c->pgid == -pid;
}

/* Linux's rule: __WALL waits for all; __WCLONE only for "clone" children. */
static bool type_matches(const struct task_struct *c, int options)
{
	bool clone_child = c->exit_signal != SIGCHLD;

	if (options & __WALL)
		return true;
	return clone_child == !!(options & __WCLONE);
}

/*
 * Has child c (a live process) a job-control change to report? With
 * WUNTRACED a stop, with WCONTINUED a continue, each once: the status
 * is stored in *status.
 */
static bool job_control_event(struct task_struct *c, int options, int *status)
{
	struct signal_struct *s = c->signal;

	if (!s)
		return false;
	if ((options & WUNTRACED) && s->stop_to_report) {
		*status = W_STOPCODE(s->stop_to_report);
		return true;
	}
	if ((options & WCONTINUED) && s->continued_to_report) {
		*status = 0xffff;
		return true;
	}
	return false;
}

/*
 * Scan the caller's (thread group's) children. Returns a reapable zombie,
 * or a stopped or continued child that wait4's options ask for, or NULL
 * with *have_children telling whether any child matched at all.
 */
static struct task_struct *find_zombie(pid_t pid, int options,
				       bool *have_children)
{
	struct task_struct *c;
	int dummy;

	*have_children = false;
	for_each_task(c) {
		if (c == &init_task || c->exit_signal == -1 || !c->parent)
			continue;
		if (c->parent != current &&
		    ((options & __WNOTHREAD) || c->parent->tgid != current->tgid))
			continue;
		if (!pid_matches(c, pid) || !type_matches(c, options))
			continue;
		*have_children = true;
		if (c->state == TASK_ZOMBIE && !group_has_live_threads(c))
			return c;
		if (job_control_event(c, options, &dummy))
			return c;
	}
	return NULL;
}

/* Free a reaped zombie. */
void release_task(struct task_struct *t)
{
	sched_remove_task(t);
	free_task(t);
}

long kernel_wait4(pid_t pid, int __user *stat_addr, int options,
		  struct rusage __user *ru)
{
	struct task_struct *z;
	bool have;
	long ret;
	int status;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	if (pid == (pid_t)0x80000000)	/* -INT_MIN is undefined */
		return -ESRCH;
	for (;;) {
		z = find_zombie(pid, options, &have);
		if (z || !have || (options & WNOHANG))
			break;
		if (!wait_event_timeout(child_wait_queue(current),
					find_zombie(pid, options, &have) ||
					!have, 0))
			return -ERESTARTSYS;	/* a signal came first */
	}
	if (!z)
		return have ? 0 : -ECHILD;
	ret = z->tgid;
	if (z->state != TASK_ZOMBIE &&
	    job_control_event(z, options, &status)) {
		/* Stopped or continued: reported once, not reaped. */
		if (status == 0xffff)
			z->signal->continued_to_report = false;
		else
			z->signal->stop_to_report = 0;
	} else {
		status = z->exit_code;
		/* Linux reaps the child even when storing the results
		 * fails; the status is stored before the rusage. */
		release_task(z);
	}
	if (stat_addr && put_user_u32(status, (u32 __user *)stat_addr))
		return -EFAULT;
	if (ru) {
		struct rusage zero;

		memset(&zero, 0, sizeof(zero));
		if (copy_to_user(ru, &zero, sizeof(zero)))
			return -EFAULT;
	}
	return ret;
}

long sys_wait4(pid_t pid, int __user *stat_addr, int options,
	       struct rusage __user *ru)
{
	return kernel_wait4(pid, stat_addr, options, ru);
}

long sys_waitpid(pid_t pid, int __user *stat_addr, int options)
{
	return kernel_wait4(pid, stat_addr, options, NULL);
}
