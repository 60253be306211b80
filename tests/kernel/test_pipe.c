/*
 * Tests for descriptor tables (kernel/fd.c), file references
 * (kernel/file.c) and pipes (kernel/pipe.c), driven through the system
 * calls themselves from the boot task.
 *
 * Each test runs in a fixture: a small user address space (the calls
 * copy to and from user memory, so buffers live there) and a fresh
 * descriptor table with the console on 0..2, both undone at the end,
 * with no frame leaked. The blocking tests start a kernel thread that
 * shares the address space and the table (as CLONE_VM|CLONE_FILES
 * would): the boot task sleeps in read or write, the thread runs only
 * then (the kernel is not preemptive) and does what should wake it.
 */
#include <asm/ioctls.h>
#include <asm/irq.h>
#include <asm/stat.h>
#include <linux/fcntl.h>
#include <linux/stat.h>
#include <linux/uio.h>
#include <kernel/errno.h>
#include <kernel/file.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

/* The fixture's user memory: descriptors, then the boot task's buffer,
 * then the thread's. */
#define UBASE		0x20000000UL
#define UPAGES		12
#define UFDS		((int __user *)UBASE)
#define UVEC		((struct iovec __user *)(UBASE + 64))
#define UBUF		((char __user *)(UBASE + PAGE_SIZE))	/* 6 pages */
#define UBUF_SIZE	(6 * PAGE_SIZE)
#define KTBUF		((char __user *)(UBASE + 7 * PAGE_SIZE))	/* 5 pages */
#define KTBUF_SIZE	(5 * PAGE_SIZE)

struct fixture {
	unsigned long free_before;
	int console_before;
	struct mm_struct *mm, *saved_mm;
	struct files_struct *saved_files;
};

static bool fx_setup(struct fixture *fx)
{
	fx->free_before = nr_free_pages();
	fx->console_before = console_file.f_count;
	fx->mm = mm_alloc();
	if (!fx->mm)
		return false;
	if (vma_insert(fx->mm, UBASE, UBASE + UPAGES * PAGE_SIZE,
		       VM_READ | VM_WRITE)) {
		mmput(fx->mm);
		return false;
	}
	fx->saved_mm = current->mm;
	fx->saved_files = current->files;
	current->files = files_alloc_console();
	current->mm = fx->mm;
	switch_pgd(fx->mm->pgd);
	return current->files != NULL;
}

/* Undo fx_setup; every file must be gone and every frame back. */
static void fx_teardown(struct fixture *fx)
{
	if (current->files)
		put_files(current->files);
	current->files = fx->saved_files;
	current->mm = fx->saved_mm;
	switch_pgd(fx->saved_mm ? fx->saved_mm->pgd : swapper_pg_dir);
	mmput(fx->mm);
	KT_EXPECT_EQ(console_file.f_count, fx->console_before);
	KT_EXPECT_EQ(nr_free_pages(), fx->free_before);
}

#define FIXTURE(fx)							\
	struct fixture fx;						\
	if (!fx_setup(&fx)) {						\
		ktest_fail(__FILE__, __LINE__, "fixture setup");	\
		return;							\
	}

static long do_pipe(int fds[2], int flags)
{
	long r = sys_pipe2(UFDS, flags);

	if (!r && copy_from_user(fds, UFDS, 2 * sizeof(int)))
		r = -EFAULT;
	return r;
}

/* write/read through the given user buffer; data in kernel memory. */
static long uwrite_at(char __user *ubuf, int fd, const void *data, size_t n)
{
	if (copy_to_user(ubuf, data, n))
		return -EFAULT;
	return sys_write(fd, ubuf, n);
}

static long uread_at(char __user *ubuf, int fd, void *data, size_t n)
{
	long r = sys_read(fd, ubuf, n);

	if (r > 0 && copy_from_user(data, ubuf, r))
		return -EFAULT;
	return r;
}

#define uwrite(fd, data, n)	uwrite_at(UBUF, fd, data, n)
#define uread(fd, data, n)	uread_at(UBUF, fd, data, n)

