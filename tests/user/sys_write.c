/*
 * sys_write: write, writev, fstat64 and ioctl on descriptor 1, the
 * console, with Linux 6.1's answers:
 *
 *   write and writev return the bytes written; a descriptor that is not
 *   open is -EBADF;
 *   writev: iovcnt < 0 or > UIO_MAXIOV (1024) is -EINVAL, 1024 is fine;
 *   a length with the sign bit set is -EINVAL; every iov_base is
 *   checked against the user address limit before anything is written
 *   (lib/iov_iter.c __import_iovec), so one in the kernel half is
 *   -EFAULT even after a good one;
 *   fstat64: the console is a character device;
 *   ioctl: TCGETS works on a terminal, an unknown request is -ENOTTY, a
 *   bad argument pointer -EFAULT.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <asm/termbits.h>
#include "lib/entry.h"
#include "lib/tap.h"

#define UIO_MAXIOV 1024

static long
sc(long nr, long a, long b, long c)
{
	return entry_syscall(ENTRY_GS, nr, a, b, c, 0, 0, 0);
}

static void
test_write(void)
{
	static const char line[] = "    # write(1, ...)\n";
	int n = sizeof line - 1;

	fflush(stdout);
	is(sc(SYS_write, 1, (long)line, n), n, "write returns the count");
	is(sc(SYS_write, 1, (long)line, 0), 0, "write of 0 bytes: 0");
	is(sc(SYS_write, 99, (long)line, n), -EBADF, "write(99): -EBADF");
	is(sc(SYS_write, -1, (long)line, n), -EBADF, "write(-1): -EBADF");
}

static void
test_writev(void)
{
	static struct iovec many[UIO_MAXIOV + 1];
	static const char a[] = "    # writev: one line", b[] = " in two pieces\n";
	struct iovec iov[2] = {
		{ (void *)a, sizeof a - 1 }, { (void *)b, sizeof b - 1 },
	};
	static const char partial[] = "    # writev wrote its first part: wrong\n";
	struct iovec bad[2] = {
		{ (void *)partial, sizeof partial - 1 }, { (void *)0xc0000000, 10 },
	};
	struct iovec neg = { (void *)a, 0x80000000 };

	fflush(stdout);
	is(sc(SYS_writev, 1, (long)iov, 2), (long)(sizeof a + sizeof b - 2),
	   "writev returns the total");
	is(sc(SYS_writev, 1, (long)iov, 0), 0, "writev of 0 iovecs: 0");
	is(sc(SYS_writev, 99, (long)iov, 2), -EBADF, "writev(99): -EBADF");
	is(sc(SYS_writev, 1, (long)iov, -1), -EINVAL, "writev, iovcnt -1: -EINVAL");
	is(sc(SYS_writev, 1, (long)many, UIO_MAXIOV + 1), -EINVAL,
	   "writev, iovcnt 1025: -EINVAL");
	is(sc(SYS_writev, 1, (long)many, UIO_MAXIOV), 0,
	   "writev, 1024 empty iovecs: 0");
	is(sc(SYS_writev, 1, (long)&neg, 1), -EINVAL,
	   "writev, a length with the sign bit: -EINVAL");
	is(sc(SYS_writev, 1, (long)bad, 2), -EFAULT,
	   "writev, good iovec then a kernel address: -EFAULT, nothing written");
}

static void
test_fstat(void)
{
	struct stat64 st;

	memset(&st, 0, sizeof st);
	is(sc(SYS_fstat64, 1, (long)&st, 0), 0, "fstat64(1)");
	ok(S_ISCHR(st.st_mode), "fd 1 is a character device (mode %#o)",
	   (unsigned)st.st_mode);
	is(sc(SYS_fstat64, 99, (long)&st, 0), -EBADF, "fstat64(99): -EBADF");
}

static void
test_ioctl(void)
{
	struct termios t;

	is(sc(SYS_ioctl, 1, TCGETS, (long)&t), 0, "ioctl(1, TCGETS)");
	is(sc(SYS_ioctl, 1, 0x12345678, 0), -ENOTTY,
	   "ioctl(1, 0x12345678): -ENOTTY");
	is(sc(SYS_ioctl, 99, TCGETS, (long)&t), -EBADF, "ioctl(99, TCGETS): -EBADF");
	is(sc(SYS_ioctl, 1, TCGETS, 0xc0000000), -EFAULT,
	   "ioctl(1, TCGETS, kernel address): -EFAULT");
}

int
main(void)
{
	test_write();
	test_writev();
	test_fstat();
	test_ioctl();
	return done_testing();
}
