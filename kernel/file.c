/*
 * Open files (struct file: allocation, references) and the system calls
 * that work on any open file: read, write, writev, ioctl, fstat64.
 * Argument checks follow Linux: a bad descriptor is -EBADF, and so is
 * one whose access mode does not allow the transfer (reading a pipe's
 * write end); a bad buffer -EFAULT (unless some bytes were already
 * transferred, then the count); a bad iovec count -EINVAL. A call that
 * may sleep holds a reference to its file (fdget), so a task sharing
 * the table cannot free it meanwhile by closing the descriptor.
 */
#include <asm/ioctls.h>
#include <asm/stat.h>
#include <linux/uio.h>
#include <kernel/errno.h>
#include <kernel/file.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

/* Linux's MAX_RW_COUNT: one transfer never exceeds this. */
#define MAX_RW_COUNT	(0x7ffff000)

struct file *alloc_file(const struct file_operations *fop, unsigned int flags,
			void *private_data)
{
	struct file *f = kzalloc(sizeof(*f));

	if (!f)
		return NULL;
	f->f_op = fop;
	f->f_count = 1;
	f->f_flags = flags;
	f->private_data = private_data;
	return f;
}

void fput(struct file *f)
{
	if (--f->f_count > 0)
		return;
	if (f->f_op->release)
		f->f_op->release(f);
	kfree(f);
}

/* Linux's vfs_read checks, in its order, then the file's read. */
static long do_read(struct file *f, char __user *buf, size_t count)
{
	if (!(file_fmode(f) & FMODE_READ))
		return -EBADF;
	if (!f->f_op->read)
		return -EINVAL;
	if (!count)
		return 0;
	if (!access_ok(buf, count))
		return -EFAULT;
	return f->f_op->read(f, buf, count > MAX_RW_COUNT ? MAX_RW_COUNT : count);
}

long sys_read(unsigned int fd, char __user *buf, size_t count)
{
	struct fd f = fdget(fd);
	long ret;

	if (!f.file)
		return -EBADF;
	ret = do_read(f.file, buf, count);
	fdput(f);
	return ret;
}

/* Linux's vfs_write checks, in its order, then the file's write. */
static long do_write(struct file *f, const char __user *buf, size_t count)
{
	if (!(file_fmode(f) & FMODE_WRITE))
		return -EBADF;
	if (!f->f_op->write)
		return -EINVAL;
	if (!count)
		return 0;
	if (!access_ok(buf, count))
		return -EFAULT;
	return f->f_op->write(f, buf, count > MAX_RW_COUNT ? MAX_RW_COUNT : count);
}

long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	struct fd f = fdget(fd);
	long ret;

	if (!f.file)
		return -EBADF;
	ret = do_write(f.file, buf, count);
	fdput(f);
	return ret;
}

/*
 * writev: like Linux's import_iovec, every segment is checked (length
 * not negative, buffer a user address) before anything is written, and
 * the total is clipped to MAX_RW_COUNT; then, as do_iter_write, the
 * access mode (-EBADF) and the file's write (-EINVAL). Each segment is
 * one call of f_op->write, so a pipe keeps PIPE_BUF atomicity per
 * segment, not for the whole vector as Linux does.
 */
static long do_writev(struct file *f, const struct iovec __user *uiov,
		      int iovcnt)
{
	struct iovec iov;
	size_t total = 0;

	if (iovcnt < 0 || iovcnt > UIO_MAXIOV)
		return -EINVAL;
	for (int i = 0; i < iovcnt; i++) {
		if (copy_from_user(&iov, &uiov[i], sizeof(iov)))
			return -EFAULT;
		if ((ssize_t)iov.iov_len < 0)
			return -EINVAL;
		if (iov.iov_len > MAX_RW_COUNT - total)
			iov.iov_len = MAX_RW_COUNT - total;
		if (!access_ok(iov.iov_base, iov.iov_len))
			return -EFAULT;
		total += iov.iov_len;
	}
	if (!(file_fmode(f) & FMODE_WRITE))
		return -EBADF;
	if (!f->f_op->write)
		return -EINVAL;
	total = 0;
	for (int i = 0; i < iovcnt && total < MAX_RW_COUNT; i++) {
		ssize_t n;

		if (copy_from_user(&iov, &uiov[i], sizeof(iov)))
			return total ? (long)total : -EFAULT;
		if (iov.iov_len > MAX_RW_COUNT - total)
			iov.iov_len = MAX_RW_COUNT - total;
		if (!iov.iov_len)
			continue;
		n = f->f_op->write(f, iov.iov_base, iov.iov_len);
		if (n < 0)
			return total ? (long)total : n;
		total += n;
		if ((size_t)n < iov.iov_len)
			break;
	}
	return total;
}

