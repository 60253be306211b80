/*
 * Open files and descriptor tables. A struct file is an open object with
 * its operations; a files_struct maps descriptor numbers to files. For
 * now the only file is the console (kernel/console_file.c), open on
 * descriptors 0, 1 and 2 of every process.
 */
#ifndef _KERNEL_FILE_H
#define _KERNEL_FILE_H

#include <asm/uaccess.h>
#include <kernel/types.h>

#define NR_OPEN_DEFAULT	64

struct file;
struct stat64;

struct file_operations {
	ssize_t (*read)(struct file *f, char __user *buf, size_t count);
	ssize_t (*write)(struct file *f, const char __user *buf, size_t count);
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	void (*stat)(struct file *f, struct stat64 *st);
};

struct file {
	const struct file_operations *f_op;
	int f_count;
};

struct files_struct {
	int count;
	struct file *fd[NR_OPEN_DEFAULT];
};

/* A descriptor table with the console open on 0, 1 and 2, or NULL. */
struct files_struct *files_alloc_console(void);
/* Drop a reference to a table; the last one closes every file in it. */
void put_files(struct files_struct *files);
/* A private copy of a table (fork without CLONE_FILES), or NULL. */
struct files_struct *dup_files(struct files_struct *files);
/* execve: close every descriptor marked close-on-exec. */
void files_close_on_exec(struct files_struct *files);
/* The current task's file for fd, or NULL (the caller answers -EBADF). */
struct file *fget(unsigned int fd);

extern struct file console_file;

#endif
