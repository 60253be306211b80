/*
 * Pipes: pipe(2), pipe2(2) and the two files they open, with Linux 6.1's
 * semantics (fs/pipe.c) over a simpler buffer: one ring of bytes, a page
 * (PIPE_DEF_SIZE) unless F_SETPIPE_SZ changes it.
 *
 *	read	returns what is there (at most count), without waiting for
 *		more; while the pipe is empty it sleeps as long as a writer
 *		exists, and returns 0 (end of file) once none does;
 *		O_NONBLOCK gives -EAGAIN instead of sleeping.
 *	write	of at most PIPE_BUF bytes is atomic: it waits until all of it
 *		fits, so it is never interleaved with other writes; a longer
 *		one goes in as space frees up. With no reader left it fails
 *		with -EPIPE (having written nothing) or returns the count so
 *		far. O_NONBLOCK: -EAGAIN if nothing could be written, else
 *		the partial count.
 *
 * Each end is its own file: the read end is O_RDONLY, the write end
 * O_WRONLY, so read(2) of a write end (and the reverse) is -EBADF. When
 * the last reference to an end goes, the other side is woken; when both
 * are gone, the pipe is freed. The kernel is not preemptive and no
 * interrupt handler touches a pipe, so the only place the state can
 * change under a reader or writer is across its sleep.
 */
#include <asm/ioctls.h>
#include <asm/irq.h>
#include <asm/stat.h>
#include <asm/timer.h>
#include <linux/fcntl.h>
#include <linux/limits.h>
#include <linux/stat.h>
#include <linux/time.h>
#include <kernel/errno.h>
#include <kernel/file.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/wait.h>

#define PIPE_DEF_SIZE	PAGE_SIZE
/* The largest ring F_SETPIPE_SZ can get: one block from the page allocator. */
#define PIPE_MAX_ORDER	MAX_ORDER
/* An anonymous device, as Linux's pipefs has (its number varies there). */
#define PIPEFS_DEV	((0 << 8) | 12)

struct pipe_inode_info {
	char *buf;		/* the ring: size bytes, a power of two */
	unsigned int order;	/* size = PAGE_SIZE << order */
	unsigned int size;
	unsigned int head;	/* bytes ever written (wraps) */
	unsigned int tail;	/* bytes ever read: head - tail are waiting */
	int readers;		/* read ends still open */
	int writers;		/* write ends still open */
	struct wait_queue_head rd_wait;	/* readers wait for data or EOF */
	struct wait_queue_head wr_wait;	/* writers wait for space or EPIPE */
	unsigned long ino;
	struct kernel_clock atime, mtime, ctime;
};

static const struct file_operations pipe_read_fops, pipe_write_fops;

/* Bytes waiting to be read. */
static inline unsigned int pipe_len(const struct pipe_inode_info *p)
{
	return p->head - p->tail;
}

/* Bytes that can be written without waiting. */
static inline unsigned int pipe_space(const struct pipe_inode_info *p)
{
	return p->size - pipe_len(p);
}

bool file_is_pipe(const struct file *f)
{
	return f->f_op == &pipe_read_fops || f->f_op == &pipe_write_fops;
}

/* The wall-clock time for the pipe's timestamps. */
static void pipe_now(struct kernel_clock *t)
{
	if (kernel_clock_get(CLOCK_REALTIME, t))
		t->sec = t->nsec = 0;
}

/*
 * Copy n bytes (n <= pipe_space) from user buf into the ring at head.
 * All or nothing: on a fault nothing is added and false is returned.
 */
static bool ring_fill(struct pipe_inode_info *p, const char __user *buf,
		      unsigned int n)
{
	unsigned int off = p->head & (p->size - 1);
	unsigned int first = n < p->size - off ? n : p->size - off;

	if (copy_from_user(p->buf + off, buf, first) ||
	    copy_from_user(p->buf, buf + first, n - first))
		return false;
	p->head += n;
	return true;
}

/* Copy n bytes (n <= pipe_len) from the ring to user buf; all or nothing. */
static bool ring_drain(struct pipe_inode_info *p, char __user *buf,
		       unsigned int n)
{
	unsigned int off = p->tail & (p->size - 1);
	unsigned int first = n < p->size - off ? n : p->size - off;

	if (copy_to_user(buf, p->buf + off, first) ||
	    copy_to_user(buf + first, p->buf, n - first))
		return false;
	p->tail += n;
	return true;
}

