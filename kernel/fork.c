/*
 * fork, vfork, clone and clone3: one do_fork behind all four, as in
 * Linux (kernel/fork.c, kernel_clone). do_fork checks the flags the way
 * Linux does, copy_process duplicates the caller (sharing or copying its
 * memory, files and fs by flag), copy_thread gives the child the caller's
 * registers with eax = 0 and, if asked, a new stack and TLS; the child
 * first runs ret_from_fork and leaves through the ordinary return to user
 * space. The signal-handler table is shared (CLONE_SIGHAND) or copied. Flags for features this kernel lacks (namespaces, pidfd,
 * cgroups) fail with -EINVAL.
 */
#include <asm/fpu.h>
#include <asm/signal.h>
#include <asm/uaccess.h>
#include <linux/sched.h>
#include <kernel/errno.h>
#include <kernel/file.h>
#include <kernel/fork.h>
#include <kernel/fs_struct.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/sighand.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

#define CLONE_NAMESPACES (CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | \
			  CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | \
			  CLONE_NEWNET)
/* Accepted and ignored: no tracing, no SysV semaphores, no I/O contexts. */
#define CLONE_IGNORED	(CLONE_PTRACE | CLONE_UNTRACED | CLONE_SYSVSEM | \
			 CLONE_IO | CLONE_DETACHED)
#define CLONE_LEGACY_FLAGS 0xffffffffULL

/* Linux's copy_process checks, in its order. */
static int check_clone_flags(const struct kernel_clone_args *args)
{
	u64 flags = args->flags;

	if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS))
		return -EINVAL;
	if ((flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS))
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	/* init may not make siblings: nobody would reap them. */
	if ((flags & CLONE_PARENT) && current->pid == 1)
		return -EINVAL;
	if ((flags & CLONE_THREAD) && (flags & (CLONE_NEWUSER | CLONE_NEWPID)))
		return -EINVAL;
	if ((flags & CLONE_PIDFD) && (flags & (CLONE_DETACHED | CLONE_THREAD)))
		return -EINVAL;
	/* Not in this kernel: namespaces, pidfds, cgroups. */
	if (flags & (CLONE_NAMESPACES | CLONE_NEWTIME | CLONE_PIDFD |
		     CLONE_INTO_CGROUP))
		return -EINVAL;
	/* Legacy clone takes any CSIGNAL value; clone3 checks its own. */
	return 0;
}

/* The child's registers: the parent's, eax = 0, maybe a new stack. */
static int copy_thread(struct task_struct *p,
		       const struct kernel_clone_args *args)
{
	struct pt_regs *regs = task_pt_regs(p);

	*regs = *task_pt_regs(current);
	regs->eax = 0;
	if (args->stack)
		regs->esp = args->stack;
	memcpy(p->thread.tls_array, current->thread.tls_array,
	       sizeof(p->thread.tls_array));
	/* Its first switch_to lands in ret_from_fork with esp at pt_regs. */
	p->thread.esp = (unsigned long)regs;
	p->thread.eip = (unsigned long)ret_from_fork;
	if (args->flags & CLONE_SETTLS)
		return do_set_thread_area(p, (struct user_desc __user *)args->tls,
					  false);
	return 0;
}

static int copy_mm(struct task_struct *p, u64 flags)
{
	if (!current->mm)
		return 0;
	if (flags & CLONE_VM) {
		current->mm->users++;
		p->mm = current->mm;
		return 0;
	}
	p->mm = dup_mm(current->mm);
	return p->mm ? 0 : -ENOMEM;
}

static int copy_files(struct task_struct *p, u64 flags)
{
	if (!current->files)
		return 0;
	if (flags & CLONE_FILES) {
		current->files->count++;
		p->files = current->files;
		return 0;
	}
	p->files = dup_files(current->files);
	return p->files ? 0 : -ENOMEM;
}

