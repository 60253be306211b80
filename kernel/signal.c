/*
 * Signals, after Linux's kernel/signal.c: sending (kill, tkill, tgkill,
 * faults, SIGCHLD, SIGPIPE, SIGALRM), the pending sets, masks, and
 * taking a signal on the way back to user space (get_signal), with the
 * default actions: ignore, stop the group, continue it, or end it.
 *
 * Sending: a signal that would be ignored is dropped at once (unless it
 * is blocked: the handler may change before it is unblocked). Otherwise
 * it goes on the thread's or the group's pending set, and one thread
 * that does not block it is told (sigpending) and woken. A signal whose
 * action is to end the process ends every thread of the group at once,
 * as Linux's complete_signal does.
 *
 * The state changes with interrupts off: the timer tick sends SIGALRM.
 */
#include <asm/irq.h>
#include <asm/siginfo.h>
#include <asm/timer.h>
#include <asm/uaccess.h>
#include <linux/time.h>
#include <kernel/errno.h>
#include <kernel/exit.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/sighand.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>

/* Signals the CPU raises for the instruction at hand: taken first. */
#define SYNCHRONOUS_MASK (sigmask(SIGSEGV) | sigmask(SIGBUS) | \
			  sigmask(SIGILL) | sigmask(SIGTRAP) | \
			  sigmask(SIGFPE) | sigmask(SIGSYS))

/* Default actions (Linux's sig_kernel_* sets). */
#define SIG_KERNEL_IGNORE_MASK (sigmask(SIGCONT) | sigmask(SIGCHLD) | \
				sigmask(SIGWINCH) | sigmask(SIGURG))
#define SIG_KERNEL_STOP_MASK (sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
			      sigmask(SIGTTIN) | sigmask(SIGTTOU))

static bool valid_signal(unsigned long sig)
{
	return sig <= KERNEL_NSIG;
}

static bool sig_kernel_ignore(int sig)
{
	return sig < SIGRT_FIRST && (sigmask(sig) & SIG_KERNEL_IGNORE_MASK);
}

bool sig_default_ignored(int sig)
{
	return sig_kernel_ignore(sig);
}

static bool sig_kernel_stop(int sig)
{
	return sig < SIGRT_FIRST && (sigmask(sig) & SIG_KERNEL_STOP_MASK);
}

static struct k_sigaction *sig_action(struct task_struct *t, int sig)
{
	return &t->sighand->action[sig - 1];
}

static bool sig_handler_ignored(u32 handler, int sig)
{
	return handler == SIG_IGN_VALUE ||
	       (handler == SIG_DFL_VALUE && sig_kernel_ignore(sig));
}

/* Does sig's action end the process (default terminate or core)? */
static bool sig_fatal(struct task_struct *t, int sig)
{
	u32 handler = sig_action(t, sig)->handler;

	if (sig == SIGKILL)
		return true;
	return handler == SIG_DFL_VALUE && !sig_kernel_ignore(sig) &&
	       !sig_kernel_stop(sig);
}

/* A task that can still take signals: not exited, not a kernel task. */
static bool task_signalable(const struct task_struct *t)
{
	return task_alive(t) && t->signal && t->sighand;
}

#define for_each_thread(leader_tgid, t) \
	for_each_task(t) if ((t)->tgid == (leader_tgid) && task_signalable(t))

bool signal_pending(struct task_struct *t)
{
	return t->sigpending || t->group_exit;
}

bool fatal_signal_pending(struct task_struct *t)
{
	return t->group_exit || (t->pending.signal & sigmask(SIGKILL));
}

void recalc_sigpending(struct task_struct *t)
{
	unsigned long flags = local_irq_save();
	ksigset_t pending = t->pending.signal;

	if (t->signal)
		pending |= t->signal->shared_pending.signal;
	t->sigpending = (pending & ~t->blocked) != 0 ||
			(t->signal && t->signal->group_stop);
	local_irq_restore(flags);
}

