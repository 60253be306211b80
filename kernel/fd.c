/*
 * Descriptor tables (struct files_struct) and the system calls that work
 * on descriptors rather than on what they refer to: close, dup, dup2,
 * dup3, fcntl and fcntl64. Numbers, errno and the order of the checks
 * are Linux 6.1's (fs/file.c, fs/fcntl.c), with RLIMIT_NOFILE fixed at
 * NR_OPEN_DEFAULT: the lowest free descriptor is always the one given,
 * -EMFILE when none is left below the limit.
 */
#include <linux/fcntl.h>
#include <kernel/errno.h>
#include <kernel/file.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

/* Status flags F_SETFL changes (Linux's SETFL_MASK, less what is not kept). */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK)

/* Bit fd of a per-descriptor bitmap (open_fds, close_on_exec). */
static inline bool test_fd_bit(const u32 *map, unsigned int fd)
{
	return map[fd / FD_BITS_PER_WORD] & (1u << (fd % FD_BITS_PER_WORD));
}

static inline void set_fd_bit(u32 *map, unsigned int fd, bool on)
{
	u32 bit = 1u << (fd % FD_BITS_PER_WORD);

	if (on)
		map[fd / FD_BITS_PER_WORD] |= bit;
	else
		map[fd / FD_BITS_PER_WORD] &= ~bit;
}

struct files_struct *files_alloc_console(void)
{
	struct files_struct *files = kzalloc(sizeof(*files));

	if (!files)
		return NULL;
	files->count = 1;
	for (int fd = 0; fd < 3; fd++) {
		files->fd[fd] = get_file(&console_file);
		set_fd_bit(files->open_fds, fd, true);
	}
	return files;
}

/* Take fd's file out of the table (and its bits); NULL if it was not open. */
static struct file *pick_file(struct files_struct *files, unsigned int fd)
{
	struct file *f;

	if (fd >= NR_OPEN_DEFAULT || !(f = files->fd[fd]))
		return NULL;
	files->fd[fd] = NULL;
	set_fd_bit(files->open_fds, fd, false);
	set_fd_bit(files->close_on_exec, fd, false);
	return f;
}

void put_files(struct files_struct *files)
{
	if (--files->count > 0)
		return;
	/*
	 * Closing may wake other tasks but never sleeps; the table is
	 * already nobody's, so each file leaves it before its fput.
	 */
	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		struct file *f = pick_file(files, fd);

		if (f)
			fput(f);
	}
	kfree(files);
}

struct files_struct *dup_files(struct files_struct *files)
{
	struct files_struct *copy = kzalloc(sizeof(*copy));

	if (!copy)
		return NULL;
	copy->count = 1;
	/* A descriptor reserved but not installed is not copied (as Linux). */
	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		if (!files->fd[fd])
			continue;
		copy->fd[fd] = get_file(files->fd[fd]);
		set_fd_bit(copy->open_fds, fd, true);
		set_fd_bit(copy->close_on_exec, fd,
			   test_fd_bit(files->close_on_exec, fd));
	}
	return copy;
}

int unshare_files(void)
{
	struct files_struct *old = current->files, *copy;

	if (!old || old->count == 1)
		return 0;
	copy = dup_files(old);
	if (!copy)
		return -ENOMEM;
	current->files = copy;
	put_files(old);
	return 0;
}

void files_close_on_exec(struct files_struct *files)
{
	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		struct file *f;

		if (!test_fd_bit(files->close_on_exec, fd))
			continue;
		f = pick_file(files, fd);
		if (f)
			fput(f);
	}
}

void set_close_on_exec(unsigned int fd, bool on)
{
	set_fd_bit(current->files->close_on_exec, fd, on);
}

struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return NULL;
	return files->fd[fd];
}

struct fd fdget(unsigned int fd)
{
	struct file *f = fget(fd);

	return (struct fd){ f ? get_file(f) : NULL };
}

/* The lowest descriptor >= start not in use, reserved; or -EMFILE. */
static int alloc_fd(unsigned int start, unsigned int flags)
{
	struct files_struct *files = current->files;

	if (!files)
		return -EMFILE;
	for (unsigned int fd = start; fd < NR_OPEN_DEFAULT; fd++) {
		if (test_fd_bit(files->open_fds, fd))
			continue;
		set_fd_bit(files->open_fds, fd, true);
		set_fd_bit(files->close_on_exec, fd, flags & O_CLOEXEC);
		return fd;
	}
	return -EMFILE;
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, flags);
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	set_fd_bit(files->open_fds, fd, false);
	set_fd_bit(files->close_on_exec, fd, false);
}

