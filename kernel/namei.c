/*
 * Path resolution over the boot tree, with Linux's errors: a relative
 * path starts at the caller's working directory; every component but
 * the last must be a directory (-ENOTDIR); a component longer than
 * NAME_MAX is -ENAMETOOLONG; a missing one -ENOENT; a trailing slash
 * asks for a directory. "." and ".." work; symlinks are not followed.
 */
#include <linux/limits.h>
#include <kernel/errno.h>
#include <kernel/fs_struct.h>
#include <kernel/namei.h>
#include <kernel/printk.h>
#include <kernel/ramfs.h>
#include <kernel/sched.h>
#include <kernel/string.h>

static const struct ramfs_node *child_named(const struct ramfs_node *dir,
					    const char *name, size_t len)
{
	const struct ramfs_node *c;

	ramfs_for_each_child(c, dir)
		if (!strncmp(c->name, name, len) && !c->name[len])
			return c;
	return NULL;
}

/*
 * Walk path from node n. A leading '/' is just a separator here: the
 * caller picked the starting node. 0 and *out, or -errno.
 */
static int walk(const struct ramfs_node *n, const char *path,
		const struct ramfs_node **out)
{
	const char *p = path;

	while (*p) {
		size_t len;

		while (*p == '/')
			p++;
		if (!*p)
			break;
		for (len = 0; p[len] && p[len] != '/'; len++)
			;
		if (!S_ISDIR(n->mode))
			return -ENOTDIR;
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		if (len == 2 && p[0] == '.' && p[1] == '.') {
			if (n->parent)
				n = n->parent;
		} else if (!(len == 1 && p[0] == '.')) {
			n = child_named(n, p, len);
			if (!n)
				return -ENOENT;
		}
		p += len;
	}
	if (p > path && p[-1] == '/' && !S_ISDIR(n->mode))
		return -ENOTDIR;
	*out = n;
	return 0;
}

int path_lookup(const char *path, const struct ramfs_node **out)
{
	const struct ramfs_node *start = ramfs_root();
	int err;

	if (!path[0])
		return -ENOENT;
	/* Relative: from the working directory (found by its own path). */
	if (path[0] != '/' && current->fs) {
		err = walk(start, current->fs->cwd, &start);
		if (err)
			return err;
	}
	return walk(start, path, out);
}