static char pattern[UBUF_SIZE], got[UBUF_SIZE];

static void fill_pattern(unsigned int seed)
{
	for (size_t i = 0; i < sizeof(pattern); i++)
		pattern[i] = (char)(i * 7 + seed + (i >> 8));
}

/* Descriptors 3 and 4, data in, data out, EOF once the writer closes. */
KTEST(pipe, write_read_eof)
{
	FIXTURE(fx);
	int fds[2];
	u32 avail;

	KT_ASSERT(do_pipe(fds, 0) == 0);
	KT_EXPECT_EQ(fds[0], 3);
	KT_EXPECT_EQ(fds[1], 4);
	KT_EXPECT_EQ(uwrite(fds[1], "hello", 5), 5);
	KT_EXPECT_EQ(sys_ioctl(fds[0], FIONREAD, (unsigned long)UBUF), 0);
	KT_EXPECT(!get_user_u32(&avail, (u32 __user *)UBUF) && avail == 5);
	KT_EXPECT_EQ(sys_ioctl(fds[1], FIONREAD, (unsigned long)UBUF), 0);
	KT_EXPECT_EQ(sys_ioctl(fds[0], TCGETS, (unsigned long)UBUF), -ENOTTY);
	/* A short read takes only what is asked; the rest stays. */
	KT_EXPECT_EQ(uread(fds[0], got, 2), 2);
	KT_EXPECT(!memcmp(got, "he", 2));
	KT_EXPECT_EQ(uread(fds[0], got, 100), 3);
	KT_EXPECT(!memcmp(got, "llo", 3));
	KT_EXPECT_EQ(sys_read(fds[0], UBUF, 0), 0);
	KT_EXPECT_EQ(sys_close(fds[1]), 0);
	KT_EXPECT_EQ(sys_read(fds[0], UBUF, 10), 0);	/* EOF */
	KT_EXPECT_EQ(sys_close(fds[0]), 0);
	KT_EXPECT_EQ(sys_close(fds[0]), -EBADF);
	fx_teardown(&fx);
}

/* The wrong end, a bad buffer, O_NONBLOCK on an empty pipe. */
KTEST(pipe, errors)
{
	FIXTURE(fx);
	int fds[2];

	KT_EXPECT_EQ(sys_pipe2(UFDS, O_NONBLOCK | O_APPEND), -EINVAL);
	KT_EXPECT_EQ(sys_pipe2(UFDS, O_DIRECT), -EINVAL);
	KT_EXPECT_EQ(sys_pipe2((int __user *)0xc0000000, 0), -EFAULT);
	KT_EXPECT_EQ(sys_pipe((int __user *)(UBASE + UPAGES * PAGE_SIZE)),
		     -EFAULT);
	/* Neither failure left a descriptor behind. */
	KT_EXPECT_EQ(sys_fcntl64(3, F_GETFD, 0), -EBADF);
	KT_ASSERT(do_pipe(fds, O_NONBLOCK) == 0);
	KT_EXPECT_EQ(sys_read(fds[1], UBUF, 1), -EBADF);
	KT_EXPECT_EQ(sys_write(fds[0], UBUF, 1), -EBADF);
	KT_EXPECT_EQ(sys_read(fds[0], UBUF, 1), -EAGAIN);
	KT_EXPECT_EQ(sys_write(fds[1], (char __user *)0xc0000000, 1), -EFAULT);
	/* Inside the user half but unmapped: the copy faults, nothing added. */
	KT_EXPECT_EQ(sys_write(fds[1], (char __user *)0x30000000, 1), -EFAULT);
	KT_EXPECT_EQ(sys_read(fds[0], UBUF, 1), -EAGAIN);
	KT_EXPECT_EQ(uwrite(fds[1], "x", 1), 1);
	KT_EXPECT_EQ(sys_read(fds[0], (char __user *)0x30000000, 1), -EFAULT);
	KT_EXPECT_EQ(uread(fds[0], got, 1), 1);	/* still there */
	KT_EXPECT_EQ(sys_close(fds[0]), 0);
	KT_EXPECT_EQ(uwrite(fds[1], "x", 1), -EPIPE);
	KT_EXPECT_EQ(sys_close(fds[1]), 0);
	fx_teardown(&fx);
}

