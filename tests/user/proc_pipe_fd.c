/*
 * proc_pipe_fd: descriptors and pipes in one process (no fork needed):
 * pipe and pipe2, close, dup, dup2, dup3, fcntl and fcntl64, with the
 * errno Linux 6.1 gives.
 *
 *   a pipe carries bytes in order; read returns what is there; 0 (EOF)
 *     once the write end is closed; write with no reader is EPIPE;
 *     read of the write end (or write of the read end) is EBADF;
 *   O_NONBLOCK: EAGAIN on an empty or full pipe; a write larger than the
 *     pipe's size (F_GETPIPE_SZ) writes exactly that size;
 *   fstat: a FIFO, mode 0600, st_blksize 4096, one inode per pipe;
 *   new descriptors are the lowest free ones; at most 64 (EMFILE), and
 *     F_DUPFD from 64 is EINVAL, dup2/dup3 to 64 EBADF;
 *   dup2 onto an open descriptor closes it; dup2(fd, fd) is fd;
 *     dup3(fd, fd) is EINVAL; close-on-exec per descriptor, status
 *     flags (O_NONBLOCK) per open file; FIOCLEX, FIONCLEX, FIONBIO;
 *   F_SETPIPE_SZ: a power of two of pages, EBUSY below the contents.
 *
 * Linux's descriptor limit is RLIMIT_NOFILE, 1024 by default: the test
 * lowers it to 64 first, our kernel's fixed limit. Linux raises SIGPIPE
 * with EPIPE: the test ignores it first. Where those calls are missing
 * (ENOSYS) the kernel has no such limit or signal to set.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include <asm/resource.h>
#include <linux/fcntl.h>
#include <linux/limits.h>
#include "lib/tap.h"

#define NOFILE	64

/* The raw result of a call: the value, or -errno. */
static long
sc(long r)
{
	return r < 0 ? -errno : r;
}

#define SYS(...)	sc(syscall(__VA_ARGS__))

static char buf[1 << 17], data[1 << 17];

/* The lowest free descriptor, found by dup (then closed again). */
static int
lowest_free(void)
{
	int fd = SYS(SYS_dup, 0);

	if (fd >= 0)
		SYS(SYS_close, fd);
	return fd;
}

static int
is_open(int fd)
{
	return SYS(SYS_fcntl64, fd, F_GETFD, 0) >= 0;
}

/* RLIMIT_NOFILE = 64 (soft), and SIGPIPE ignored, where the kernel has them. */
static void
setup(void)
{
	struct { uint64_t cur, max; } lim;
	struct {
		unsigned long handler, flags, restorer;
		uint32_t mask[2];
	} act = { 1 /* SIG_IGN */, 0, 0, { 0, 0 } };
	long r;

	r = SYS(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &lim);
	if (r == 0) {
		lim.cur = NOFILE;
		if (lim.max < NOFILE)
			lim.max = NOFILE;
		r = SYS(SYS_prlimit64, 0, RLIMIT_NOFILE, &lim, NULL);
	}
	if (r)
		diag("prlimit64: %ld: the kernel's limit is taken as %d", r,
		     NOFILE);
	r = SYS(SYS_rt_sigaction, SIGPIPE, &act, NULL, 8);
	if (r)
		diag("rt_sigaction(SIGPIPE, SIG_IGN): %ld", r);
}