void set_current_blocked(ksigset_t set)
{
	current->blocked = set & ~SIG_KERNEL_ONLY_MASK;
	recalc_sigpending(current);
}

/* --- pending sets ---------------------------------------------------- */

static void sigqueue_add(struct sigpending *p, int sig,
			 const struct ksiginfo *info)
{
	struct sigqueue *q, **tail;

	if (sig < SIGRT_FIRST) {
		/* A standard signal is pending once; the first info stays. */
		if (!(p->signal & sigmask(sig)))
			p->std[sig - 1] = *info;
	} else {
		/* Real-time signals queue. Without memory the signal is
		 * still marked pending, and is taken with a minimal info. */
		q = kmalloc(sizeof(*q));
		if (q) {
			q->next = NULL;
			q->info = *info;
			for (tail = &p->rt; *tail; tail = &(*tail)->next)
				;
			*tail = q;
		}
	}
	p->signal |= sigmask(sig);
}

/* Take sig off p, with its info. */
static void collect_signal(int sig, struct sigpending *p,
			   struct ksiginfo *info)
{
	struct sigqueue **pq, *q;
	bool more = false;

	if (sig < SIGRT_FIRST) {
		*info = p->std[sig - 1];
		p->signal &= ~sigmask(sig);
		return;
	}
	memset(info, 0, sizeof(*info));
	info->signo = sig;
	info->code = SI_USER;
	for (pq = &p->rt; (q = *pq); pq = &q->next)
		if (q->info.signo == sig)
			break;
	if (q) {
		*info = q->info;
		*pq = q->next;
		kfree(q);
		for (q = *pq; q; q = q->next)
			more |= q->info.signo == sig;
	}
	if (!more)
		p->signal &= ~sigmask(sig);
}

/* Remove the signals in mask from p (SIGCONT drops stops and so on). */
static void flush_sigqueue_mask(struct sigpending *p, ksigset_t mask)
{
	struct sigqueue **pq = &p->rt, *q;

	p->signal &= ~mask;
	while ((q = *pq)) {
		if (mask & sigmask(q->info.signo)) {
			*pq = q->next;
			kfree(q);
		} else {
			pq = &q->next;
		}
	}
}

void flush_pending_signal(struct task_struct *t, int sig)
{
	unsigned long flags = local_irq_save();
	struct task_struct *th;

	flush_sigqueue_mask(&t->signal->shared_pending, sigmask(sig));
	for_each_thread(t->tgid, th) {
		flush_sigqueue_mask(&th->pending, sigmask(sig));
		recalc_sigpending(th);
	}
	local_irq_restore(flags);
}

void flush_sigqueue(struct sigpending *p)
{
	unsigned long flags = local_irq_save();

	flush_sigqueue_mask(p, ~0ULL);
	local_irq_restore(flags);
}

/* Lowest pending unblocked signal in p, the CPU's own first; 0 if none. */
static int next_signal(const struct sigpending *p, ksigset_t blocked)
{
	ksigset_t x = p->signal & ~blocked;
	int sig = 1;

	if (!x)
		return 0;
	if (x & SYNCHRONOUS_MASK)
		x &= SYNCHRONOUS_MASK;
	while (!(x & 1)) {
		x >>= 1;
		sig++;
	}
	return sig;
}

/* The next signal outside `blocked`, thread's own first; 0 if none. */
static int dequeue_signal_mask(struct task_struct *t, ksigset_t blocked,
			       struct ksiginfo *info)
{
	int sig = next_signal(&t->pending, blocked);

	if (sig) {
		collect_signal(sig, &t->pending, info);
		return sig;
	}
	sig = next_signal(&t->signal->shared_pending, blocked);
	if (sig)
		collect_signal(sig, &t->signal->shared_pending, info);
	return sig;
}

static int dequeue_signal(struct task_struct *t, struct ksiginfo *info)
{
	return dequeue_signal_mask(t, t->blocked, info);
}

struct signal_struct *alloc_signal_struct(void)
{
	struct signal_struct *s = kzalloc(sizeof(*s));

	if (s)
		s->count = 1;
	return s;
}