void fd_install(unsigned int fd, struct file *f)
{
	current->files->fd[fd] = f;
}

long sys_close(unsigned int fd)
{
	struct file *f = current->files ? pick_file(current->files, fd) : NULL;

	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

long sys_dup(unsigned int fildes)
{
	struct file *f = fget(fildes);
	int fd;

	if (!f)
		return -EBADF;
	fd = get_unused_fd_flags(0);
	if (fd >= 0)
		fd_install(fd, get_file(f));
	return fd;
}

/*
 * Put file f on descriptor fd, closing what was there after the switch
 * (Linux's do_dup2): the descriptor is never seen closed in between.
 */
static long do_dup2(struct files_struct *files, struct file *f,
		    unsigned int fd, unsigned int flags)
{
	struct file *old = files->fd[fd];

	/* Reserved by a call still running (Linux: a racing open). */
	if (!old && test_fd_bit(files->open_fds, fd))
		return -EBUSY;
	files->fd[fd] = get_file(f);
	set_fd_bit(files->open_fds, fd, true);
	set_fd_bit(files->close_on_exec, fd, flags & O_CLOEXEC);
	if (old)
		fput(old);
	return fd;
}

/* dup3's checks in Linux's order: flags, same fd, the limit, then oldfd. */
static long ksys_dup3(unsigned int oldfd, unsigned int newfd,
		      unsigned int flags)
{
	struct file *f;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= NR_OPEN_DEFAULT)
		return -EBADF;
	f = fget(oldfd);
	if (!f)
		return -EBADF;
	return do_dup2(current->files, f, newfd, flags);
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	return ksys_dup3(oldfd, newfd, flags);
}

/* dup2(fd, fd) is fd if it is open; unlike dup3, it is no error. */
long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	if (oldfd == newfd)
		return fget(oldfd) ? (long)oldfd : -EBADF;
	return ksys_dup3(oldfd, newfd, 0);
}

/* Linux's f_dupfd: the lowest free descriptor >= from. */
static long f_dupfd(unsigned long from, struct file *f, unsigned int flags)
{
	int fd;

	if (from >= NR_OPEN_DEFAULT)
		return -EINVAL;
	fd = alloc_fd(from, flags);
	if (fd >= 0)
		fd_install(fd, get_file(f));
	return fd;
}

/*
 * F_SETFL (Linux's setfl): only O_APPEND and O_NONBLOCK are kept;
 * access mode and creation flags are ignored, as Linux ignores them.
 * O_DIRECT on anything but a pipe is -EINVAL (no file here does direct
 * I/O); on a pipe Linux turns it into packet mode, which pipes here do
 * not have, so there it is ignored.
 */
static long setfl(struct file *f, unsigned long arg)
{
	if ((arg & O_DIRECT) && !file_is_pipe(f))
		return -EINVAL;
	f->f_flags = (arg & SETFL_MASK) | (f->f_flags & ~SETFL_MASK);
	return 0;
}

/* The commands fcntl and fcntl64 share; fd is open and is file f. */
static long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg,
		     struct file *f)
{
	struct files_struct *files = current->files;

	switch (cmd) {
	case F_DUPFD:
		return f_dupfd(arg, f, 0);
	case F_DUPFD_CLOEXEC:
		return f_dupfd(arg, f, O_CLOEXEC);
	case F_GETFD:
		return test_fd_bit(files->close_on_exec, fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return f->f_flags;
	case F_SETFL:
		return setfl(f, arg);
	case F_SETPIPE_SZ:
	case F_GETPIPE_SZ:
		return pipe_fcntl(f, cmd, arg);
	default:
		/* Locks, owners, leases, seals, ...: not here. */
		return -EINVAL;
	}
}

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	return do_fcntl(fd, cmd, arg, f);
}

/* fcntl64 differs from fcntl only in the struct flock64 commands. */
long sys_fcntl64(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	return sys_fcntl(fd, cmd, arg);
}