static void
test_basics(void)
{
	int fds[2] = { -1, -1 }, low = lowest_free();
	struct stat64 st0, st1;
	int avail = -1;

	is(SYS(SYS_pipe, fds), 0, "pipe");
	is(fds[0], low, "read end: the lowest free descriptor (%d)", low);
	ok(fds[1] > fds[0], "write end: the next free one (%d)", fds[1]);
	is(SYS(SYS_write, fds[1], "hello", 5), 5, "write 5 bytes");
	is(SYS(SYS_ioctl, fds[0], FIONREAD, &avail), 0, "FIONREAD");
	is(avail, 5, "FIONREAD: 5 bytes waiting");
	is(SYS(SYS_read, fds[0], buf, 2), 2, "read 2 of them");
	is(SYS(SYS_read, fds[0], buf + 2, sizeof(buf)), 3,
	   "read with room for more returns what is there");
	ok(!memcmp(buf, "hello", 5), "bytes in order");
	is(SYS(SYS_read, fds[1], buf, 1), -EBADF, "read of the write end: EBADF");
	is(SYS(SYS_read, fds[1], buf, 0), -EBADF, "... even of 0 bytes");
	is(SYS(SYS_write, fds[0], "x", 1), -EBADF,
	   "write to the read end: EBADF");
	{
		struct iovec iov = { (void *)"x", 1 };

		is(SYS(SYS_writev, fds[0], &iov, 1), -EBADF,
		   "writev to the read end: EBADF");
	}
	is(SYS(SYS_ioctl, fds[0], TCGETS, buf), -ENOTTY, "TCGETS: ENOTTY");
	is(SYS(SYS_fcntl64, fds[0], F_GETFL), O_RDONLY, "F_GETFL: O_RDONLY");
	is(SYS(SYS_fcntl64, fds[1], F_GETFL), O_WRONLY, "F_GETFL: O_WRONLY");
	is(SYS(SYS_fcntl64, fds[0], F_GETFD), 0, "not close-on-exec");
	is(SYS(SYS_fstat64, fds[0], &st0), 0, "fstat64 read end");
	is(SYS(SYS_fstat64, fds[1], &st1), 0, "fstat64 write end");
	is(st0.st_mode, S_IFIFO | 0600, "st_mode: S_IFIFO | 0600");
	is(st0.st_blksize, 4096, "st_blksize 4096");
	is(st0.st_nlink, 1, "st_nlink 1");
	ok(st0.st_ino == st1.st_ino, "both ends: one inode");

	is(SYS(SYS_close, fds[1]), 0, "close the write end");
	is(SYS(SYS_read, fds[0], buf, 10), 0, "then read: 0 (end of file)");
	is(SYS(SYS_close, fds[0]), 0, "close the read end");
	is(SYS(SYS_close, fds[0]), -EBADF, "close again: EBADF");
	is(SYS(SYS_close, -1), -EBADF, "close(-1): EBADF");
	is(lowest_free(), low, "both descriptors free again");

	is(SYS(SYS_pipe, fds), 0, "another pipe");
	is(SYS(SYS_close, fds[0]), 0, "close its read end");
	is(SYS(SYS_write, fds[1], "x", 1), -EPIPE, "write: EPIPE");
	SYS(SYS_close, fds[1]);
}

static void
test_nonblock(void)
{
	int fds[2], i;
	long size, n, total = 0, r;

	for (i = 0; i < (int)sizeof(data); i++)
		data[i] = (char)(i * 13 + (i >> 9));
	is(SYS(SYS_pipe2, fds, O_NONBLOCK), 0, "pipe2(O_NONBLOCK)");
	is(SYS(SYS_fcntl, fds[0], F_GETFL), O_RDONLY | O_NONBLOCK,
	   "F_GETFL: O_RDONLY | O_NONBLOCK");
	is(SYS(SYS_read, fds[0], buf, 1), -EAGAIN, "read of empty: EAGAIN");
	size = SYS(SYS_fcntl64, fds[1], F_GETPIPE_SZ);
	ok(size >= PIPE_BUF && size <= (long)sizeof(data),
	   "F_GETPIPE_SZ: %ld", size);
	while ((r = SYS(SYS_write, fds[1], data + total, PIPE_BUF)) > 0)
		total += r;
	is(r, -EAGAIN, "writes of PIPE_BUF until EAGAIN");
	is(total, size, "... have filled the pipe's size");
	is(SYS(SYS_write, fds[1], data, 1), -EAGAIN, "write 1 byte: EAGAIN");
	n = 0;
	while ((r = SYS(SYS_read, fds[0], buf + n, sizeof(buf) - n)) > 0)
		n += r;
	is(r, -EAGAIN, "read until EAGAIN");
	is(n, size, "... got it all back");
	ok(!memcmp(buf, data, size), "in order");
	is(SYS(SYS_write, fds[1], data, size + 1000), size,
	   "write larger than the pipe: writes its size");
	is(SYS(SYS_write, fds[1], data, PIPE_BUF), -EAGAIN,
	   "then a PIPE_BUF write: EAGAIN");
	/* Status flags are per open file: F_SETFL changes O_NONBLOCK only. */
	is(SYS(SYS_fcntl64, fds[1], F_SETFL, O_RDWR | O_CREAT), 0,
	   "F_SETFL without O_NONBLOCK");
	is(SYS(SYS_fcntl64, fds[1], F_GETFL), O_WRONLY,
	   "F_GETFL: O_WRONLY (access mode, creation flags ignored)");
	SYS(SYS_close, fds[0]);
	is(SYS(SYS_write, fds[1], data, 1), -EPIPE,
	   "full pipe, reader gone: EPIPE even when blocking");
	SYS(SYS_close, fds[1]);
}

