/*
 * Tasks and the scheduler.
 *
 * Every task has a kernel stack of THREAD_SIZE bytes. A task that runs
 * in user space keeps its struct pt_regs at the very top of that stack
 * (task_pt_regs), where int $0x80, sysenter and every interrupt from ring
 * 3 build it; TSS esp0 always points at the running task's stack top.
 *
 * Scheduling is round robin with a one-tick time slice: the timer sets
 * need_resched, and a task running user code is switched out on its way
 * back to user space. Kernel code is never preempted; it gives the CPU
 * up only by sleeping, yielding or exiting. The boot context is task 0
 * ("swapper"), which also runs the test harness.
 */
#ifndef _KERNEL_SCHED_H
#define _KERNEL_SCHED_H

#include <asm/desc.h>
#include <asm/ptrace.h>
#include <kernel/signal.h>
#include <kernel/types.h>
#include <kernel/wait.h>

/*
 * Each task's kernel stack: 12 KiB on top of an unmapped guard page, all
 * from one 16 KiB block. Running off the bottom faults on the guard page;
 * the fault cannot be handled on the same stack, so it becomes a double
 * fault, which has its own stack and reports the overflow.
 */
#define THREAD_ORDER		2
#define THREAD_GUARD		4096
#define THREAD_SIZE		((4096 << THREAD_ORDER) - THREAD_GUARD)
#define STACK_END_MAGIC		0x57AC6E9D	/* Linux's value */
/* Tasks at most: fork and clone fail with -EAGAIN beyond (a fork bomb's end). */
#define PID_MAX_TASKS		256
#define TASK_COMM_LEN		16

typedef int pid_t;

enum task_state {
	TASK_RUNNING,
	TASK_INTERRUPTIBLE,	/* asleep until woken (or a signal comes) */
	TASK_STOPPED,		/* a stop signal: until SIGCONT or SIGKILL */
	TASK_ZOMBIE,		/* exited; waiting to be reaped */
	TASK_DEAD,		/* exited, nobody waits: freed at the next switch */
};

/* CLONE_VFORK: the parent sleeps until the child execs or exits. */
struct vfork_done {
	struct wait_queue_head wq;
	bool done;
};

/* What switch_to saves and restores, and what the CPU needs per task. */
struct thread_struct {
	unsigned long esp;	/* kernel esp while switched out */
	unsigned long eip;	/* where it resumes */
	unsigned long esp0;	/* top of its kernel stack */
	struct desc_struct tls_array[GDT_ENTRY_TLS_ENTRIES];
	/* The last user-mode fault, for the signal frame's sigcontext. */
	unsigned long trap_nr;
	unsigned long error_code;
	unsigned long cr2;
};

struct mm_struct;
struct files_struct;
struct fs_struct;
struct sighand_struct;
struct signal_struct;
union fpu_state;

struct task_struct {
	struct thread_struct thread;
	enum task_state state;
	pid_t pid;			/* the thread id */
	pid_t tgid;			/* the process id: the group leader's pid */
	pid_t pgid;			/* process group, for wait4(0 / -pgid) */
	char comm[TASK_COMM_LEN];
	void *stack;			/* lowest address of the kernel stack */
	struct mm_struct *mm;		/* NULL for kernel-only tasks */
	struct files_struct *files;	/* shared with CLONE_FILES */
	struct fs_struct *fs;		/* shared with CLONE_FS */
	struct sighand_struct *sighand;	/* shared with CLONE_SIGHAND */
	union fpu_state *fpu;		/* user tasks: x87/SSE registers (asm/fpu.h) */
	int exit_code;			/* wait status, as Linux encodes it */
	int exit_signal;		/* CSIGNAL of clone: to the parent at exit; -1 for threads */
	char exit_reason[96];		/* why it was killed, if it was */
	unsigned long wakeup_jiffies;	/* sleep deadline, 0 if none */
	struct task_struct *parent;	/* who waits for it (real parent) */
	struct task_struct *group_leader;	/* the thread group's first task */
	u32 *set_child_tid;		/* CLONE_CHILD_SETTID: written at first run */
	u32 *clear_child_tid;		/* CLONE_CHILD_CLEARTID: zeroed + futex-woken at exit */
	struct vfork_done *vfork_done;	/* CLONE_VFORK: the parent waits on it */
	struct wait_queue_head wait_chldexit;	/* the group's wait4s sleep on the leader's */
	int group_exit;			/* exit_group by another thread: its status + 1 */
	/* Signals (kernel/signal.c). */
	struct signal_struct *signal;	/* shared with CLONE_THREAD */
	int sigpending;			/* entry.S: take signals before user mode */
	ksigset_t blocked;
	ksigset_t saved_sigmask;	/* sigsuspend's: back after the handler */
	ksigset_t real_blocked;		/* rt_sigtimedwait: the mask while it waits */
	bool restore_sigmask;
	struct sigpending pending;	/* sent to this thread only */
	struct sigaltstack_state sas;
	struct restart_block restart_block;	/* for restart_syscall */
	struct task_struct *next_task;	/* every task, a circular list */
};

extern struct task_struct *current;
extern volatile int need_resched;
extern struct task_struct init_task;

/*
 * Where wait4 sleeps for t's children: one queue per thread group (any
 * thread may wait for a child another thread made), the leader's.
 */
static inline struct wait_queue_head *child_wait_queue(struct task_struct *t)
{
	return t->group_leader ? &t->group_leader->wait_chldexit :
				 &t->wait_chldexit;
}

/* A user or kernel task that has not exited (not the boot task). */
static inline bool task_alive(const struct task_struct *t)
{
	return t != &init_task && t->state != TASK_ZOMBIE &&
	       t->state != TASK_DEAD;
}

static inline struct pt_regs *task_pt_regs(struct task_struct *t)
{
	return (struct pt_regs *)((char *)t->stack + THREAD_SIZE) - 1;
}

void sched_init(void);
/* Run another runnable task if there is one; idle (hlt) while none is. */
void schedule(void);
void wake_up_process(struct task_struct *t);
/* A new task with its own kernel stack, not yet on the run list. */
struct task_struct *alloc_task(const char *comm);
void free_task(struct task_struct *t);
void sched_add_task(struct task_struct *t);
void sched_remove_task(struct task_struct *t);
/* Timer tick: wake sleepers whose time has come. */
void sched_tick(void);
/* Number of tasks besides the boot task. */
extern int nr_tasks;
/* The task with this pid, or NULL. */
struct task_struct *find_task_by_pid(pid_t pid);
/* A fresh pid: -EAGAIN when PID_MAX_TASKS tasks exist. */
pid_t alloc_pid(void);

/* For each task, the boot task first. */
#define for_each_task(t) \
	for ((t) = &init_task; (t); \
	     (t) = (t)->next_task == &init_task ? NULL : (t)->next_task)

/* Copy t's TLS descriptors into the GDT (arch/i386/tls.c). */
void load_tls(const struct thread_struct *t);
struct user_desc;
/*
 * set_thread_area for task t (also CLONE_SETTLS, for a new task):
 * entry_number -1 picks a free slot only if can_allocate.
 */
int do_set_thread_area(struct task_struct *t, struct user_desc *u_info,
		       bool can_allocate);

/* Assembly (arch/i386/switch.S). */
void switch_to(struct task_struct *prev, struct task_struct *next);
void ret_from_fork(void);

#endif
