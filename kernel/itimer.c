/*
 * Interval timers: alarm (27), setitimer (104) and getitimer (105), one
 * set per process (thread group), in its signal_struct:
 *
 *   ITIMER_REAL     wall time: a jiffies deadline; SIGALRM
 *   ITIMER_VIRTUAL  user CPU time of the process: ticks left; SIGVTALRM
 *   ITIMER_PROF     user + kernel CPU time: ticks left; SIGPROF
 *
 * CPU time is sampled as old Linux did: each timer tick charges one tick
 * to the process that was running (to VIRTUAL only if the tick came in
 * user mode). The signals go to the group with si_code SI_KERNEL, and a
 * periodic timer re-arms. Tick resolution (10 ms) for all three.
 */
#include <asm/irq.h>
#include <asm/siginfo.h>
#include <asm/timer.h>
#include <asm/uaccess.h>
#include <linux/time.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>

#define USEC_PER_SEC	1000000UL
#define USEC_PER_TICK	(USEC_PER_SEC / HZ)

/* i386's struct itimerval: two old timevals of 32-bit longs. */
struct kitimerval {
	struct { s32 tv_sec, tv_usec; } it_interval, it_value;
};

static bool timeval_valid(s32 sec, s32 usec)
{
	return sec >= 0 && usec >= 0 && (u32)usec < USEC_PER_SEC;
}

/* Ticks for a timeval, rounded up (a non-zero value is at least 1). */
static unsigned long timeval_to_ticks(s32 sec, s32 usec)
{
	return timespec_to_ticks(sec, usec * 1000);
}

static void ticks_to_timeval(unsigned long ticks, s32 *sec, s32 *usec)
{
	*sec = ticks / HZ;
	*usec = (ticks % HZ) * USEC_PER_TICK;
}

/* Timer `which` of s as a kitimerval (interrupts off). */
static void get_timer(struct signal_struct *s, int which,
		      struct kitimerval *v)
{
	unsigned long left = 0, incr;

	if (which == ITIMER_REAL) {
		if (s->it_real_expires) {
			left = s->it_real_expires - jiffies;
			if ((long)left <= 0)
				left = 1;	/* due: it fires at this tick */
		}
		incr = s->it_real_incr;
	} else {
		left = s->it_cpu[which - ITIMER_VIRTUAL].left;
		incr = s->it_cpu[which - ITIMER_VIRTUAL].incr;
	}
	ticks_to_timeval(left, &v->it_value.tv_sec, &v->it_value.tv_usec);
	ticks_to_timeval(incr, &v->it_interval.tv_sec, &v->it_interval.tv_usec);
}

/* Arm (value non-zero) or disarm timer `which`; the old setting to old. */
static void set_timer(int which, const struct kitimerval *v,
		      struct kitimerval *old)
{
	struct signal_struct *s = current->signal;
	unsigned long flags = local_irq_save();
	unsigned long value = timeval_to_ticks(v->it_value.tv_sec,
					       v->it_value.tv_usec);
	unsigned long incr = timeval_to_ticks(v->it_interval.tv_sec,
					      v->it_interval.tv_usec);

	if (old)
		get_timer(s, which, old);
	if (which == ITIMER_REAL) {
		s->it_real_incr = incr;
		s->it_real_expires = value ? (jiffies + value) ?: 1 : 0;
	} else {
		s->it_cpu[which - ITIMER_VIRTUAL].incr = incr;
		s->it_cpu[which - ITIMER_VIRTUAL].left = value;
	}
	local_irq_restore(flags);
}

static bool valid_which(int which)
{
	return which == ITIMER_REAL || which == ITIMER_VIRTUAL ||
	       which == ITIMER_PROF;
}

static void send_timer_signal(int sig, struct task_struct *t)
{
	struct ksiginfo info = { .signo = sig, .code = SI_KERNEL };

	send_sig_info_group(sig, &info, t);
}

/* Charge a tick of CPU time to one of current's CPU timers. */
static void cpu_timer_tick(int which, int sig)
{
	struct signal_struct *s = current->signal;
	unsigned long *left = &s->it_cpu[which - ITIMER_VIRTUAL].left;

	if (*left && !--*left) {
		*left = s->it_cpu[which - ITIMER_VIRTUAL].incr;
		send_timer_signal(sig, current);
	}
}

/* Called by the timer interrupt, interrupts off. */
void itimer_tick(bool user)
{
	struct task_struct *t;
	struct signal_struct *s;

	for_each_task(t) {
		s = t->signal;
		if (!s || !s->it_real_expires ||
		    !time_after_eq(jiffies, s->it_real_expires))
			continue;
		s->it_real_expires = s->it_real_incr ?
				     (jiffies + s->it_real_incr) ?: 1 : 0;
		send_timer_signal(SIGALRM, t);
	}
	if (current == &init_task || !current->signal)
		return;
	if (user)
		cpu_timer_tick(ITIMER_VIRTUAL, SIGVTALRM);
	cpu_timer_tick(ITIMER_PROF, SIGPROF);
}

long sys_setitimer(int which, const struct kitimerval __user *uvalue,
		   struct kitimerval __user *uovalue)
{
	struct kitimerval v = { 0 }, old;

	if (uvalue && copy_from_user(&v, uvalue, sizeof(v)))
		return -EFAULT;
	if (!timeval_valid(v.it_value.tv_sec, v.it_value.tv_usec) ||
	    !timeval_valid(v.it_interval.tv_sec, v.it_interval.tv_usec))
		return -EINVAL;
	if (!valid_which(which))
		return -EINVAL;
	set_timer(which, &v, &old);
	if (uovalue && copy_to_user(uovalue, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_getitimer(int which, struct kitimerval __user *uvalue)
{
	struct kitimerval v;
	unsigned long flags;

	if (!valid_which(which))
		return -EINVAL;
	flags = local_irq_save();
	get_timer(current->signal, which, &v);
	local_irq_restore(flags);
	if (copy_to_user(uvalue, &v, sizeof(v)))
		return -EFAULT;
	return 0;
}

/* The seconds left of the previous alarm, rounded as Linux does. */
long sys_alarm(unsigned int seconds)
{
	struct kitimerval v = { 0 }, old;

	/* Linux caps at INT_MAX seconds (a 32-bit time_t). */
	v.it_value.tv_sec = seconds > 0x7fffffff ? 0x7fffffff : seconds;
	set_timer(ITIMER_REAL, &v, &old);
	if ((!old.it_value.tv_sec && old.it_value.tv_usec) ||
	    old.it_value.tv_usec >= 500000)
		old.it_value.tv_sec++;
	return old.it_value.tv_sec;
}