/* read(2) of the read end: see the top of this file. */
static ssize_t pipe_read(struct file *f, char __user *buf, size_t count)
{
	struct pipe_inode_info *p = f->private_data;

	for (;;) {
		unsigned int n = pipe_len(p);

		if (n) {
			if (n > count)
				n = count;
			/* Like Linux: a fault consumes nothing. */
			if (!ring_drain(p, buf, n))
				return -EFAULT;
			pipe_now(&p->atime);
			wake_up(&p->wr_wait);
			return n;
		}
		if (!p->writers)
			return 0;
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (!wait_event_timeout(&p->rd_wait,
					pipe_len(p) || !p->writers, 0))
			return -ERESTARTSYS;	/* a signal came first */
	}
}

/* Linux's send_sig(SIGPIPE, current, 0): to this thread, SI_USER. */
static void send_sigpipe(void)
{
	struct ksiginfo info = { .signo = SIGPIPE, .code = SI_USER };

	info.fields[0] = current->tgid;
	send_sig_info_thread(SIGPIPE, &info, current);
}

/* write(2) of the write end: see the top of this file. */
static ssize_t pipe_write(struct file *f, const char __user *buf, size_t count)
{
	struct pipe_inode_info *p = f->private_data;
	bool atomic = count <= PIPE_BUF;
	size_t done = 0;

	for (;;) {
		size_t left = count - done;
		unsigned int space = pipe_space(p);

		if (!p->readers) {
			/* As Linux: SIGPIPE even when part was written. */
			send_sigpipe();
			return done ? (ssize_t)done : -EPIPE;
		}
		if (space && (!atomic || space >= left)) {
			unsigned int n = left < space ? left : space;

			/* A fault adds nothing of this chunk (Linux drops the page). */
			if (!ring_fill(p, buf + done, n))
				return done ? (ssize_t)done : -EFAULT;
			done += n;
			pipe_now(&p->mtime);
			p->ctime = p->mtime;
			wake_up(&p->rd_wait);
			if (done == count)
				return done;
			continue;
		}
		if (f->f_flags & O_NONBLOCK)
			return done ? (ssize_t)done : -EAGAIN;
		if (!wait_event_timeout(&p->wr_wait, !p->readers ||
					pipe_space(p) >= (atomic ? left : 1), 0) &&
		    signal_pending(current))
			return done ? (ssize_t)done : -ERESTARTSYS;
	}
}

/* FIONREAD: the bytes waiting. Anything else is not for a pipe. */
static long pipe_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *p = f->private_data;

	switch (cmd) {
	case FIONREAD:
		return put_user_u32(pipe_len(p), (u32 __user *)arg);
	default:
		return -ENOTTY;
	}
}

/* Both ends stat alike: a FIFO, 0600, one inode number per pipe. */
static void pipe_stat(struct file *f, struct stat64 *st)
{
	struct pipe_inode_info *p = f->private_data;

	st->st_dev = PIPEFS_DEV;
	st->st_ino = st->__st_ino = p->ino;
	st->st_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	st->st_nlink = 1;
	st->st_blksize = PAGE_SIZE;
	st->st_atime = p->atime.sec;
	st->st_atime_nsec = p->atime.nsec;
	st->st_mtime = p->mtime.sec;
	st->st_mtime_nsec = p->mtime.nsec;
	st->st_ctime = p->ctime.sec;
	st->st_ctime_nsec = p->ctime.nsec;
}

/* Free the ring and the pipe: both ends are gone (or never were). */
static void free_pipe_info(struct pipe_inode_info *p)
{
	free_pages(__pa(p->buf), p->order);
	kfree(p);
}

/* The last reference to one end went: wake the other side; free at the end. */
static void pipe_release(struct file *f)
{
	struct pipe_inode_info *p = f->private_data;

	if (f->f_op == &pipe_read_fops) {
		p->readers--;
		/* Writers waiting for space now fail with EPIPE. */
		wake_up(&p->wr_wait);
	} else {
		p->writers--;
		/* Readers waiting on an empty pipe now see EOF. */
		wake_up(&p->rd_wait);
	}
	if (!p->readers && !p->writers)
		free_pipe_info(p);
}

static const struct file_operations pipe_read_fops = {
	.read = pipe_read,
	.ioctl = pipe_ioctl,
	.stat = pipe_stat,
	.release = pipe_release,
};