void put_signal_struct(struct signal_struct *s)
{
	if (--s->count)
		return;
	flush_sigqueue(&s->shared_pending);
	kfree(s);
}

void retarget_shared_pending(struct task_struct *t, struct signal_struct *s)
{
	struct task_struct *th;

	if (!s->shared_pending.signal)
		return;
	for_each_thread(t->tgid, th) {
		recalc_sigpending(th);
		if (th->sigpending && th->state == TASK_INTERRUPTIBLE)
			th->state = TASK_RUNNING;
	}
}

/* --- sending ---------------------------------------------------------- */

/* Make t take a look at its signals (and run, if it sleeps). */
static void signal_wake_up(struct task_struct *t, bool fatal)
{
	t->sigpending = 1;
	if (t->state == TASK_INTERRUPTIBLE ||
	    (fatal && t->state == TASK_STOPPED))
		t->state = TASK_RUNNING;
}

/* Record in the leader why the process is ending, for the log. */
static void note_kill(struct task_struct *t, int sig)
{
	struct task_struct *leader = t->group_leader ? t->group_leader : t;

	if (!leader->exit_reason[0] || sig == SIGKILL)
		snprintf(leader->exit_reason, sizeof(leader->exit_reason),
			 "signal %d", sig);
}

/*
 * End t's whole thread group with the wait status of a death by sig:
 * every thread leaves at its next return to user space (sleepers are
 * woken, stopped ones too).
 */
static void group_kill(struct task_struct *t, int sig)
{
	struct task_struct *th;

	note_kill(t, sig);
	pr_info("%s[%d]: killed by signal %d: %s\n", t->comm, t->tgid, sig,
		(t->group_leader ? t->group_leader : t)->exit_reason);
	if (t->signal)
		t->signal->group_stop = 0;
	for_each_thread(t->tgid, th) {
		if (!th->group_exit)
			th->group_exit = W_EXITCODE(0, sig) + 1;
		signal_wake_up(th, true);
	}
}

static bool wants_signal(int sig, struct task_struct *t)
{
	if (t->blocked & sigmask(sig))
		return false;
	if (t->group_exit || !task_signalable(t))
		return false;
	return sig == SIGKILL || t == current || !t->sigpending;
}

