/*
 * ramfs: an in-memory file tree, and the initramfs that fills it.
 *
 * A tree is a struct ramfs whose root directory "/" is part of the object,
 * so it always exists. `rootfs` is the boot instance: initramfs_init()
 * unpacks the first multiboot module into it. Tests build private trees
 * (RAMFS_INIT, the *_in/_into calls) and never touch rootfs.
 *
 * Nodes are kmalloc'd, name included. File data is zero-copy: `data`
 * points into the archive itself (the boot module, which mm/ keeps
 * reserved and mapped for good), so a tree must not outlive the buffer it
 * was unpacked from, and data is read-only. Symlink targets are stored
 * the same way, without a NUL. Hard links (a regular file with nlink > 1
 * and the same ino in one archive) become separate nodes sharing the same
 * data pointer: a copy, not a shared inode.
 *
 * The tree is not locked; it is built once at boot, before anyone reads it.
 */
#ifndef _KERNEL_RAMFS_H
#define _KERNEL_RAMFS_H

#include <kernel/types.h>
#include <linux/stat.h>		/* S_IFMT, S_IFDIR, ...: Linux's values */

#define RAMFS_NAME_MAX	255	/* bytes in one path component (NAME_MAX) */
#define RAMFS_PATH_MAX	4096	/* bytes in an archive name, NUL included */
#define RAMFS_MAX_DEPTH	64	/* components in a path: bounds every walk */

struct ramfs_node {
	const char *name;	/* one component; "/" for the root */
	u32 mode;		/* S_IFREG/S_IFDIR/S_IFLNK/... | permissions */
	u32 size;		/* bytes at data; 0 for directories */
	const void *data;	/* contents or symlink target; not owned */
	u32 uid, gid, mtime;	/* as the archive gave them */
	u32 ino, nlink;		/* the archive's; 0 for implicit dirs */
	u32 rdev_major, rdev_minor;	/* device nodes */
	struct ramfs_node *parent;	/* NULL for the root */
	struct ramfs_node *children;	/* first child; sorted by name */
	struct ramfs_node *next;	/* next sibling */
	/* Hard-link identity besides ino (kernel/initramfs.c). */
	u32 archive, dev_major, dev_minor;
};

struct ramfs {
	struct ramfs_node root;
	unsigned nr_nodes;	/* nodes besides the root */
	unsigned nr_archives;	/* cpio archives unpacked into it so far */
};

#define RAMFS_INIT \
	{ .root = { .name = "/", .mode = S_IFDIR | 0755, .nlink = 2 } }

/* The boot tree, filled from the initramfs. */
extern struct ramfs rootfs;

#define ramfs_for_each_child(child, dir) \
	for ((child) = (dir)->children; (child); (child) = (child)->next)

/* ---- the tree (kernel/ramfs.c) ---- */

/* rootfs's root directory: always there, empty until initramfs_init. */
struct ramfs_node *ramfs_root(void);

/*
 * The node at an absolute path in rootfs (or fs), or NULL. Repeated
 * slashes and "." are skipped, ".." goes up (and stays at "/"); a
 * component followed by '/' must be a directory. Symlinks are not followed.
 */
struct ramfs_node *ramfs_lookup(const char *path);
struct ramfs_node *ramfs_lookup_in(const struct ramfs *fs, const char *path);

/*
 * Copy up to len bytes of a regular file's contents (or a symlink's
 * target) from offset into buf. Returns the bytes copied, 0 at or past
 * the end, or -EINVAL for anything else.
 */
int ramfs_read(const struct ramfs_node *node, u32 offset, void *buf, u32 len);

/* Free every node of fs but its root, which goes back to RAMFS_INIT. */
void ramfs_clear(struct ramfs *fs);
/* ramfs_clear(&rootfs). */
void ramfs_reset(void);

/*
 * Create the node at path (relative to fs's root; "./", leading and
 * repeated slashes are fine) with mode, making missing parents as
 * directories 0755. An existing node is replaced, subtree and all,
 * except that a directory over a directory keeps its children and takes
 * the new mode. No path names the root itself: that is the caller's
 * business. Returns 0 and the node in *out, -ENOMEM, or -EINVAL with a
 * reason in *why ("..", a component too long, nesting too deep, a
 * non-directory used as a directory); -EINVAL has no side effects.
 */
int ramfs_mknod(struct ramfs *fs, const char *path, u32 mode,
		struct ramfs_node **out, const char **why);

/* The node after n in a pre-order walk of top's subtree, or NULL. */
struct ramfs_node *ramfs_walk_next(const struct ramfs_node *top,
				   const struct ramfs_node *n);

/* Nodes allocated and not yet freed, across all trees (a leak check). */
unsigned long ramfs_nodes_in_use(void);

/* ---- the initramfs (kernel/initramfs.c) ---- */

/*
 * Unpack cpio newc/crc archives (070701/070702, checksum ignored) from
 * buf into rootfs (or fs). Archives may be concatenated, with zero
 * padding between them; each must end with TRAILER!!!. Returns 0, -ENOMEM,
 * or -EINVAL on the first malformed entry, which is logged with its offset;
 * the entries before it stay in the tree. Never reads outside buf.
 */
int initramfs_unpack(const void *buf, size_t len);
int initramfs_unpack_into(struct ramfs *fs, const void *buf, size_t len);

/*
 * Unpack multiboot module 0 into rootfs and log what came of it. No
 * module is not an error (yet). Calls after the first do nothing.
 */
void initramfs_init(void);

#endif