/* Data that wraps round the ring comes out in order. */
KTEST(pipe, ring_wraps)
{
	FIXTURE(fx);
	int fds[2];
	size_t out = 0;

	fill_pattern(1);
	KT_ASSERT(do_pipe(fds, 0) == 0);
	KT_EXPECT_EQ(sys_fcntl64(fds[0], F_GETPIPE_SZ, 0), PAGE_SIZE);
	KT_EXPECT_EQ(uwrite(fds[1], pattern, 3000), 3000);
	KT_EXPECT_EQ(uread(fds[0], got, 2000), 2000);
	out = 2000;
	KT_EXPECT_EQ(uwrite(fds[1], pattern + 3000, 3000), 3000);
	KT_EXPECT_EQ(uread(fds[0], got + out, 10000), 4000);
	out += 4000;
	KT_EXPECT(!memcmp(got, pattern, out));
	sys_close(fds[0]);
	sys_close(fds[1]);
	fx_teardown(&fx);
}

/* Writes up to PIPE_BUF go in whole or not at all; longer ones split. */
KTEST(pipe, nonblocking_atomic_and_partial)
{
	FIXTURE(fx);
	int fds[2];

	fill_pattern(2);
	KT_ASSERT(do_pipe(fds, O_NONBLOCK) == 0);
	KT_EXPECT_EQ(sys_fcntl64(fds[1], F_GETFL, 0), O_WRONLY | O_NONBLOCK);
	KT_EXPECT_EQ(uwrite(fds[1], pattern, 4000), 4000);
	KT_EXPECT_EQ(uwrite(fds[1], pattern, 200), -EAGAIN);	/* 96 free */
	KT_EXPECT_EQ(uwrite(fds[1], pattern, 96), 96);
	KT_EXPECT_EQ(uwrite(fds[1], pattern, 1), -EAGAIN);	/* full */
	KT_EXPECT_EQ(uread(fds[0], got, 4096), 4096);
	/* More than PIPE_BUF: what fits, then the count. */
	KT_EXPECT_EQ(uwrite(fds[1], pattern, 5000), 4096);
	KT_EXPECT_EQ(uwrite(fds[1], pattern, 5000), -EAGAIN);
	KT_EXPECT_EQ(uread(fds[0], got, 100), 100);
	KT_EXPECT_EQ(uwrite(fds[1], pattern, 5000), 100);
	KT_EXPECT_EQ(uread(fds[0], got, 5000), 4096);
	KT_EXPECT(!memcmp(got, pattern + 100, 3996));
	KT_EXPECT(!memcmp(got + 3996, pattern, 100));
	sys_close(fds[0]);
	sys_close(fds[1]);
	fx_teardown(&fx);
}

/* F_SETPIPE_SZ: powers of two of pages, -EBUSY below what is held. */
KTEST(pipe, set_size)
{
	FIXTURE(fx);
	int fds[2];

	fill_pattern(3);
	KT_ASSERT(do_pipe(fds, O_NONBLOCK) == 0);
	KT_EXPECT_EQ(sys_fcntl64(1, F_GETPIPE_SZ, 0), -EBADF);
	KT_EXPECT_EQ(sys_fcntl64(fds[1], F_SETPIPE_SZ, 0), PAGE_SIZE);
	KT_EXPECT_EQ(sys_fcntl64(fds[1], F_SETPIPE_SZ, 0x80000001UL), -EINVAL);
	KT_EXPECT_EQ(uwrite(fds[1], pattern, 3000), 3000);
	KT_EXPECT_EQ(uread(fds[0], got, 1000), 1000);
	KT_EXPECT_EQ(uwrite(fds[1], pattern + 3000, 2000), 2000);	/* wraps */
	KT_EXPECT_EQ(sys_fcntl64(fds[0], F_SETPIPE_SZ, 3 * PAGE_SIZE),
		     4 * PAGE_SIZE);
	KT_EXPECT_EQ(sys_fcntl64(fds[1], F_GETPIPE_SZ, 0), 4 * PAGE_SIZE);
	KT_EXPECT_EQ(uwrite(fds[1], pattern + 5000, 10000), 10000);
	KT_EXPECT_EQ(sys_fcntl64(fds[1], F_SETPIPE_SZ, PAGE_SIZE), -EBUSY);
	KT_EXPECT_EQ(uread(fds[0], got, UBUF_SIZE), 14000);
	KT_EXPECT(!memcmp(got, pattern + 1000, 14000));
	KT_EXPECT_EQ(sys_fcntl64(fds[1], F_SETPIPE_SZ, 1), PAGE_SIZE);
	sys_close(fds[0]);
	sys_close(fds[1]);
	fx_teardown(&fx);
}