/* The signal is queued: pick who takes it, or end the group at once. */
static void complete_signal(int sig, struct task_struct *p, bool group)
{
	struct task_struct *t = NULL, *th;

	if (wants_signal(sig, p)) {
		t = p;
	} else if (group) {
		for_each_thread(p->tgid, th)
			if (wants_signal(sig, th)) {
				t = th;
				break;
			}
	}
	/* Nobody can take it now (all block it, or the ones that do not
	 * have signal work pending already and will look): it waits. */
	if (!t)
		return;
	/* Fatal, unless it is one rt_sigtimedwait waits for. */
	if (sig_fatal(t, sig) && !(t->blocked & sigmask(sig)) &&
	    !(t->real_blocked & sigmask(sig))) {
		group_kill(t, sig);
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

/* Job control on sending: a stop cancels continues, SIGCONT the reverse. */
static void do_notify_parent_cldstop(struct task_struct *t, int why, int sig);

static void prepare_signal(int sig, struct task_struct *p)
{
	struct signal_struct *s = p->signal;
	struct task_struct *th;

	if (sig_kernel_stop(sig)) {
		flush_sigqueue_mask(&s->shared_pending, sigmask(SIGCONT));
		for_each_thread(p->tgid, th)
			flush_sigqueue_mask(&th->pending, sigmask(SIGCONT));
	} else if (sig == SIGCONT || sig == SIGKILL) {
		flush_sigqueue_mask(&s->shared_pending, SIG_KERNEL_STOP_MASK);
		for_each_thread(p->tgid, th)
			flush_sigqueue_mask(&th->pending, SIG_KERNEL_STOP_MASK);
		if (s->group_stop) {
			s->group_stop = 0;
			s->stop_to_report = 0;
			for_each_thread(p->tgid, th)
				if (th->state == TASK_STOPPED)
					th->state = TASK_RUNNING;
			if (sig == SIGCONT) {
				s->continued_to_report = true;
				do_notify_parent_cldstop(p, CLD_CONTINUED,
							 SIGCONT);
			}
		}
	}
}

/* Would p drop sig at once? (Ignored and not blocked.) */
static bool sig_ignored(struct task_struct *p, int sig)
{
	if (p->blocked & sigmask(sig))
		return false;
	return sig_handler_ignored(sig_action(p, sig)->handler, sig);
}

static int send_signal(int sig, const struct ksiginfo *info,
		       struct task_struct *t, bool group)
{
	unsigned long flags;

	if (!valid_signal(sig))
		return -EINVAL;
	if (!sig || !task_signalable(t))
		return 0;
	flags = local_irq_save();
	prepare_signal(sig, t);
	if (!sig_ignored(t, sig) && !t->group_exit) {
		sigqueue_add(group ? &t->signal->shared_pending : &t->pending,
			     sig, info);
		complete_signal(sig, t, group);
	}
	local_irq_restore(flags);
	return 0;
}

int send_sig_info_thread(int sig, const struct ksiginfo *info,
			 struct task_struct *t)
{
	return send_signal(sig, info, t, false);
}

int send_sig_info_group(int sig, const struct ksiginfo *info,
			struct task_struct *t)
{
	return send_signal(sig, info, t, true);
}

static void force_sig(int sig, int code, unsigned long addr,
		      const char *reason, bool fatal)
{
	struct task_struct *t = current;
	struct k_sigaction *ka = sig_action(t, sig);
	struct ksiginfo info = { .signo = sig, .code = code };
	unsigned long flags = local_irq_save();

	info.fields[0] = addr;
	if (reason) {
		strlcpy(t->exit_reason, reason, sizeof(t->exit_reason));
		if (t->group_leader && t->group_leader != t)
			strlcpy(t->group_leader->exit_reason, reason,
				sizeof(t->exit_reason));
	}
	/* Blocked or ignored: it cannot be handled, so it kills. */
	if (fatal || ka->handler == SIG_IGN_VALUE ||
	    (t->blocked & sigmask(sig))) {
		ka->handler = SIG_DFL_VALUE;
		t->blocked &= ~sigmask(sig);
	}
	sigqueue_add(&t->pending, sig, &info);
	complete_signal(sig, t, false);
	recalc_sigpending(t);
	local_irq_restore(flags);
}

void force_sig_fault(int sig, int code, unsigned long addr,
		     const char *reason)
{
	force_sig(sig, code, addr, reason, false);
}

/* Linux's force_fatal_sig: a handler could only fail the same way. */
void force_sigsegv(const char *reason)
{
	force_sig(SIGSEGV, SI_KERNEL, 0, reason, true);
}

/* --- taking signals -------------------------------------------------- */

/* A stop signal's default action: the group stops until SIGCONT. */
static void do_signal_stop(int sig)
{
	struct signal_struct *s = current->signal;
	struct task_struct *th;

	if (!s->group_stop) {
		s->group_stop = sig;
		s->stop_to_report = sig;
		s->continued_to_report = false;
		for_each_thread(current->tgid, th)
			if (th != current)
				signal_wake_up(th, false);
		do_notify_parent_cldstop(current, CLD_STOPPED, sig);
	}
}

/* Stay stopped while the group is (SIGCONT or a death wakes us). */
static void wait_while_stopped(void)
{
	while (current->signal->group_stop && !current->group_exit) {
		current->state = TASK_STOPPED;
		schedule();
		local_irq_disable();
	}
	current->state = TASK_RUNNING;
}

int get_signal(struct ksiginfo *info, struct k_sigaction *ka)
{
	struct k_sigaction *action;
	int sig;

	for (;;) {
		local_irq_disable();
		if (current->group_exit) {
			local_irq_enable();
			exit_if_group_exiting();
		}
		wait_while_stopped();
		if (current->group_exit)
			continue;
		sig = dequeue_signal(current, info);
		recalc_sigpending(current);
		local_irq_enable();
		if (!sig)
			return 0;
		action = sig_action(current, sig);
		if (action->handler == SIG_IGN_VALUE)
			continue;
		if (action->handler != SIG_DFL_VALUE) {
			*ka = *action;
			if (ka->flags & SA_RESETHAND)
				action->handler = SIG_DFL_VALUE;
			return sig;
		}
		if (sig_kernel_ignore(sig))
			continue;
		if (sig_kernel_stop(sig)) {
			local_irq_disable();
			do_signal_stop(sig);
			local_irq_enable();
			continue;
		}
		/* Terminate (Linux would dump core for some: no core here). */
		note_kill(current, sig);
		pr_info("%s[%d]: killed by signal %d: %s\n", current->comm,
			current->pid, sig, current->exit_reason);
		do_group_exit(W_EXITCODE(0, sig));
	}
}

void signal_delivered(int sig, const struct k_sigaction *ka)
{
	ksigset_t blocked = current->blocked | ka->mask;

	if (!(ka->flags & SA_NODEFER))
		blocked |= sigmask(sig);
	set_current_blocked(blocked);
}

/* --- the parent: SIGCHLD --------------------------------------------- */

static void child_info(struct ksiginfo *info, int sig, int code,
		       struct task_struct *t, int status)
{
	memset(info, 0, sizeof(*info));
	info->signo = sig;
	info->code = code;
	info->fields[0] = t->tgid;	/* si_pid */
	info->fields[1] = 0;		/* si_uid: everyone is root */
	info->fields[2] = status;	/* si_status */
}

bool do_notify_parent(struct task_struct *t, int exit_code)
{
	struct task_struct *parent = t->parent;
	struct ksiginfo info;
	int sig = t->exit_signal, code, status;
	bool autoreap = false;

	if (!parent)
		return false;
	if ((exit_code & 0x7f) == 0) {
		code = CLD_EXITED;
		status = exit_code >> 8;
	} else {
		code = exit_code & 0x80 ? CLD_DUMPED : CLD_KILLED;
		status = exit_code & 0x7f;
	}
	if (parent->sighand && task_signalable(parent) && sig == SIGCHLD) {
		struct k_sigaction *ka = sig_action(parent, SIGCHLD);

		/* POSIX: children of a parent ignoring SIGCHLD do not
		 * become zombies (SA_NOCLDWAIT likewise). */
		if (ka->handler == SIG_IGN_VALUE || (ka->flags & SA_NOCLDWAIT)) {
			autoreap = true;
			if (ka->handler == SIG_IGN_VALUE)
				sig = 0;
		}
	}
	if (sig > 0 && valid_signal(sig) && task_signalable(parent)) {
		child_info(&info, sig, code, t, status);
		send_sig_info_group(sig, &info, parent);
	}
	wake_up(child_wait_queue(parent));
	return autoreap;
}

static void do_notify_parent_cldstop(struct task_struct *t, int why, int sig)
{
	struct task_struct *leader = t->group_leader ? t->group_leader : t;
	struct task_struct *parent = leader->parent;
	struct ksiginfo info;

	if (!parent)
		return;
	if (task_signalable(parent) &&
	    !(sig_action(parent, SIGCHLD)->flags & SA_NOCLDSTOP)) {
		child_info(&info, SIGCHLD, why, leader, sig);
		send_sig_info_group(SIGCHLD, &info, parent);
	}
	wake_up(child_wait_queue(parent));
}

/* --- kill, tkill, tgkill --------------------------------------------- */

static void user_info(struct ksiginfo *info, int sig, int code)
{
	memset(info, 0, sizeof(*info));
	info->signo = sig;
	info->code = code;
	info->fields[0] = current->tgid;	/* si_pid */
	info->fields[1] = 0;			/* si_uid */
}

/*
 * Process tgid as a target: a live thread (the leader if it lives), or
 * else its zombie leader, which exists until reaped (kill succeeds and
 * the signal goes nowhere, as on Linux); NULL if there is no such process.
 */
static struct task_struct *find_process(pid_t tgid)
{
	struct task_struct *t, *leader = find_task_by_pid(tgid);

	if (leader && leader->tgid == tgid && task_signalable(leader))
		return leader;
	for_each_thread(tgid, t)
		return t;
	if (leader && leader->tgid == tgid && leader->state == TASK_ZOMBIE)
		return leader;
	return NULL;
}

/* Send to every process of process group pgrp (or all with pgrp 0). */
static int kill_processes(int sig, const struct ksiginfo *info, pid_t pgrp,
			  bool all)
{
	struct task_struct *t;
	int found = 0;

	for_each_task(t) {
		if (t == &init_task || find_process(t->tgid) != t)
			continue;	/* one task per process */
		if (all ? (t->tgid <= 1 || t->tgid == current->tgid)
			: t->pgid != pgrp)
			continue;
		found++;
		send_sig_info_group(sig, info, t);
	}
	return found ? 0 : -ESRCH;
}

long sys_kill(pid_t pid, int sig)
{
	struct ksiginfo info;
	struct task_struct *t;

	if (!valid_signal(sig))
		return -EINVAL;
	user_info(&info, sig, SI_USER);
	if (pid > 0) {
		t = find_process(pid);
		if (!t)
			return -ESRCH;
		return send_sig_info_group(sig, &info, t);
	}
	if (pid == (pid_t)0x80000000)	/* -INT_MIN is undefined */
		return -ESRCH;
	if (pid == -1)
		return kill_processes(sig, &info, 0, true);
	return kill_processes(sig, &info, pid ? -pid : current->pgid, false);
}

static long do_tkill(pid_t tgid, pid_t pid, int sig)
{
	struct ksiginfo info;
	struct task_struct *t;

	if (pid <= 0)
		return -EINVAL;
	if (!valid_signal(sig))
		return -EINVAL;
	t = find_task_by_pid(pid);
	if (!t || !task_signalable(t) || (tgid > 0 && t->tgid != tgid))
		return -ESRCH;
	user_info(&info, sig, SI_TKILL);
	return send_sig_info_thread(sig, &info, t);
}

long sys_tkill(pid_t pid, int sig)
{
	return do_tkill(0, pid, sig);
}

long sys_tgkill(pid_t tgid, pid_t pid, int sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

/* --- masks and pending sets ------------------------------------------ */

static int sigprocmask(int how, ksigset_t set)
{
	ksigset_t blocked = current->blocked;

	switch (how) {
	case SIG_BLOCK:
		blocked |= set;
		break;
	case SIG_UNBLOCK:
		blocked &= ~set;
		break;
	case SIG_SETMASK:
		blocked = set;
		break;
	default:
		return -EINVAL;
	}
	set_current_blocked(blocked);
	return 0;
}

long sys_rt_sigprocmask(int how, const ksigset_t __user *nset,
			ksigset_t __user *oset, size_t sigsetsize)
{
	ksigset_t old = current->blocked, set;
	int err;

	if (sigsetsize != sizeof(ksigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		err = sigprocmask(how, set & ~SIG_KERNEL_ONLY_MASK);
		if (err)
			return err;
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* The old call: the low 32 signals only; SIG_SETMASK keeps the others. */
long sys_sigprocmask(int how, const u32 __user *nset, u32 __user *oset)
{
	u32 old = (u32)current->blocked, set;
	ksigset_t set64;
	int err;

	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		set64 = set;
		if (how == SIG_SETMASK)
			set64 |= current->blocked & ~0xffffffffULL;
		err = sigprocmask(how, set64);
		if (err)
			return err;
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

static ksigset_t pending_blocked(void)
{
	unsigned long flags = local_irq_save();
	ksigset_t set = (current->pending.signal |
			 current->signal->shared_pending.signal) &
			current->blocked;

	local_irq_restore(flags);
	return set;
}

long sys_rt_sigpending(ksigset_t __user *uset, size_t sigsetsize)
{
	ksigset_t set = pending_blocked();

	if (sigsetsize > sizeof(ksigset_t))
		return -EINVAL;
	if (copy_to_user(uset, &set, sigsetsize))
		return -EFAULT;
	return 0;
}

long sys_sigpending(u32 __user *uset)
{
	u32 set = (u32)pending_blocked();

	if (copy_to_user(uset, &set, sizeof(set)))
		return -EFAULT;
	return 0;
}

/* Sleep until a signal is pending (pause, sigsuspend). */
static void sleep_until_signal(void)
{
	unsigned long flags = local_irq_save();

	while (!signal_pending(current)) {
		current->state = TASK_INTERRUPTIBLE;
		schedule();
	}
	current->state = TASK_RUNNING;
	local_irq_restore(flags);
}

long sys_pause(void)
{
	sleep_until_signal();
	return -ERESTARTNOHAND;
}

/* Wait with mask in place; the old mask returns after the handler. */
static long sigsuspend(ksigset_t mask)
{
	current->saved_sigmask = current->blocked;
	set_current_blocked(mask);
	sleep_until_signal();
	current->restore_sigmask = true;
	return -ERESTARTNOHAND;
}

long sys_rt_sigsuspend(const ksigset_t __user *umask, size_t sigsetsize)
{
	ksigset_t mask;

	if (sigsetsize != sizeof(ksigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	return sigsuspend(mask);
}

/* i386's old sigsuspend: two unused words, then a 32-bit mask. */
long sys_sigsuspend(int unused1, int unused2, u32 mask)
{
	(void)unused1;
	(void)unused2;
	return sigsuspend((current->blocked & ~0xffffffffULL) | mask);
}

/*
 * rt_sigtimedwait (177): take one of `these` (normally blocked) without
 * a handler, waiting at most *uts (NULL: no limit). While it sleeps the
 * waited signals are unblocked, with real_blocked remembering the mask,
 * so that their arrival wakes it and a fatal default does not kill.
 */
long sys_rt_sigtimedwait(const ksigset_t __user *uthese, void __user *uinfo,
			 const struct timespec __user *uts, size_t sigsetsize)
{
	struct timespec ts;
	struct ksiginfo info;
	ksigset_t these, wait_blocked;
	unsigned long flags, deadline = 0;
	int sig;

	if (sigsetsize != sizeof(ksigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 ||
		    ts.tv_nsec >= NSEC_PER_SEC)
			return -EINVAL;
	}
	these &= ~SIG_KERNEL_ONLY_MASK;
	wait_blocked = ~these;
	flags = local_irq_save();
	sig = dequeue_signal_mask(current, wait_blocked, &info);
	if (!sig && (!uts || ts.tv_sec || ts.tv_nsec)) {
		if (uts)	/* whole ticks, plus the current one */
			deadline = jiffies + 1 +
				   timespec_to_ticks(ts.tv_sec, ts.tv_nsec);
		current->real_blocked = current->blocked;
		current->blocked &= wait_blocked;
		recalc_sigpending(current);
		while (!signal_pending(current) &&
		       (!deadline || time_before(jiffies, deadline))) {
			current->wakeup_jiffies = deadline;
			current->state = TASK_INTERRUPTIBLE;
			schedule();
		}
		current->state = TASK_RUNNING;
		current->wakeup_jiffies = 0;
		current->blocked = current->real_blocked;
		current->real_blocked = 0;
		sig = dequeue_signal_mask(current, wait_blocked, &info);
		recalc_sigpending(current);
		if (!sig) {
			local_irq_restore(flags);
			return deadline && !time_before(jiffies, deadline) ?
			       -EAGAIN : -EINTR;
		}
	}
	recalc_sigpending(current);
	local_irq_restore(flags);
	if (!sig)
		return -EAGAIN;
	if (uinfo && copy_siginfo_to_user(uinfo, &info))
		return -EFAULT;
	return sig;
}

/*
 * rt_sigqueueinfo (178): kill with the caller's own siginfo, as for
 * sigqueue(3). A process may not pretend to be the kernel or kill(2)
 * (si_code >= 0) or tkill (SI_TKILL) except to itself (EPERM).
 */
long sys_rt_sigqueueinfo(pid_t pid, int sig, const void __user *uinfo)
{
	siginfo_t si;
	struct ksiginfo info;
	struct task_struct *t;

	if (copy_from_user(&si, uinfo, sizeof(si)))
		return -EFAULT;
	if ((si.si_code >= 0 || si.si_code == SI_TKILL) &&
	    pid != current->tgid)
		return -EPERM;
	if (!valid_signal(sig))
		return -EINVAL;
	memset(&info, 0, sizeof(info));
	info.signo = sig;
	info.errno_ = si.si_errno;
	info.code = si.si_code;
	memcpy(info.fields, (char *)&si + 3 * sizeof(int), sizeof(info.fields));
	t = pid > 0 ? find_process(pid) : NULL;
	if (!t)
		return -ESRCH;
	return send_sig_info_group(sig, &info, t);
}

/* --- sigaltstack ------------------------------------------------------ */

bool on_sig_stack(unsigned long sp)
{
	const struct sigaltstack_state *sas = &current->sas;

	/* SS_AUTODISARM: disarmed while on it, so never "on" it (Linux). */
	if (sas->flags & SS_AUTODISARM)
		return false;
	return sp > sas->sp && sp - sas->sp <= sas->size;
}

int sas_ss_flags(unsigned long sp)
{
	if (!current->sas.size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

/* i386 stack_t. */
struct kstack {
	u32 ss_sp;
	s32 ss_flags;
	u32 ss_size;
};

int do_sigaltstack(const void __user *uss, void __user *uoss,
		   unsigned long sp)
{
	struct sigaltstack_state *sas = &current->sas;
	struct kstack old = {
		.ss_sp = sas->sp,
		.ss_size = sas->size,
		.ss_flags = sas_ss_flags(sp) | (sas->flags & SS_FLAG_BITS),
	}, new;
	unsigned int mode;

	if (uss) {
		if (copy_from_user(&new, uss, sizeof(new)))
			return -EFAULT;
		if (on_sig_stack(sp))
			return -EPERM;
		mode = (u32)new.ss_flags & ~SS_FLAG_BITS;
		if (mode != SS_DISABLE && mode != SS_ONSTACK && mode)
			return -EINVAL;
		if (mode == SS_DISABLE) {
			new.ss_size = 0;
			new.ss_sp = 0;
		} else if (new.ss_size < MINSIGSTKSZ) {
			return -ENOMEM;
		}
		sas->sp = new.ss_sp;
		sas->size = new.ss_size;
		sas->flags = new.ss_flags;	/* as given, as Linux keeps it */
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_sigaltstack(const void __user *uss, void __user *uoss)
{
	return do_sigaltstack(uss, uoss, task_pt_regs(current)->esp);
}

/* --- restart_syscall (0) --------------------------------------------- */

long do_no_restart_syscall(struct restart_block *r)
{
	(void)r;
	return -EINTR;
}

/* Go on with the system call a signal interrupted (restart_block). */
long sys_restart_syscall(void)
{
	struct restart_block *r = &current->restart_block;
	long (*fn)(struct restart_block *) = r->fn;

	r->fn = do_no_restart_syscall;	/* once only */
	return fn(r);
}

/* --- siginfo out ------------------------------------------------------ */

int copy_siginfo_to_user(void __user *to, const struct ksiginfo *info)
{
	siginfo_t si;

	_Static_assert(sizeof(si) == 128, "siginfo_t is 128 bytes");
	memset(&si, 0, sizeof(si));
	si.si_signo = info->signo;
	si.si_errno = info->errno_;
	si.si_code = info->code;
	/* The union starts right after the three ints on i386. */
	memcpy((char *)&si + 3 * sizeof(int), info->fields,
	       sizeof(info->fields));
	return copy_to_user(to, &si, sizeof(si)) ? -EFAULT : 0;
}