static int copy_fs(struct task_struct *p, u64 flags)
{
	if (!current->fs)
		return 0;
	if (flags & CLONE_FS) {
		current->fs->users++;
		p->fs = current->fs;
		return 0;
	}
	p->fs = copy_fs_struct(current->fs);
	return p->fs ? 0 : -ENOMEM;
}

static int copy_sighand_for(struct task_struct *p, u64 flags)
{
	if (!current->sighand)
		return 0;
	if (flags & CLONE_SIGHAND) {
		current->sighand->count++;
		p->sighand = current->sighand;
		return 0;
	}
	p->sighand = copy_sighand(current->sighand);
	if (!p->sighand)
		return -ENOMEM;
	if (flags & CLONE_CLEAR_SIGHAND)
		flush_signal_handlers(p->sighand);
	return 0;
}

/*
 * The thread group's signal state: shared by threads, new for a process.
 * Each thread starts with its creator's mask, nothing pending, and its
 * alternate stack unless it shares the memory without vfork (Linux).
 */
static int copy_signal(struct task_struct *p, u64 flags)
{
	p->blocked = current->blocked;
	p->restart_block.fn = do_no_restart_syscall;
	p->sas = (flags & (CLONE_VM | CLONE_VFORK)) != CLONE_VM ?
		 current->sas : SAS_RESET;
	if (flags & CLONE_THREAD) {
		current->signal->count++;
		p->signal = current->signal;
		return 0;
	}
	p->signal = alloc_signal_struct();
	return p->signal ? 0 : -ENOMEM;
}

/* Undo copy_process's work on a child that will never run. */
static void release_unstarted(struct task_struct *p)
{
	if (p->mm)
		mmput(p->mm);
	if (p->files)
		put_files(p->files);
	if (p->fs)
		put_fs_struct(p->fs);
	if (p->sighand)
		put_sighand(p->sighand);
	if (p->signal)
		put_signal_struct(p->signal);
	free_task(p);
}

/* Build the child; it is not yet runnable. */
static struct task_struct *copy_process(const struct kernel_clone_args *args,
					int *err)
{
	u64 flags = args->flags;
	struct task_struct *p;
	pid_t pid = alloc_pid();

	if (pid < 0) {
		*err = pid;
		return NULL;
	}
	*err = -ENOMEM;
	p = alloc_task(current->comm);
	if (!p)
		return NULL;
	p->pid = pid;
	p->pgid = current->pgid;
	if (flags & CLONE_THREAD) {
		p->tgid = current->tgid;
		p->group_leader = current->group_leader;
		p->exit_signal = -1;
		p->parent = current->parent;
	} else {
		p->tgid = pid;
		p->group_leader = p;
		/* A CLONE_PARENT sibling signals our parent as we would. */
		p->exit_signal = flags & CLONE_PARENT ?
				 current->group_leader->exit_signal :
				 args->exit_signal;
		p->parent = flags & CLONE_PARENT ? current->parent : current;
	}
	if (flags & CLONE_CHILD_SETTID)
		p->set_child_tid = (u32 __user *)args->child_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = (u32 __user *)args->child_tid;
	/* The child's FPU registers: a copy of ours, as they are now. */
	if (current->mm && !(p->fpu = fpu_alloc(true))) {
		*err = -ENOMEM;
		release_unstarted(p);
		return NULL;
	}
	*err = copy_mm(p, flags);
	if (!*err)
		*err = copy_files(p, flags);
	if (!*err)
		*err = copy_fs(p, flags);
	if (!*err)
		*err = copy_sighand_for(p, flags);
	if (!*err)
		*err = copy_signal(p, flags);
	if (!*err)
		*err = copy_thread(p, args);
	if (*err) {
		release_unstarted(p);
		return NULL;
	}
	return p;
}