/* fstat64: a FIFO, 0600, both ends one inode, another pipe another. */
KTEST(pipe, fstat)
{
	FIXTURE(fx);
	struct stat64 st0, st1, st2;
	int a[2], b[2];

	KT_ASSERT(do_pipe(a, 0) == 0 && do_pipe(b, 0) == 0);
	KT_EXPECT_EQ(sys_fstat64(a[0], (struct stat64 __user *)UBUF), 0);
	KT_EXPECT(!copy_from_user(&st0, UBUF, sizeof(st0)));
	KT_EXPECT_EQ(sys_fstat64(a[1], (struct stat64 __user *)UBUF), 0);
	KT_EXPECT(!copy_from_user(&st1, UBUF, sizeof(st1)));
	KT_EXPECT_EQ(sys_fstat64(b[1], (struct stat64 __user *)UBUF), 0);
	KT_EXPECT(!copy_from_user(&st2, UBUF, sizeof(st2)));
	KT_EXPECT_EQ(st0.st_mode, S_IFIFO | 0600);
	KT_EXPECT_EQ(st0.st_blksize, 4096);
	KT_EXPECT_EQ(st0.st_nlink, 1);
	KT_EXPECT_EQ(st0.st_ino, st1.st_ino);
	KT_EXPECT(st0.st_ino != st2.st_ino);
	for (int i = 0; i < 2; i++) {
		sys_close(a[i]);
		sys_close(b[i]);
	}
	fx_teardown(&fx);
}

/* dup, dup2, dup3, F_DUPFD: lowest free slot, flags, limits. */
KTEST(fd, dup_family)
{
	FIXTURE(fx);
	int fds[2];

	KT_ASSERT(do_pipe(fds, 0) == 0);	/* 3, 4 */
	KT_EXPECT_EQ(sys_dup(fds[1]), 5);
	KT_EXPECT_EQ(sys_dup(99), -EBADF);
	KT_EXPECT_EQ(sys_close(3), 0);
	KT_EXPECT_EQ(sys_dup(0), 3);	/* the lowest free one */
	KT_EXPECT_EQ(sys_dup2(3, 3), 3);
	KT_EXPECT_EQ(sys_dup2(40, 40), -EBADF);
	KT_EXPECT_EQ(sys_dup2(40, 41), -EBADF);
	KT_EXPECT_EQ(sys_dup2(3, 64), -EBADF);
	KT_EXPECT_EQ(sys_dup3(3, 3, 0), -EINVAL);
	KT_EXPECT_EQ(sys_dup3(3, 7, O_NONBLOCK), -EINVAL);
	KT_EXPECT_EQ(sys_dup3(3, 64, 0), -EBADF);
	KT_EXPECT_EQ(sys_dup3(3, 10, O_CLOEXEC), 10);
	KT_EXPECT_EQ(sys_fcntl64(10, F_GETFD, 0), FD_CLOEXEC);
	/* dup2 over a descriptor with close-on-exec clears the bit. */
	KT_EXPECT_EQ(sys_dup2(4, 10), 10);
	KT_EXPECT_EQ(sys_fcntl64(10, F_GETFD, 0), 0);
	KT_EXPECT_EQ(sys_fcntl64(4, F_DUPFD, 8), 8);
	KT_EXPECT_EQ(sys_fcntl64(4, F_DUPFD, 8), 9);
	KT_EXPECT_EQ(sys_fcntl64(4, F_DUPFD_CLOEXEC, 0), 6);
	KT_EXPECT_EQ(sys_fcntl64(6, F_GETFD, 0), FD_CLOEXEC);
	KT_EXPECT_EQ(sys_fcntl64(4, F_DUPFD, 64), -EINVAL);
	KT_EXPECT_EQ(sys_fcntl64(4, F_DUPFD, -1UL), -EINVAL);
	KT_EXPECT_EQ(sys_fcntl64(4, F_DUPFD, 63), 63);
	KT_EXPECT_EQ(sys_fcntl64(4, F_DUPFD, 63), -EMFILE);
	for (int fd = 3; fd < 64; fd++)
		sys_close(fd);
	fx_teardown(&fx);
}

