/*
 * A task's place in the file tree: its working directory. Shared and
 * reference counted (CLONE_FS), as Linux's struct fs_struct.
 */
#ifndef _KERNEL_FS_STRUCT_H
#define _KERNEL_FS_STRUCT_H

#include <kernel/types.h>

#define FS_PATH_MAX	256

struct fs_struct {
	int users;
	char cwd[FS_PATH_MAX];	/* absolute, normalised, no trailing '/' but "/" */
};

/* A new fs_struct at "/", or NULL. */
struct fs_struct *alloc_fs_struct(void);
struct fs_struct *copy_fs_struct(const struct fs_struct *fs);
void put_fs_struct(struct fs_struct *fs);

#endif
