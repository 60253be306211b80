/*
 * Signals: pending sets, masks, sending and taking signals, as Linux's
 * kernel/signal.c. The architecture part (frames on the user stack,
 * sigreturn, restarting system calls) is in arch/i386/signal.c.
 *
 * Each thread has its own pending set (tkill, tgkill, faults) and its
 * thread group shares another in its signal_struct (kill, alarm,
 * SIGCHLD). A thread takes a signal on its way back to user space, when
 * `sigpending` is set: entry.S checks it after every system call,
 * exception and interrupt from user mode.
 *
 * Everything here may be called with interrupts on or off; the state is
 * changed with interrupts off, because the timer tick sends SIGALRM.
 */
#ifndef _KERNEL_SIGNAL_H
#define _KERNEL_SIGNAL_H

#include <linux/signal.h>	/* asm/signal.h, asm/siginfo.h, SS_* */
#include <asm/uaccess.h>
#include <kernel/types.h>

#define KERNEL_NSIG	64	/* Linux's _NSIG on x86: signals 1..64 */
#define SIGRT_FIRST	32	/* the first real-time signal (queued) */

typedef u64 ksigset_t;

static inline ksigset_t sigmask(int sig)
{
	return 1ULL << (sig - 1);
}

/* Neither caught, blocked nor ignored. */
#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))

/* k_sigaction.handler values that are not handlers (Linux's SIG_DFL, SIG_IGN). */
#define SIG_DFL_VALUE	0
#define SIG_IGN_VALUE	1

/*
 * What the kernel keeps of a siginfo_t: the three common fields and the
 * first five words of the union, which hold every field any sender of
 * this kernel fills (pid and uid; addr; pid, uid, status, utime, stime;
 * timer id, overrun and value). Copied out to the user's 128 bytes with
 * the rest zeroed (copy_siginfo_to_user).
 */
struct ksiginfo {
	int signo;
	int errno_;
	int code;
	u32 fields[5];
};

/* A queued real-time signal. */
struct sigqueue {
	struct sigqueue *next;
	struct ksiginfo info;
};

/*
 * Signals waiting to be taken. A standard signal (1..31) is pending at
 * most once, with its siginfo in std[]; real-time signals queue, each
 * with its own, in the order they came.
 */
struct sigpending {
	ksigset_t signal;
	struct ksiginfo std[SIGRT_FIRST - 1];
	struct sigqueue *rt;
};

/* What a thread group shares (CLONE_THREAD), as Linux's signal_struct. */
struct signal_struct {
	int count;
	struct sigpending shared_pending;
	/* ITIMER_REAL (alarm, setitimer): jiffies deadline (0: off), period. */
	unsigned long it_real_expires;
	unsigned long it_real_incr;
	/* ITIMER_VIRTUAL, ITIMER_PROF: ticks of CPU time left (0: off), period. */
	struct { unsigned long left, incr; } it_cpu[2];
	/* Job control: a stop signal stopped the group (its number), and
	 * what wait4 has still to report with WUNTRACED / WCONTINUED. */
	int group_stop;
	int stop_to_report;
	bool continued_to_report;
};

/* sigaltstack state of a thread: flags as last set (SS_DISABLE at first). */
struct sigaltstack_state {
	unsigned long sp;
	size_t size;
	unsigned int flags;
};

#define SAS_RESET	((struct sigaltstack_state){ 0, 0, SS_DISABLE })

/* What a system call needs to go on after restart_syscall (0). */
struct restart_block {
	long (*fn)(struct restart_block *);
	/* nanosleep: the deadline in jiffies and where the rest goes. */
	unsigned long expires;
	void __user *rmtp;
	/* futex wait with a timeout. */
	u32 __user *uaddr;
	u32 val;
	u32 bitset;
	bool shared;
};

struct task_struct;
struct pt_regs;
struct k_sigaction;

/* Should the current task stop sleeping? (A signal, or a group exit.) */
bool signal_pending(struct task_struct *t);
/* Only fatal: SIGKILL, a group exit (for sleeps signals must not break). */
bool fatal_signal_pending(struct task_struct *t);
/* Recompute t->sigpending from its pending sets and mask. */
void recalc_sigpending(struct task_struct *t);
/* Change current's mask (SIGKILL and SIGSTOP are never blocked). */
void set_current_blocked(ksigset_t set);

/* Send to one thread (tkill, faults) or to its whole group (kill). */
int send_sig_info_thread(int sig, const struct ksiginfo *info,
			 struct task_struct *t);
int send_sig_info_group(int sig, const struct ksiginfo *info,
			struct task_struct *t);
/*
 * A fault in user mode: deliver sig to current even if it is blocked or
 * ignored (then it is fatal, as Linux's force_sig). reason goes to the
 * log if the signal kills the process.
 */
void force_sig_fault(int sig, int code, unsigned long addr,
		     const char *reason);
/* SIGSEGV that cannot be handled (bad signal frame, bad sigreturn). */
void force_sigsegv(const char *reason);

/*
 * The next signal current should take, with its action copied to *ka,
 * having done the default action of every ignored/stopping one before;
 * 0 if none. Fatal default actions do not return.
 */
int get_signal(struct ksiginfo *info, struct k_sigaction *ka);
/* A handler was set up: block its mask (and sig unless SA_NODEFER). */
void signal_delivered(int sig, const struct k_sigaction *ka);

/* Tell the parent that t's thread group has ended (SIGCHLD, autoreap).
 * Returns true if the task must be released now (nobody will wait). */
bool do_notify_parent(struct task_struct *t, int exit_code);

/* sigaltstack: is sp on current's alternate stack; SS_* flags for sp. */
bool on_sig_stack(unsigned long sp);
int sas_ss_flags(unsigned long sp);
int do_sigaltstack(const void __user *uss, void __user *uoss,
		   unsigned long sp);

/* Is sig ignored by default (SIGCHLD, SIGCONT, SIGURG, SIGWINCH)? */
bool sig_default_ignored(int sig);
/* Drop a pending sig from t's group: shared and every thread's set. */
void flush_pending_signal(struct task_struct *t, int sig);

/* fork, exec and exit. */
/* exiting thread t leaves the group's pending signals to the others. */
void retarget_shared_pending(struct task_struct *t, struct signal_struct *s);
struct signal_struct *alloc_signal_struct(void);
void put_signal_struct(struct signal_struct *sig);
void flush_sigqueue(struct sigpending *p);
/* The timer tick: itimers; `user` if it interrupted user mode. */
void itimer_tick(bool user);

/* restart_syscall's default: nothing to go on with (-EINTR). */
long do_no_restart_syscall(struct restart_block *r);
long nanosleep_restart(struct restart_block *r);

/* Copy a ksiginfo out as the user's 128-byte siginfo_t. */
int copy_siginfo_to_user(void __user *to, const struct ksiginfo *info);

#endif