/* F_GETFD/F_SETFD, F_GETFL/F_SETFL, FIOCLEX, FIONBIO, unknown commands. */
KTEST(fd, fcntl_flags)
{
	FIXTURE(fx);
	int fds[2];

	KT_ASSERT(do_pipe(fds, O_CLOEXEC) == 0);
	KT_EXPECT_EQ(sys_fcntl(fds[0], F_GETFD, 0), FD_CLOEXEC);
	KT_EXPECT_EQ(sys_fcntl(fds[0], F_SETFD, 0), 0);
	KT_EXPECT_EQ(sys_fcntl(fds[0], F_GETFD, 0), 0);
	KT_EXPECT_EQ(sys_fcntl(fds[0], F_SETFD, 3), 0);	/* low bit counts */
	KT_EXPECT_EQ(sys_fcntl(fds[0], F_GETFD, 0), FD_CLOEXEC);
	KT_EXPECT_EQ(sys_ioctl(fds[1], FIONCLEX, 0), 0);
	KT_EXPECT_EQ(sys_fcntl(fds[1], F_GETFD, 0), 0);
	KT_EXPECT_EQ(sys_ioctl(fds[1], FIOCLEX, 0), 0);
	KT_EXPECT_EQ(sys_fcntl(fds[1], F_GETFD, 0), FD_CLOEXEC);
	KT_EXPECT_EQ(sys_fcntl(fds[0], F_GETFL, 0), O_RDONLY);
	KT_EXPECT_EQ(sys_fcntl(fds[1], F_GETFL, 0), O_WRONLY);
	/* Access mode and creation flags are ignored. */
	KT_EXPECT_EQ(sys_fcntl(fds[0], F_SETFL, O_NONBLOCK | O_RDWR | O_CREAT),
		     0);
	KT_EXPECT_EQ(sys_fcntl(fds[0], F_GETFL, 0), O_RDONLY | O_NONBLOCK);
	KT_EXPECT_EQ(sys_read(fds[0], UBUF, 1), -EAGAIN);
	KT_EXPECT_EQ(sys_fcntl(fds[0], F_SETFL, 0), 0);
	KT_EXPECT_EQ(sys_fcntl(fds[0], F_GETFL, 0), O_RDONLY);
	/* Status flags belong to the file: a dup sees them. */
	KT_EXPECT_EQ(sys_dup(fds[1]), 5);
	KT_EXPECT_EQ(put_user_u32(1, (u32 __user *)UBUF), 0);
	KT_EXPECT_EQ(sys_ioctl(5, FIONBIO, (unsigned long)UBUF), 0);
	KT_EXPECT_EQ(sys_fcntl(fds[1], F_GETFL, 0), O_WRONLY | O_NONBLOCK);
	KT_EXPECT_EQ(sys_fcntl(5, F_GETFD, 0), 0);	/* but not the fd bit */
	KT_EXPECT_EQ(sys_ioctl(5, FIONBIO, 0), -EFAULT);
	KT_EXPECT_EQ(sys_fcntl(fds[1], F_SETFL, O_DIRECT), 0);
	KT_EXPECT_EQ(sys_fcntl(1, F_SETFL, O_DIRECT), -EINVAL);
	KT_EXPECT_EQ(sys_fcntl(fds[0], 1234, 0), -EINVAL);
	KT_EXPECT_EQ(sys_fcntl64(fds[0], F_GETLK64, 0), -EINVAL);
	KT_EXPECT_EQ(sys_fcntl(50, F_GETFD, 0), -EBADF);
	KT_EXPECT_EQ(sys_fcntl(50, 1234, 0), -EBADF);	/* EBADF first */
	KT_EXPECT_EQ(sys_fcntl64(-1, F_GETFD, 0), -EBADF);
	sys_close(fds[0]);
	sys_close(fds[1]);
	sys_close(5);
	fx_teardown(&fx);
}

