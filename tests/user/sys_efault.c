/*
 * sys_efault: a bad user pointer is -EFAULT, never a crash, whatever the
 * call does with it (read or write, small or large). The pointers:
 *
 *   0x1000, 0x10000        low pages nothing maps (Linux's mmap_min_addr
 *                          keeps them free; programs load at 0x08048000)
 *   0xc0000000, 0xfffff000 the kernel half
 *   0xbffffffe             starts in user space, ends in the kernel half
 *   0xfffffff0             wraps past 4 GiB
 *   a read-only page       the program's own ELF headers (a PT_LOAD
 *                          without PF_W): only for calls that write
 *
 * Raw system calls (the libc's vDSO-backed clock_gettime, gettimeofday
 * and time would fault in user space instead, as on Linux). Linux 6.1
 * answers -EFAULT to each; time() too (kernel/time/time.c). The
 * read-only page must also come out unchanged: no partial copy.
 */
#include <errno.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include "lib/entry.h"
#include "lib/tap.h"

#define RO_CHECK_BYTES	512

static const unsigned long bad[] = {
	0x1000, 0x10000, 0xc0000000, 0xfffff000, 0xbffffffe, 0xfffffff0,
};

static long
sc(long nr, long a, long b, long c)
{
	return entry_syscall(ENTRY_GS, nr, a, b, c, 0, 0, 0);
}

/* Calls that write through p. */
static void
writers(unsigned long p, const char *where)
{
	struct timeval tv;

	is(sc(SYS_uname, p, 0, 0), -EFAULT, "uname(%s)", where);
	is(sc(SYS_clock_gettime, CLOCK_MONOTONIC, p, 0), -EFAULT,
	   "clock_gettime(CLOCK_MONOTONIC, %s)", where);
	is(sc(SYS_clock_gettime, CLOCK_REALTIME, p, 0), -EFAULT,
	   "clock_gettime(CLOCK_REALTIME, %s)", where);
	is(sc(SYS_gettimeofday, p, 0, 0), -EFAULT, "gettimeofday(%s, NULL)", where);
	is(sc(SYS_gettimeofday, (long)&tv, p, 0), -EFAULT,
	   "gettimeofday(&tv, %s): the timezone", where);
	is(sc(SYS_time, p, 0, 0), -EFAULT, "time(%s)", where);
	is(sc(SYS_fstat64, 1, p, 0), -EFAULT, "fstat64(1, %s)", where);
}

/* Calls that read through p. */
static void
readers(unsigned long p, const char *where)
{
	struct iovec iov = { (void *)p, 10 };

	is(sc(SYS_write, 1, p, 10), -EFAULT, "write(1, %s, 10)", where);
	is(sc(SYS_writev, 1, p, 1), -EFAULT, "writev(1, iov = %s, 1)", where);
	is(sc(SYS_writev, 1, (long)&iov, 1), -EFAULT,
	   "writev(1, {%s, 10}, 1): the iov_base", where);
	is(sc(SYS_nanosleep, p, 0, 0), -EFAULT, "nanosleep(%s, NULL)", where);
	is(sc(SYS_set_thread_area, p, 0, 0), -EFAULT, "set_thread_area(%s)", where);
	is(sc(SYS_get_thread_area, p, 0, 0), -EFAULT, "get_thread_area(%s)", where);
}

/* The first page of a PT_LOAD without PF_W in this program, or 0. */
static unsigned long
read_only_page(void)
{
	const Elf32_Phdr *ph = (const Elf32_Phdr *)getauxval(AT_PHDR);
	unsigned long n = getauxval(AT_PHNUM), i, bias = 0;

	for (i = 0; ph && i < n; i++)
		if (ph[i].p_type == PT_PHDR)
			bias = (unsigned long)ph - ph[i].p_vaddr;
	for (i = 0; ph && i < n; i++)
		if (ph[i].p_type == PT_LOAD && !(ph[i].p_flags & PF_W))
			return (bias + ph[i].p_vaddr) & ~4095UL;
	return 0;
}

int
main(void)
{
	static unsigned char copy[RO_CHECK_BYTES];
	struct timespec zero = { 0, 0 };
	unsigned long ro = read_only_page();
	char where[32];
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(where, sizeof where, "%#lx", bad[i]);
		writers(bad[i], where);
		readers(bad[i], where);
	}

	is(sc(SYS_uname, 0, 0, 0), -EFAULT, "uname(NULL)");
	is(sc(SYS_nanosleep, (long)&zero, 0xc0000000, 0), 0,
	   "nanosleep(&{0, 0}, kernel address): rem is only written when interrupted");

	if (!ro) {
		skip(8, "no read-only PT_LOAD in this program");
		return done_testing();
	}
	ok(ro, "a read-only page of this program at %#lx", ro);
	memcpy(copy, (const void *)ro, sizeof copy);
	snprintf(where, sizeof where, "read-only %#lx", ro);
	writers(ro, where);
	ok(!memcmp(copy, (const void *)ro, sizeof copy),
	   "the read-only page is unchanged");
	return done_testing();
}
