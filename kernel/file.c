/*
 * Descriptor tables and the file system calls that work on any open
 * file: read, write, writev, ioctl, fstat64. Argument checks follow
 * Linux: a bad descriptor is -EBADF, a bad buffer -EFAULT (unless some
 * bytes were already transferred, then the count), a bad iovec count
 * -EINVAL.
 */
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

struct files_struct *files_alloc_console(void)
{
	struct files_struct *files = kzalloc(sizeof(*files));

	if (!files)
		return NULL;
	files->count = 1;
	for (int fd = 0; fd < 3; fd++) {
		files->fd[fd] = &console_file;
		console_file.f_count++;
	}
	return files;
}

void put_files(struct files_struct *files)
{
	if (--files->count > 0)
		return;
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files->fd[fd])
			files->fd[fd]->f_count--;
	kfree(files);
}

struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return NULL;
	return files->fd[fd];
}

long sys_read(unsigned int fd, char __user *buf, size_t count)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	if (!f->f_op->read)
		return -EINVAL;
	if (!count)
		return 0;
	if (!access_ok(buf, count))
		return -EFAULT;
	return f->f_op->read(f, buf, count > MAX_RW_COUNT ? MAX_RW_COUNT : count);
}

long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	if (!f->f_op->write)
		return -EINVAL;
	if (!count)
		return 0;
	if (!access_ok(buf, count))
		return -EFAULT;
	return f->f_op->write(f, buf, count > MAX_RW_COUNT ? MAX_RW_COUNT : count);
}

/*
 * writev: like Linux's import_iovec, every segment is checked (length
 * not negative, buffer a user address) before anything is written, and
 * the total is clipped to MAX_RW_COUNT.
 */
long sys_writev(unsigned int fd, const struct iovec __user *uiov, int iovcnt)
{
	struct file *f = fget(fd);
	struct iovec iov;
	size_t total = 0;

	if (!f)
		return -EBADF;
	if (iovcnt < 0 || iovcnt > UIO_MAXIOV)
		return -EINVAL;
	if (!f->f_op->write)
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

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	if (!f->f_op->ioctl)
		return -ENOTTY;
	return f->f_op->ioctl(f, cmd, arg);
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
