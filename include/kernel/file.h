/*
 * Open files and descriptor tables, as Linux has them.
 *
 * A struct file is one open file description: its operations, its
 * status flags (access mode, O_NONBLOCK, O_APPEND) and a reference count.
 * Descriptors (from dup, fork, ...) share it; f_op->release runs when the
 * last reference goes. The console (kernel/console_file.c) is a static
 * file the kernel itself holds a reference to, so it is never released.
 *
 * A files_struct maps descriptor numbers to files, with a close-on-exec
 * bit per descriptor. Tasks share one table with CLONE_FILES (count is
 * the number of tasks using it); fork without it copies the table
 * (dup_files), the copy referring to the same files.
 *
 * The kernel is not preemptive, so nothing here needs a lock; but a
 * system call that may sleep while using a file must hold a reference
 * (fdget/fdput), because a task sharing the table can close the
 * descriptor meanwhile.
 */
#ifndef _KERNEL_FILE_H
#define _KERNEL_FILE_H

#include <asm/fcntl.h>
#include <asm/uaccess.h>
#include <kernel/types.h>

/* Descriptors 0 .. NR_OPEN_DEFAULT-1: also RLIMIT_NOFILE, fixed here. */
#define NR_OPEN_DEFAULT	64

struct file;
struct stat64;

struct file_operations {
	ssize_t (*read)(struct file *f, char __user *buf, size_t count);
	ssize_t (*write)(struct file *f, const char __user *buf, size_t count);
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	void (*stat)(struct file *f, struct stat64 *st);
	/* The last reference is gone; the file is freed after this. */
	void (*release)(struct file *f);
};

struct file {
	const struct file_operations *f_op;
	int f_count;
	unsigned int f_flags;	/* O_ACCMODE bits, O_NONBLOCK, O_APPEND */
	void *private_data;	/* the object behind it (a pipe, ...) */
};

/*
 * Linux's OPEN_FMODE: access mode + 1 gives FMODE_READ (1) and
 * FMODE_WRITE (2) bits: O_RDONLY reads, O_WRONLY writes, O_RDWR both.
 */
#define FMODE_READ	1
#define FMODE_WRITE	2

static inline unsigned int file_fmode(const struct file *f)
{
	return ((f->f_flags & O_ACCMODE) + 1) & O_ACCMODE;
}

#define FD_BITS_PER_WORD	32
#define FD_WORDS		(NR_OPEN_DEFAULT / FD_BITS_PER_WORD)
_Static_assert(NR_OPEN_DEFAULT % FD_BITS_PER_WORD == 0, "whole bitmap words");

/*
 * A descriptor is open when its open_fds bit is set; its file is fd[n],
 * NULL only while it is reserved (get_unused_fd_flags) and not yet
 * installed, when it counts as not open for everything but allocation.
 */
struct files_struct {
	int count;			/* tasks using this table */
	u32 open_fds[FD_WORDS];		/* a bit per descriptor */
	u32 close_on_exec[FD_WORDS];	/* a bit per descriptor */
	struct file *fd[NR_OPEN_DEFAULT];
};

/* ---- files (kernel/file.c) ---- */

/*
 * A new file with one reference, flags as given (access mode and status
 * flags), or NULL when out of memory.
 */
struct file *alloc_file(const struct file_operations *fop, unsigned int flags,
			void *private_data);

static inline struct file *get_file(struct file *f)
{
	f->f_count++;
	return f;
}

/* Drop a reference; the last one calls f_op->release and frees the file. */
void fput(struct file *f);

/* ---- descriptor tables (kernel/fd.c) ---- */

/* A descriptor table with the console open on 0, 1 and 2, or NULL. */
struct files_struct *files_alloc_console(void);

/* Another task uses the table (clone with CLONE_FILES). */
static inline struct files_struct *get_files(struct files_struct *files)
{
	files->count++;
	return files;
}

/* Drop a reference to a table; the last one closes every file in it. */
void put_files(struct files_struct *files);
/*
 * A private copy of a table (fork without CLONE_FILES), or NULL: the
 * same files in the same slots, each with one more reference, and the
 * same close-on-exec bits.
 */
struct files_struct *dup_files(struct files_struct *files);
/*
 * execve, before the point of no return: give current a private table
 * if it shares one (Linux's unshare_files), so that closing descriptors
 * on exec does not touch the other tasks'. 0 or -ENOMEM.
 */
int unshare_files(void);
/* execve: close every descriptor marked close-on-exec. */
void files_close_on_exec(struct files_struct *files);

/* Set or clear fd's close-on-exec bit (fd open in current's table). */
void set_close_on_exec(unsigned int fd, bool on);

/*
 * The current task's file for fd, or NULL (the caller answers -EBADF).
 * No reference is taken: the pointer is good until the caller sleeps or
 * changes the table. A caller that may sleep uses fdget().
 */
struct file *fget(unsigned int fd);

/* A file pinned for the length of a system call. */
struct fd {
	struct file *file;	/* NULL: fd was not open */
};

/* fget() plus a reference, dropped by fdput(). */
struct fd fdget(unsigned int fd);

static inline void fdput(struct fd f)
{
	if (f.file)
		fput(f.file);
}

/*
 * The lowest free descriptor, reserved (O_CLOEXEC in flags sets its
 * close-on-exec bit), or -EMFILE. fd_install() then fills it; a
 * reserved descriptor that will not be used goes back with
 * put_unused_fd(). Between the two, the caller must not sleep.
 */
int get_unused_fd_flags(unsigned int flags);
void fd_install(unsigned int fd, struct file *f);
void put_unused_fd(unsigned int fd);

/* ---- pipes (kernel/pipe.c) ---- */

/* The two ends of a new pipe: files[0] reads, files[1] writes. */
int create_pipe_files(struct file *files[2], unsigned int flags);
bool file_is_pipe(const struct file *f);
/* F_GETPIPE_SZ and the like for fcntl; -EBADF if f is not a pipe. */
long pipe_fcntl(struct file *f, unsigned int cmd, unsigned long arg);

extern struct file console_file;

#endif
