/*
 * Time: the wall clock (the RTC at boot, plus ticks since), the monotonic
 * clock (ticks since boot), both at tick resolution (1/HZ s), and the
 * system calls that read them or sleep. Each tick also publishes both
 * clocks in the vDSO's data page, so __vdso_clock_gettime and friends
 * answer without entering the kernel, with exactly the values the
 * system calls would give.
 */
#include <asm/irq.h>
#include <asm/rtc.h>
#include <asm/timer.h>
#include <asm/vdso_map.h>
#include <linux/time.h>
#include <linux/time_types.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>


static u32 boot_seconds;	/* wall clock at jiffies == 0 */

void timekeeping_init(void)
{
	boot_seconds = rtc_read_seconds();
	pr_info("time: wall clock %u s since the epoch (from the RTC)\n",
		boot_seconds);
	timekeeping_tick();
}

/* Both clocks from one jiffies value, so they always agree. */
static void read_clocks(unsigned long j, struct kernel_clock *mono,
			struct kernel_clock *real)
{
	mono->sec = j / HZ;
	mono->nsec = (j % HZ) * NSEC_PER_TICK;
	real->sec = boot_seconds + mono->sec;
	real->nsec = mono->nsec;
}

void timekeeping_tick(void)
{
	volatile struct vdso_data *vd = &vdso_data_page.data;
	struct kernel_clock mono, real;

	read_clocks(jiffies, &mono, &real);
	vdso_write_begin(vd);
	vd->realtime_sec = real.sec;
	vd->realtime_nsec = real.nsec;
	vd->monotonic_sec = mono.sec;
	vd->monotonic_nsec = mono.nsec;
	vd->clock_mode = VDSO_CLOCK_TICK;
	vdso_write_end(vd);
}

int kernel_clock_get(int clock, struct kernel_clock *out)
{
	struct kernel_clock mono, real;

	read_clocks(jiffies, &mono, &real);
	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*out = real;
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*out = mono;
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_time(s32 __user *tloc)
{
	struct kernel_clock now;

	kernel_clock_get(CLOCK_REALTIME, &now);
	if (tloc && put_user_u32(now.sec, (u32 __user *)tloc))
		return -EFAULT;
	return now.sec;
}

long sys_gettimeofday(struct __kernel_old_timeval __user *tv,
		      struct timezone __user *tz)
{
	struct kernel_clock now;

	if (tv) {
		struct __kernel_old_timeval v;

		kernel_clock_get(CLOCK_REALTIME, &now);
		v.tv_sec = now.sec;
		v.tv_usec = now.nsec / 1000;
		if (copy_to_user(tv, &v, sizeof(v)))
			return -EFAULT;
	}
	if (tz) {
		struct timezone z = { 0, 0 };

		if (copy_to_user(tz, &z, sizeof(z)))
			return -EFAULT;
	}
	return 0;
}

long sys_clock_gettime(int clock, struct timespec __user *tp)
{
	struct kernel_clock now;
	struct timespec ts;
	int err = kernel_clock_get(clock, &now);

	if (err)
		return err;
	ts.tv_sec = now.sec;
	ts.tv_nsec = now.nsec;
	if (copy_to_user(tp, &ts, sizeof(ts)))
		return -EFAULT;
	return 0;
}

unsigned long timespec_to_ticks(u32 sec, u32 nsec)
{
	if (sec >= MAX_TICKS / HZ - 1)
		return MAX_TICKS;
	return sec * HZ + (nsec + NSEC_PER_TICK - 1) / NSEC_PER_TICK;
}

/*
 * Sleep until jiffies reaches `expires`, or a signal comes. Interrupted,
 * the time left goes to rmtp (if given) and the call ends with
 * -ERESTART_RESTARTBLOCK: a handler makes it EINTR; without one (the
 * signal was ignored, or stopped and continued the process) it goes on
 * through restart_syscall with the same deadline, as Linux's nanosleep.
 */
static long nanosleep_until(unsigned long expires, struct timespec __user *rmtp)
{
	struct restart_block *restart = &current->restart_block;
	unsigned long flags = local_irq_save(), left;
	struct timespec ts;

	while (!signal_pending(current) && time_before(jiffies, expires)) {
		current->wakeup_jiffies = expires ? expires : 1;
		current->state = TASK_INTERRUPTIBLE;
		schedule();
	}
	current->state = TASK_RUNNING;
	current->wakeup_jiffies = 0;
	local_irq_restore(flags);
	if (!time_before(jiffies, expires))
		return 0;
	if (rmtp) {
		left = expires - jiffies;
		ts.tv_sec = left / HZ;
		ts.tv_nsec = (left % HZ) * NSEC_PER_TICK;
		if (copy_to_user(rmtp, &ts, sizeof(ts)))
			return -EFAULT;
	}
	restart->fn = nanosleep_restart;
	restart->expires = expires;
	restart->rmtp = rmtp;
	return -ERESTART_RESTARTBLOCK;
}

long nanosleep_restart(struct restart_block *restart)
{
	return nanosleep_until(restart->expires, restart->rmtp);
}

/*
 * Sleep at least the requested time: whole ticks, rounded up, plus one
 * because the current tick is already partly gone (as Linux does).
 */
long sys_nanosleep(struct timespec __user *req,
		   struct timespec __user *rem)
{
	struct timespec ts;
	unsigned long ticks;

	if (copy_from_user(&ts, req, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	ticks = timespec_to_ticks(ts.tv_sec, ts.tv_nsec);
	if (!ticks && !ts.tv_nsec)
		return 0;
	return nanosleep_until(jiffies + ticks + 1, rem);
}
