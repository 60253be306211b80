/*
 * Working directories: struct fs_struct and the system calls on it,
 * chdir (12) and getcwd (183), over the initramfs tree. Relative paths
 * everywhere (exec, chdir) start from it (kernel/namei.c).
 */
#include <kernel/errno.h>
#include <kernel/fs_struct.h>
#include <linux/limits.h>
#include <kernel/mm.h>
#include <kernel/namei.h>
#include <kernel/printk.h>
#include <kernel/ramfs.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

struct fs_struct *alloc_fs_struct(void)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs));

	if (fs) {
		fs->users = 1;
		strlcpy(fs->cwd, "/", sizeof(fs->cwd));
	}
	return fs;
}

struct fs_struct *copy_fs_struct(const struct fs_struct *old)
{
	struct fs_struct *fs = alloc_fs_struct();

	if (fs)
		strlcpy(fs->cwd, old->cwd, sizeof(fs->cwd));
	return fs;
}

void put_fs_struct(struct fs_struct *fs)
{
	if (--fs->users == 0)
		kfree(fs);
}

/*
 * Rebuild the absolute path of a tree node into buf (size bytes) by
 * walking up to the root. Returns 0, or -ENAMETOOLONG.
 */
static int node_path(const struct ramfs_node *n, char *buf, size_t size)
{
	char tmp[FS_PATH_MAX];
	size_t len = 0;

	tmp[0] = '\0';
	for (; n && n->parent; n = n->parent) {
		size_t nl = strlen(n->name);

		if (len + nl + 2 > sizeof(tmp))
			return -ENAMETOOLONG;
		memmove(tmp + nl + 1, tmp, len + 1);
		tmp[0] = '/';
		memcpy(tmp + 1, n->name, nl);
		len += nl + 1;
	}
	if (!len)
		strlcpy(tmp, "/", sizeof(tmp));
	if (strlen(tmp) >= size)
		return -ENAMETOOLONG;
	strlcpy(buf, tmp, size);
	return 0;
}

long sys_chdir(const char __user *upath)
{
	const struct ramfs_node *n;
	char *path;
	long len;
	int err;

	if (!current->fs)
		return -ENOENT;
	path = get_zeroed_page();	/* PATH_MAX: too big for the stack */
	if (!path)
		return -ENOMEM;
	len = strncpy_from_user(path, upath, PATH_MAX);
	err = len < 0 ? len : len == PATH_MAX ? -ENAMETOOLONG : 0;
	if (!err)
		err = path_lookup(path, &n);
	if (!err && !S_ISDIR(n->mode))
		err = -ENOTDIR;
	if (!err)
		err = node_path(n, current->fs->cwd, sizeof(current->fs->cwd));
	free_zeroed_page(path);
	return err;
}

/* Linux's getcwd returns the length including the NUL. */
long sys_getcwd(char __user *buf, unsigned long size)
{
	size_t len;

	if (!current->fs)
		return -ENOENT;
	len = strlen(current->fs->cwd) + 1;
	if (len > size)
		return -ERANGE;
	if (copy_to_user(buf, current->fs->cwd, len))
		return -EFAULT;
	return len;
}