/* 64 descriptors at most; pipe needs two and takes none if one is left. */
KTEST(fd, emfile)
{
	FIXTURE(fx);
	int fds[2], fd;

	while ((fd = sys_dup(0)) >= 0)
		;
	KT_EXPECT_EQ(fd, -EMFILE);
	KT_EXPECT_EQ(sys_fcntl64(63, F_GETFD, 0), 0);
	KT_EXPECT_EQ(console_file.f_count, fx.console_before + 64);
	KT_EXPECT_EQ(do_pipe(fds, 0), -EMFILE);
	sys_close(20);
	KT_EXPECT_EQ(do_pipe(fds, 0), -EMFILE);
	KT_EXPECT_EQ(sys_fcntl64(20, F_GETFD, 0), -EBADF);
	sys_close(30);
	KT_EXPECT_EQ(do_pipe(fds, 0), 0);
	KT_EXPECT_EQ(fds[0], 20);
	KT_EXPECT_EQ(fds[1], 30);
	/* dup2 onto an open descriptor still works when the table is full. */
	KT_EXPECT_EQ(sys_dup2(30, 40), 40);
	KT_EXPECT_EQ(console_file.f_count, fx.console_before + 61);
	fx_teardown(&fx);	/* put_files closes them all */
}

/* dup2 over the last write end closes it: the reader sees EOF. */
KTEST(fd, dup2_closes_target)
{
	FIXTURE(fx);
	int fds[2];

	KT_ASSERT(do_pipe(fds, 0) == 0);
	KT_EXPECT_EQ(uwrite(fds[1], "ab", 2), 2);
	KT_EXPECT_EQ(sys_dup2(0, fds[1]), fds[1]);
	KT_EXPECT_EQ(uread(fds[0], got, 10), 2);
	KT_EXPECT_EQ(uread(fds[0], got, 10), 0);
	sys_close(fds[0]);
	sys_close(fds[1]);
	fx_teardown(&fx);
}

/* dup_files shares files, copies close-on-exec; exec closes those only. */
KTEST(fd, dup_files_and_close_on_exec)
{
	FIXTURE(fx);
	struct files_struct *mine = current->files, *copy;
	int fds[2];

	KT_ASSERT(do_pipe(fds, 0) == 0);
	KT_EXPECT_EQ(sys_fcntl(fds[1], F_SETFD, FD_CLOEXEC), 0);
	copy = dup_files(mine);
	KT_ASSERT(copy);
	KT_EXPECT_EQ(copy->count, 1);
	KT_EXPECT(copy->fd[fds[0]] == mine->fd[fds[0]]);
	KT_EXPECT_EQ(mine->fd[fds[1]]->f_count, 2);
	KT_EXPECT_EQ(console_file.f_count, fx.console_before + 6);
	/* Run as the copy: exec there closes the write end in it alone. */
	current->files = copy;
	KT_EXPECT_EQ(sys_fcntl(fds[1], F_GETFD, 0), FD_CLOEXEC);
	KT_EXPECT_EQ(sys_fcntl(fds[0], F_GETFD, 0), 0);
	files_close_on_exec(copy);
	KT_EXPECT_EQ(sys_fcntl(fds[1], F_GETFD, 0), -EBADF);
	KT_EXPECT_EQ(sys_fcntl(fds[0], F_GETFD, 0), 0);
	current->files = mine;
	KT_EXPECT_EQ(mine->fd[fds[1]]->f_count, 1);
	KT_EXPECT_EQ(uwrite(fds[1], "z", 1), 1);
	/* The original's write end closes: the copy's reader sees EOF. */
	sys_close(fds[1]);
	current->files = copy;
	KT_EXPECT_EQ(uread(fds[0], got, 10), 1);
	KT_EXPECT_EQ(uread(fds[0], got, 10), 0);
	current->files = mine;
	put_files(copy);
	KT_EXPECT_EQ(mine->fd[fds[0]]->f_count, 1);
	sys_close(fds[0]);
	fx_teardown(&fx);
}

