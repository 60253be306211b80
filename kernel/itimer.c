/*
 * ITIMER_REAL: alarm (27), setitimer (104) and getitimer (105). One real
 * timer per process (thread group), kept in its signal_struct as a
 * jiffies deadline and a period; the timer tick sends SIGALRM to the
 * group when the deadline passes (si_code SI_KERNEL, as Linux's
 * it_real_fn), and re-arms a periodic timer. Tick resolution (10 ms).
 *
 * ITIMER_VIRTUAL and ITIMER_PROF count CPU time, which this kernel does
 * not account: they give -EINVAL (documented in docs/signals.md).
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

#define USEC_PER_SEC	1000000UL
#define USEC_PER_TICK	(USEC_PER_SEC / HZ)
/* Longest interval jiffies comparisons can take: about 248 days. */
#define MAX_TICKS	(0x7fffffffUL - 2)

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
	if ((unsigned long)sec >= MAX_TICKS / HZ)
		return MAX_TICKS;
	return sec * HZ + (usec + USEC_PER_TICK - 1) / USEC_PER_TICK;
}

static void ticks_to_timeval(unsigned long ticks, s32 *sec, s32 *usec)
{
	*sec = ticks / HZ;
	*usec = (ticks % HZ) * USEC_PER_TICK;
}

static void get_real_timer(struct signal_struct *s, struct kitimerval *v)
{
	unsigned long left = 0;

	if (s->it_real_expires) {
		left = s->it_real_expires - jiffies;
		if ((long)left <= 0)
			left = 1;	/* due: it fires at this tick */
	}
	ticks_to_timeval(left, &v->it_value.tv_sec, &v->it_value.tv_usec);
	ticks_to_timeval(s->it_real_incr, &v->it_interval.tv_sec,
			 &v->it_interval.tv_usec);
}

/* Arm (value non-zero) or disarm the real timer; the old setting to old. */
static void set_real_timer(const struct kitimerval *v, struct kitimerval *old)
{
	struct signal_struct *s = current->signal;
	unsigned long flags = local_irq_save();
	unsigned long value = timeval_to_ticks(v->it_value.tv_sec,
					       v->it_value.tv_usec);

	if (old)
		get_real_timer(s, old);
	s->it_real_incr = timeval_to_ticks(v->it_interval.tv_sec,
					   v->it_interval.tv_usec);
	s->it_real_expires = value ? (jiffies + value) ?: 1 : 0;
	local_irq_restore(flags);
}

/* Called by the timer tick, interrupts off. */
void signal_tick(void)
{
	struct task_struct *t;
	struct signal_struct *s;
	struct ksiginfo info = { .signo = SIGALRM, .code = SI_KERNEL };

	for_each_task(t) {
		s = t->signal;
		if (!s || !s->it_real_expires ||
		    !time_after_eq(jiffies, s->it_real_expires))
			continue;
		s->it_real_expires = s->it_real_incr ?
				     (jiffies + s->it_real_incr) ?: 1 : 0;
		send_sig_info_group(SIGALRM, &info, t);
	}
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
	if (which != ITIMER_REAL)	/* see the top of this file */
		return -EINVAL;
	set_real_timer(&v, &old);
	if (uovalue && copy_to_user(uovalue, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_getitimer(int which, struct kitimerval __user *uvalue)
{
	struct kitimerval v;
	unsigned long flags;

	if (which != ITIMER_REAL)
		return -EINVAL;
	flags = local_irq_save();
	get_real_timer(current->signal, &v);
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
	set_real_timer(&v, &old);
	if ((!old.it_value.tv_sec && old.it_value.tv_usec) ||
	    old.it_value.tv_usec >= 500000)
		old.it_value.tv_sec++;
	return old.it_value.tv_sec;
}