static const struct file_operations pipe_write_fops = {
	.write = pipe_write,
	.ioctl = pipe_ioctl,
	.stat = pipe_stat,
	.release = pipe_release,
};

/* A new pipe with an empty one-page ring and no ends yet, or NULL. */
static struct pipe_inode_info *alloc_pipe_info(void)
{
	static unsigned long last_ino;
	struct pipe_inode_info *p = kzalloc(sizeof(*p));
	phys_addr_t buf;

	if (!p)
		return NULL;
	buf = alloc_page();
	if (!buf) {
		kfree(p);
		return NULL;
	}
	p->buf = __va(buf);
	p->order = 0;
	p->size = PIPE_DEF_SIZE;
	p->ino = ++last_ino;
	pipe_now(&p->ctime);
	p->atime = p->mtime = p->ctime;
	return p;
}

int create_pipe_files(struct file *files[2], unsigned int flags)
{
	struct pipe_inode_info *p = alloc_pipe_info();

	if (!p)
		return -ENFILE;
	files[0] = alloc_file(&pipe_read_fops, O_RDONLY | (flags & O_NONBLOCK), p);
	files[1] = alloc_file(&pipe_write_fops, O_WRONLY | (flags & O_NONBLOCK), p);
	if (!files[0] || !files[1]) {
		kfree(files[0]);
		kfree(files[1]);
		free_pipe_info(p);
		return -ENFILE;
	}
	p->readers = p->writers = 1;
	return 0;
}

/*
 * F_SETPIPE_SZ (Linux's pipe_set_size and round_pipe_size): the size
 * becomes the smallest power-of-two number of pages holding arg bytes
 * (one page for 0); more than 2 GiB is -EINVAL, less than what the pipe
 * holds -EBUSY. Every
 * task is privileged here, so there is no -EPERM; a ring larger than
 * one allocator block is -ENOMEM. Returns the new size.
 */
static long pipe_set_size(struct pipe_inode_info *p, unsigned long arg)
{
	unsigned int order = 0, n = pipe_len(p);
	phys_addr_t frames;
	char *buf;

	if (arg > (1UL << 31))
		return -EINVAL;
	while ((PAGE_SIZE << order) < arg)
		order++;
	if (order == p->order)
		return p->size;
	if (order > PIPE_MAX_ORDER)
		return -ENOMEM;
	if (n > (PAGE_SIZE << order))
		return -EBUSY;
	frames = alloc_pages(order);
	if (!frames)
		return -ENOMEM;
	buf = __va(frames);
	/* Move the waiting bytes to the start of the new ring. */
	for (unsigned int i = 0; i < n; i++)
		buf[i] = p->buf[(p->tail + i) & (p->size - 1)];
	free_pages(__pa(p->buf), p->order);
	p->buf = buf;
	p->order = order;
	p->size = PAGE_SIZE << order;
	p->tail = 0;
	p->head = n;
	/* More room, or less: let both sides look again. */
	wake_up(&p->wr_wait);
	wake_up(&p->rd_wait);
	return p->size;
}

long pipe_fcntl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *p = f->private_data;

	if (!file_is_pipe(f))
		return -EBADF;
	switch (cmd) {
	case F_SETPIPE_SZ:
		return pipe_set_size(p, arg);
	case F_GETPIPE_SZ:
		return p->size;
	default:
		return -EINVAL;
	}
}

/*
 * pipe2 (Linux's do_pipe2): the files first, then two descriptors, then
 * the copy-out; a failure at any step undoes the earlier ones, so the
 * caller's table is unchanged. Linux also takes O_DIRECT (packet mode)
 * and O_NOTIFICATION_PIPE; neither exists here: -EINVAL.
 */
static long do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags);
	if (fd[0] < 0) {
		err = fd[0];
		goto out_files;
	}
	fd[1] = get_unused_fd_flags(flags);
	if (fd[1] < 0) {
		err = fd[1];
		goto out_fd0;
	}
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		err = -EFAULT;
		put_unused_fd(fd[1]);
		goto out_fd0;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
out_fd0:
	put_unused_fd(fd[0]);
out_files:
	fput(files[0]);
	fput(files[1]);
	return err;
}

long sys_pipe2(int __user *fildes, int flags)
{
	return do_pipe2(fildes, flags);
}

long sys_pipe(int __user *fildes)
{
	return do_pipe2(fildes, 0);
}