/* A shared table (CLONE_FILES): unshare_files gives a private copy. */
KTEST(fd, shared_table_unshare)
{
	FIXTURE(fx);
	struct files_struct *mine = current->files;
	int fds[2];

	KT_ASSERT(do_pipe(fds, O_CLOEXEC) == 0);
	get_files(mine);	/* another task uses it too */
	KT_EXPECT_EQ(unshare_files(), 0);
	KT_ASSERT(current->files != mine);
	KT_EXPECT_EQ(mine->count, 1);
	files_close_on_exec(current->files);
	KT_EXPECT_EQ(sys_fcntl(fds[0], F_GETFD, 0), -EBADF);
	KT_EXPECT(mine->fd[fds[0]] && mine->fd[fds[1]]);
	KT_EXPECT_EQ(unshare_files(), 0);	/* not shared: kept */
	put_files(mine);
	fx_teardown(&fx);
}

/* ---- blocking, with a kernel thread as the other side ---- */

static void (*kt_fn)(void);
static struct task_struct *kt_task;
static int kt_fds[2];
static long kt_result;

/* A kernel thread's first code (switch_to "returns" here). */
static void kthread_entry(void)
{
	local_irq_enable();
	kt_fn();
	put_files(current->files);
	current->files = NULL;
	current->mm = NULL;
	local_irq_disable();
	current->state = TASK_ZOMBIE;
	schedule();
	panic("test kernel thread ran after its end");
}

/* Start fn in a thread sharing current's mm and table; it runs once we sleep. */
static bool kthread_start(void (*fn)(void))
{
	struct task_struct *t = alloc_task("ktest-pipe");

	if (!t)
		return false;
	t->mm = current->mm;
	t->files = get_files(current->files);
	t->thread.esp = (unsigned long)t->stack + THREAD_SIZE - 16;
	t->thread.eip = (unsigned long)kthread_entry;
	kt_fn = fn;
	kt_task = t;
	sched_add_task(t);
	return true;
}

/* Wait for the thread to end and free it. */
static void kthread_reap(void)
{
	local_irq_disable();
	while (kt_task->state != TASK_ZOMBIE) {
		current->state = TASK_INTERRUPTIBLE;
		current->wakeup_jiffies = jiffies + 1;
		schedule();
	}
	current->state = TASK_RUNNING;
	local_irq_enable();
	sched_remove_task(kt_task);
	free_task(kt_task);
	kt_task = NULL;
}

static void kt_write_hello(void)
{
	kt_result = uwrite_at(KTBUF, kt_fds[1], "hello", 5);
}

/* An empty pipe: read sleeps until the writer writes. */
KTEST(pipe, read_blocks_until_data)
{
	FIXTURE(fx);

	KT_ASSERT(do_pipe(kt_fds, 0) == 0);
	KT_ASSERT(kthread_start(kt_write_hello));
	KT_EXPECT_EQ(uread(kt_fds[0], got, 100), 5);
	KT_EXPECT(!memcmp(got, "hello", 5));
	kthread_reap();
	KT_EXPECT_EQ(kt_result, 5);
	sys_close(kt_fds[0]);
	sys_close(kt_fds[1]);
	fx_teardown(&fx);
}