long do_fork(const struct kernel_clone_args *args)
{
	struct vfork_done vfork = { WAIT_QUEUE_HEAD_INIT, false };
	struct task_struct *p;
	int err = check_clone_flags(args);
	pid_t pid;

	if (err)
		return err;
	p = copy_process(args, &err);
	if (!p)
		return err;
	pid = p->pid;
	if (args->flags & CLONE_PARENT_SETTID)
		put_user_u32(pid, (u32 __user *)args->parent_tid);
	if (args->flags & CLONE_VFORK)
		p->vfork_done = &vfork;
	sched_add_task(p);
	if (args->flags & CLONE_VFORK) {
		/* Only a fatal signal ends this wait (Linux: killable). */
		wait_event_killable(&vfork.wq, vfork.done);
		/* Dying first: the child must not write to our stack. */
		if (!vfork.done)
			p->vfork_done = NULL;
	}
	return pid;
}

long sys_fork(void)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return do_fork(&args);
}

/* Not a clone wrapper in user space: the child would run on, and
 * clobber, the parent's stack frame before the parent resumes. */
long sys_vfork(void)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	return do_fork(&args);
}

/* i386 argument order (CONFIG_CLONE_BACKWARDS): flags, newsp, parent_tid, tls, child_tid. */
long sys_clone(unsigned long clone_flags, unsigned long newsp,
	       int __user *parent_tid, unsigned long tls, int __user *child_tid)
{
	struct kernel_clone_args args = {
		.flags = clone_flags & ~CSIGNAL,
		.exit_signal = clone_flags & CSIGNAL,
		.stack = newsp,
		.parent_tid = (unsigned long)parent_tid,
		.child_tid = (unsigned long)child_tid,
		.tls = tls,
	};

	return do_fork(&args);
}

/*
 * clone3: struct clone_args with size versioning. Smaller than the first
 * version: -EINVAL; larger than this kernel knows: the extra bytes must
 * be zero (-E2BIG otherwise), as copy_struct_from_user requires.
 */
long sys_clone3(struct clone_args __user *uargs, size_t size)
{
	struct clone_args ca;
	struct kernel_clone_args args;
	u8 byte;

	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	memset(&ca, 0, sizeof(ca));
	if (copy_from_user(&ca, uargs, size < sizeof(ca) ? size : sizeof(ca)))
		return -EFAULT;
	for (size_t i = sizeof(ca); i < size; i++) {
		if (copy_from_user(&byte, (u8 __user *)uargs + i, 1))
			return -EFAULT;
		if (byte)
			return -E2BIG;
	}
	if ((ca.exit_signal & ~(u64)CSIGNAL) || ca.exit_signal > KERNEL_NSIG)
		return -EINVAL;
	if ((ca.flags & CLONE_INTO_CGROUP) &&
	    (ca.cgroup > 0x7fffffff || size < CLONE_ARGS_SIZE_VER2))
		return -EINVAL;
	/* clone3_args_valid */
	if (ca.flags & ~(CLONE_LEGACY_FLAGS | CLONE_CLEAR_SIGHAND |
			 CLONE_INTO_CGROUP))
		return -EINVAL;
	if (ca.flags & (CLONE_DETACHED | (CSIGNAL & ~CLONE_NEWTIME)))
		return -EINVAL;
	if ((ca.flags & (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND)) ==
	    (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND))
		return -EINVAL;
	if ((ca.flags & (CLONE_THREAD | CLONE_PARENT)) && ca.exit_signal)
		return -EINVAL;
	if (ca.stack_size ? !ca.stack || !access_ok((void *)(unsigned long)ca.stack,
						       ca.stack_size)
			  : ca.stack != 0)
		return -EINVAL;
	if (ca.set_tid || ca.set_tid_size)
		return -EINVAL;		/* choosing pids: not in this kernel */
	args = (struct kernel_clone_args){
		.flags = ca.flags,
		.exit_signal = ca.exit_signal,
		.stack = ca.stack ? ca.stack + ca.stack_size : 0,
		.parent_tid = ca.parent_tid,
		.child_tid = ca.child_tid,
		.tls = ca.tls,
	};
	return do_fork(&args);
}
