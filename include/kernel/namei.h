/* Resolving paths in the file tree (kernel/namei.c). */
#ifndef _KERNEL_NAMEI_H
#define _KERNEL_NAMEI_H

struct ramfs_node;

/*
 * Find path (absolute, or relative to the current task's working
 * directory): 0 and *out, or -ENOENT, -ENOTDIR, -ENAMETOOLONG.
 */
int path_lookup(const char *path, const struct ramfs_node **out);

#endif