static void kt_close_writer(void)
{
	kt_result = sys_close(kt_fds[1]);
}

/* The last writer closes (in a task sharing the table): EOF. */
KTEST(pipe, read_blocks_until_eof)
{
	FIXTURE(fx);

	KT_ASSERT(do_pipe(kt_fds, 0) == 0);
	KT_ASSERT(kthread_start(kt_close_writer));
	KT_EXPECT_EQ(uread(kt_fds[0], got, 100), 0);
	kthread_reap();
	KT_EXPECT_EQ(kt_result, 0);
	sys_close(kt_fds[0]);
	fx_teardown(&fx);
}

static void kt_close_reader_then_write(void)
{
	/* The sleeping reader holds the file: it must survive this close. */
	kt_result = sys_close(kt_fds[0]);
	uwrite_at(KTBUF, kt_fds[1], "late", 4);
}

/* A descriptor closed under a sleeping read: the read still completes. */
KTEST(pipe, close_under_sleeping_reader)
{
	FIXTURE(fx);

	KT_ASSERT(do_pipe(kt_fds, 0) == 0);
	KT_ASSERT(kthread_start(kt_close_reader_then_write));
	KT_EXPECT_EQ(uread(kt_fds[0], got, 100), 4);
	KT_EXPECT(!memcmp(got, "late", 4));
	kthread_reap();
	KT_EXPECT_EQ(kt_result, 0);
	/* The read end is gone now that the read dropped its reference. */
	KT_EXPECT_EQ(uwrite(kt_fds[1], "x", 1), -EPIPE);
	sys_close(kt_fds[1]);
	fx_teardown(&fx);
}

static void kt_drain(void)
{
	long n, total = 0;

	while ((n = uread_at(KTBUF, kt_fds[0], got + total, KTBUF_SIZE)) > 0)
		total += n;
	kt_result = total;
}

/* A write larger than the ring: it sleeps and resumes as the reader drains. */
KTEST(pipe, write_blocks_until_drained)
{
	FIXTURE(fx);

	fill_pattern(4);
	KT_ASSERT(do_pipe(kt_fds, 0) == 0);
	KT_ASSERT(kthread_start(kt_drain));
	KT_EXPECT_EQ(uwrite(kt_fds[1], pattern, UBUF_SIZE), UBUF_SIZE);
	sys_close(kt_fds[1]);	/* the drainer sees EOF and ends */
	kthread_reap();
	KT_EXPECT_EQ(kt_result, UBUF_SIZE);
	KT_EXPECT(!memcmp(got, pattern, UBUF_SIZE));
	sys_close(kt_fds[0]);
	fx_teardown(&fx);
}

static void kt_close_reader(void)
{
	kt_result = sys_close(kt_fds[0]);
}

/* A writer sleeping on a full pipe gets the count so far once readers go. */
KTEST(pipe, write_blocks_until_epipe)
{
	FIXTURE(fx);

	fill_pattern(5);
	KT_ASSERT(do_pipe(kt_fds, 0) == 0);
	KT_EXPECT_EQ(uwrite(kt_fds[1], pattern, 4000), 4000);
	KT_ASSERT(kthread_start(kt_close_reader));
	/* Atomic, does not fit: sleeps, then -EPIPE with nothing written. */
	KT_EXPECT_EQ(uwrite(kt_fds[1], pattern, 200), -EPIPE);
	kthread_reap();
	sys_close(kt_fds[1]);
	KT_ASSERT(do_pipe(kt_fds, 0) == 0);
	KT_ASSERT(kthread_start(kt_close_reader));
	/* Not atomic: fills the ring, sleeps, returns what went in. */
	KT_EXPECT_EQ(uwrite(kt_fds[1], pattern, 5000), 4096);
	kthread_reap();
	sys_close(kt_fds[1]);
	fx_teardown(&fx);
}