long sys_writev(unsigned int fd, const struct iovec __user *uiov, int iovcnt)
{
	struct fd f = fdget(fd);
	long ret;

	if (!f.file)
		return -EBADF;
	ret = do_writev(f.file, uiov, iovcnt);
	fdput(f);
	return ret;
}

/*
 * The ioctls Linux's do_vfs_ioctl answers for every file, before the
 * file's own: FIOCLEX and FIONCLEX (the close-on-exec bit), FIONBIO
 * (O_NONBLOCK from an int). -ENOIOCTLCMD: not one of them.
 */
#define ENOIOCTLCMD	515

static long do_vfs_ioctl(struct file *f, unsigned int fd, unsigned int cmd,
			 unsigned long arg)
{
	u32 on;

	switch (cmd) {
	case FIOCLEX:
		set_close_on_exec(fd, true);
		return 0;
	case FIONCLEX:
		set_close_on_exec(fd, false);
		return 0;
	case FIONBIO:
		if (get_user_u32(&on, (const u32 __user *)arg))
			return -EFAULT;
		if (on)
			f->f_flags |= O_NONBLOCK;
		else
			f->f_flags &= ~O_NONBLOCK;
		return 0;
	default:
		return -ENOIOCTLCMD;
	}
}

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct fd f = fdget(fd);
	long ret;

	if (!f.file)
		return -EBADF;
	ret = do_vfs_ioctl(f.file, fd, cmd, arg);
	if (ret == -ENOIOCTLCMD)
		ret = f.file->f_op->ioctl ? f.file->f_op->ioctl(f.file, cmd, arg) :
		      -ENOTTY;
	fdput(f);
	return ret;
}

long sys_fstat64(unsigned int fd, struct stat64 __user *ust)
{
	struct file *f = fget(fd);
	struct stat64 st;

	if (!f)
		return -EBADF;
	memset(&st, 0, sizeof(st));
	f->f_op->stat(f, &st);
	if (copy_to_user(ust, &st, sizeof(st)))
		return -EFAULT;
	return 0;
}

/*
 * sync_file_range(2), i386 register order: fd, offset (lo, hi), nbytes
 * (lo, hi), flags -- six arguments. The checks and their order are
 * Linux 6.1's (fs/sync.c): the descriptor, the flags, the range; then a
 * range starting beyond what a 32-bit page cache can address succeeds
 * at once. No file here has pages to write back, and the console
 * answers -ESPIPE, as a character device does on Linux.
 */
#define SYNC_FILE_RANGE_VALID	0x7	/* WAIT_BEFORE | WRITE | WAIT_AFTER */
#define PAGECACHE_LIMIT_32	(0x100000000ULL << PAGE_SHIFT)

long sys_sync_file_range(int fd, u32 off_lo, u32 off_hi, u32 n_lo, u32 n_hi,
			 unsigned int flags)
{
	s64 offset = (s64)(((u64)off_hi << 32) | off_lo);
	s64 nbytes = (s64)(((u64)n_hi << 32) | n_lo);
	s64 endbyte = (s64)((u64)offset + (u64)nbytes);

	if (fd < 0 || !fget(fd))
		return -EBADF;
	if (flags & ~SYNC_FILE_RANGE_VALID)
		return -EINVAL;
	if (offset < 0 || endbyte < 0 || endbyte < offset)
		return -EINVAL;
	if ((u64)offset >= PAGECACHE_LIMIT_32)
		return 0;
	return -ESPIPE;
}