static void
test_pipe_errors(void)
{
	int fds[2], low = lowest_free();

	is(SYS(SYS_pipe2, fds, O_APPEND), -EINVAL, "pipe2(O_APPEND): EINVAL");
	is(SYS(SYS_pipe2, fds, O_WRONLY), -EINVAL, "pipe2(O_WRONLY): EINVAL");
	is(SYS(SYS_pipe, NULL), -EFAULT, "pipe(NULL): EFAULT");
	is(SYS(SYS_pipe2, (void *)0xc0000000, 0), -EFAULT,
	   "pipe2(kernel address): EFAULT");
	is(lowest_free(), low, "no descriptor left behind");
	is(SYS(SYS_pipe2, fds, O_CLOEXEC | O_NONBLOCK), 0,
	   "pipe2(O_CLOEXEC | O_NONBLOCK)");
	is(SYS(SYS_fcntl64, fds[0], F_GETFD), FD_CLOEXEC, "read end close-on-exec");
	is(SYS(SYS_fcntl64, fds[1], F_GETFD), FD_CLOEXEC, "write end close-on-exec");
	is(SYS(SYS_fcntl64, fds[1], F_GETFL), O_WRONLY | O_NONBLOCK,
	   "write end O_NONBLOCK");
	SYS(SYS_close, fds[0]);
	SYS(SYS_close, fds[1]);
}

