/*
 * The vDSO's clock functions: clock_gettime, gettimeofday and time
 * without entering the kernel, from the data page the kernel updates on
 * every timer tick (struct vdso_data, include/asm/vdso.h). Linked into
 * both images; libc finds them by name and version (LINUX_2.6).
 *
 * Like the system calls they stand for, they return 0 or -errno (time:
 * the time) and never touch errno: this is not libc. Bad user pointers
 * fault here, in user mode, instead of giving -EFAULT.
 *
 * Built as user code: -fPIC, freestanding, UAPI headers only, no
 * stack protector (there is no TLS canary to read from).
 */
#include <linux/time.h>
#include <asm/unistd_32.h>
#include <asm/vdso.h>

/* The i386 ABI: 32-bit time_t everywhere. */
_Static_assert(sizeof(struct timespec) == 8, "32-bit struct timespec");
_Static_assert(sizeof(struct timeval) == 8, "32-bit struct timeval");

/*
 * The data page, one page below this image (vdso.lds.S). Hidden: the
 * compiler then addresses it relative to the GOT, a link-time constant,
 * instead of loading its address from a GOT slot that would need a
 * relocation.
 */
extern const volatile struct vdso_data vvar_page
	__attribute__((visibility("hidden")));

int __vdso_clock_gettime(__kernel_clockid_t clock, struct timespec *ts);
int __vdso_gettimeofday(struct timeval *tv, struct timezone *tz);
__kernel_old_time_t __vdso_time(__kernel_old_time_t *t);

/*
 * The real system call with two arguments, for what the data page
 * cannot answer; returns what the kernel returns. Under -fPIC, ebx holds
 * the GOT address, so arg1 travels in edi and is swapped into ebx only
 * around the int $0x80 (the kernel preserves ebx and edi).
 */
static long
syscall2(long nr, long arg1, long arg2)
{
	long ret;

	__asm__ __volatile__(
		/* ebx = arg1, edi = whatever ebx held (the GOT pointer) */
		"xchgl	%%ebx, %%edi\n\t"
		"int	$0x80\n\t"
		/* and back: ebx as the compiler left it */
		"xchgl	%%ebx, %%edi"
		: "=a" (ret), "+D" (arg1)
		: "0" (nr), "c" (arg2)
		: "memory");
	return ret;
}

/*
 * Copy one clock out of the data page, consistently with the seqlock.
 * Returns 0, or -1 if the kernel keeps no time there (then the caller
 * makes the system call).
 */
static int
read_clock(int monotonic, struct timespec *ts)
{
	const volatile struct vdso_data *vd = &vvar_page;
	long sec, nsec;
	__u32 seq;

	do {
		seq = vdso_read_begin(vd);
		if (vd->clock_mode == VDSO_CLOCK_NONE)
			return -1;
		if (monotonic) {
			sec = vd->monotonic_sec;
			nsec = vd->monotonic_nsec;
		} else {
			sec = vd->realtime_sec;
			nsec = vd->realtime_nsec;
		}
	} while (vdso_read_retry(vd, seq));
	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
	return 0;
}

/*
 * clock_gettime(2): the realtime and monotonic clocks, coarse or not, at
 * tick resolution; CLOCK_BOOTTIME is CLOCK_MONOTONIC (no suspend). Any
 * other clock is the kernel's.
 */
int
__vdso_clock_gettime(__kernel_clockid_t clock, struct timespec *ts)
{
	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		if (read_clock(0, ts) == 0)
			return 0;
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		if (read_clock(1, ts) == 0)
			return 0;
		break;
	}
	return syscall2(__NR_clock_gettime, clock, (long)ts);
}

/* gettimeofday(2): either pointer may be NULL. */
int
__vdso_gettimeofday(struct timeval *tv, struct timezone *tz)
{
	const volatile struct vdso_data *vd = &vvar_page;
	long sec, nsec;
	int minuteswest, dsttime;
	__u32 seq;

	do {
		seq = vdso_read_begin(vd);
		if (vd->clock_mode == VDSO_CLOCK_NONE)
			return syscall2(__NR_gettimeofday, (long)tv, (long)tz);
		sec = vd->realtime_sec;
		nsec = vd->realtime_nsec;
		minuteswest = vd->tz_minuteswest;
		dsttime = vd->tz_dsttime;
	} while (vdso_read_retry(vd, seq));

	if (tv) {
		tv->tv_sec = sec;
		tv->tv_usec = nsec / 1000;
	}
	if (tz) {
		tz->tz_minuteswest = minuteswest;
		tz->tz_dsttime = dsttime;
	}
	return 0;
}

/*
 * time(2): the realtime seconds, also stored in *t if t is not NULL.
 * One aligned 32-bit load is atomic, so no seqlock loop is needed.
 */
__kernel_old_time_t
__vdso_time(__kernel_old_time_t *t)
{
	const volatile struct vdso_data *vd = &vvar_page;
	__kernel_old_time_t now;

	if (vd->clock_mode == VDSO_CLOCK_NONE)
		return syscall2(__NR_time, (long)t, 0);
	now = vd->realtime_sec;
	if (t)
		*t = now;
	return now;
}