static void
test_dup(void)
{
	int fds[2], a, b, c;

	SYS(SYS_pipe, fds);
	is(SYS(SYS_dup, 999), -EBADF, "dup(999): EBADF");
	is(SYS(SYS_dup, -1), -EBADF, "dup(-1): EBADF");
	a = lowest_free();
	is(SYS(SYS_dup, fds[1]), a, "dup: the lowest free descriptor");
	is(SYS(SYS_dup2, fds[0], fds[0]), fds[0], "dup2(fd, fd): fd");
	is(SYS(SYS_dup2, 60, 60), -EBADF, "dup2(closed, same): EBADF");
	is(SYS(SYS_dup2, 60, 61), -EBADF, "dup2(closed, other): EBADF");
	is(SYS(SYS_dup2, fds[0], NOFILE), -EBADF, "dup2 to 64: EBADF");
	is(SYS(SYS_dup3, fds[0], fds[0], 0), -EINVAL, "dup3(fd, fd): EINVAL");
	is(SYS(SYS_dup3, fds[0], 50, O_NONBLOCK), -EINVAL,
	   "dup3(O_NONBLOCK): EINVAL");
	is(SYS(SYS_dup3, fds[0], NOFILE, 0), -EBADF, "dup3 to 64: EBADF");
	is(SYS(SYS_dup3, 60, 50, 0), -EBADF, "dup3(closed): EBADF");
	is(SYS(SYS_dup3, fds[0], 50, O_CLOEXEC), 50, "dup3(O_CLOEXEC) to 50");
	is(SYS(SYS_fcntl64, 50, F_GETFD), FD_CLOEXEC, "50: close-on-exec");
	is(SYS(SYS_dup2, fds[1], 50), 50, "dup2 of the write end onto 50");
	is(SYS(SYS_fcntl64, 50, F_GETFD), 0, "... clears close-on-exec");
	/* Three write ends now: fds[1], a, 50. dup2 over two of them closes them. */
	b = SYS(SYS_dup, fds[0]);
	is(SYS(SYS_dup2, b, a), a, "dup2 onto an open write end");
	is(SYS(SYS_dup2, b, 50), 50, "dup2 onto another");
	is(SYS(SYS_write, fds[1], "ab", 2), 2, "write through the last one");
	is(SYS(SYS_close, fds[1]), 0, "close the last write end");
	is(SYS(SYS_read, a, buf, 10), 2, "read through a dup of the read end");
	is(SYS(SYS_read, fds[0], buf, 10), 0,
	   "end of file: the dup2 targets were closed");

	/* F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD/F_SETFD. */
	c = SYS(SYS_fcntl64, fds[0], F_DUPFD, 40);
	is(c, 40, "F_DUPFD 40");
	is(SYS(SYS_fcntl, fds[0], F_DUPFD, 40), 41, "F_DUPFD 40 again: 41");
	is(SYS(SYS_fcntl, fds[0], F_DUPFD_CLOEXEC, 40), 42,
	   "F_DUPFD_CLOEXEC 40: 42");
	is(SYS(SYS_fcntl, 42, F_GETFD), FD_CLOEXEC, "42: close-on-exec");
	is(SYS(SYS_fcntl, 41, F_GETFD), 0, "41: not");
	is(SYS(SYS_fcntl, 41, F_SETFD, 3), 0, "F_SETFD 3 (low bit counts)");
	is(SYS(SYS_fcntl, 41, F_GETFD), FD_CLOEXEC, "41: close-on-exec");
	is(SYS(SYS_fcntl, 41, F_SETFD, 0), 0, "F_SETFD 0");
	is(SYS(SYS_fcntl, 41, F_GETFD), 0, "41: not");
	is(SYS(SYS_fcntl, fds[0], F_DUPFD, NOFILE), -EINVAL, "F_DUPFD 64: EINVAL");
	is(SYS(SYS_fcntl64, fds[0], F_DUPFD, -1), -EINVAL, "F_DUPFD -1: EINVAL");
	is(SYS(SYS_fcntl64, fds[0], F_DUPFD, NOFILE - 1), NOFILE - 1,
	   "F_DUPFD 63: 63");
	is(SYS(SYS_fcntl64, fds[0], F_DUPFD, NOFILE - 1), -EMFILE,
	   "F_DUPFD 63 again: EMFILE");
	/* Status flags belong to the open file, shared by its dups. */
	is(SYS(SYS_fcntl64, 41, F_SETFL, O_NONBLOCK), 0, "F_SETFL O_NONBLOCK on 41");
	is(SYS(SYS_fcntl64, fds[0], F_GETFL), O_RDONLY | O_NONBLOCK,
	   "the original sees it");
	is(SYS(SYS_fcntl64, 41, F_SETFD, FD_CLOEXEC), 0, "F_SETFD on 41");
	is(SYS(SYS_fcntl64, fds[0], F_GETFD), 0,
	   "the original keeps its own close-on-exec bit");
	is(SYS(SYS_fcntl64, fds[0], 1234), -EINVAL, "unknown command: EINVAL");
	is(SYS(SYS_fcntl, fds[0], 1234), -EINVAL, "fcntl too");
	is(SYS(SYS_fcntl64, 60, F_GETFD), -EBADF, "closed descriptor: EBADF");
	is(SYS(SYS_fcntl, 60, 1234), -EBADF, "EBADF before EINVAL");
	is(SYS(SYS_fcntl64, -1, F_GETFL), -EBADF, "fd -1: EBADF");

	for (int fd = fds[0]; fd < NOFILE; fd++)
		if (fd != 0 && fd != 1 && fd != 2)
			SYS(SYS_close, fd);
	SYS(SYS_close, fds[0]);
	SYS(SYS_close, b);
}

/* The ioctls every file has, and F_SETPIPE_SZ. */
static void
test_ioctl_and_size(void)
{
	int fds[2], on = 1, off = 0;

	SYS(SYS_pipe, fds);
	is(SYS(SYS_ioctl, fds[0], FIOCLEX), 0, "FIOCLEX");
	is(SYS(SYS_fcntl64, fds[0], F_GETFD), FD_CLOEXEC, "... sets close-on-exec");
	is(SYS(SYS_ioctl, fds[0], FIONCLEX), 0, "FIONCLEX");
	is(SYS(SYS_fcntl64, fds[0], F_GETFD), 0, "... clears it");
	is(SYS(SYS_ioctl, fds[0], FIONBIO, &on), 0, "FIONBIO 1");
	is(SYS(SYS_fcntl64, fds[0], F_GETFL), O_RDONLY | O_NONBLOCK,
	   "... sets O_NONBLOCK");
	is(SYS(SYS_read, fds[0], buf, 1), -EAGAIN, "... so read: EAGAIN");
	is(SYS(SYS_ioctl, fds[0], FIONBIO, &off), 0, "FIONBIO 0");
	is(SYS(SYS_fcntl64, fds[0], F_GETFL), O_RDONLY, "... clears it");
	is(SYS(SYS_ioctl, fds[0], FIONBIO, NULL), -EFAULT, "FIONBIO NULL: EFAULT");

	is(SYS(SYS_fcntl64, 1, F_GETPIPE_SZ), -EBADF,
	   "F_GETPIPE_SZ of a non-pipe: EBADF");
	is(SYS(SYS_fcntl64, fds[1], F_SETPIPE_SZ, 0), 4096,
	   "F_SETPIPE_SZ 0: one page");
	is(SYS(SYS_fcntl64, fds[0], F_GETPIPE_SZ), 4096, "F_GETPIPE_SZ: 4096");
	is(SYS(SYS_fcntl64, fds[1], F_SETPIPE_SZ, 3 * 4096), 4 * 4096,
	   "F_SETPIPE_SZ 3 pages: 4 (a power of two)");
	is(SYS(SYS_fcntl64, fds[1], F_SETPIPE_SZ, 0x80000001UL), -EINVAL,
	   "F_SETPIPE_SZ above 2 GiB: EINVAL");
	for (int i = 0; i < 3; i++)
		SYS(SYS_write, fds[1], data + i * 4096, 4096);
	is(SYS(SYS_fcntl64, fds[1], F_SETPIPE_SZ, 4096), -EBUSY,
	   "F_SETPIPE_SZ below what the pipe holds: EBUSY");
	is(SYS(SYS_write, fds[1], data + 3 * 4096, 4096), 4096,
	   "the fourth page still fits");
	is(SYS(SYS_read, fds[0], buf, sizeof(buf)), 4 * 4096, "all read back");
	ok(!memcmp(buf, data, 4 * 4096), "in order");
	SYS(SYS_close, fds[0]);
	SYS(SYS_close, fds[1]);
}

static void
test_emfile(void)
{
	int low = lowest_free(), fd, opened = 0, fds[2], n = 0;

	while ((fd = SYS(SYS_dup, 0)) >= 0)
		opened++;
	is(fd, -EMFILE, "dup until EMFILE");
	for (fd = 0; fd < NOFILE; fd++)
		n += is_open(fd);
	is(n, NOFILE, "then all 64 descriptors are open");
	ok(!is_open(NOFILE), "and none above");
	is(SYS(SYS_pipe, fds), -EMFILE, "pipe: EMFILE");
	SYS(SYS_close, NOFILE - 1);
	is(SYS(SYS_pipe, fds), -EMFILE, "pipe with one free: EMFILE");
	ok(!is_open(NOFILE - 1), "... and that one still free");
	is(SYS(SYS_dup2, 0, low), low, "dup2 onto an open one, table full");
	for (fd = low; fd < NOFILE; fd++)
		SYS(SYS_close, fd);
	is(lowest_free(), low, "all closed again (%d opened)", opened);
}

int
main(void)
{
	setup();
	test_basics();
	test_nonblock();
	test_pipe_errors();
	test_dup();
	test_ioctl_and_size();
	test_emfile();
	return done_testing();
}
