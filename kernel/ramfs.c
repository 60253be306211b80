/*
 * ramfs: the in-memory file tree (include/kernel/ramfs.h). Nodes hang
 * off their parent's sorted child list; lookups scan it linearly, which
 * is plenty for an initramfs. Every walk is iterative and every path is
 * bounded by RAMFS_MAX_DEPTH, so no archive can exhaust the kernel stack.
 */
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/ramfs.h>
#include <kernel/string.h>

struct ramfs rootfs = RAMFS_INIT;

static unsigned long nodes_in_use;

unsigned long ramfs_nodes_in_use(void)
{
	return nodes_in_use;
}

struct ramfs_node *ramfs_root(void)
{
	return &rootfs.root;
}

/* A zeroed node named by the len bytes at name, or NULL when out of memory. */
static struct ramfs_node *node_alloc(const char *name, size_t len, u32 mode)
{
	/* One allocation: the name lives right after the node. */
	struct ramfs_node *n = kzalloc(sizeof(*n) + len + 1);
	char *copy;

	if (!n)
		return NULL;
	copy = (char *)(n + 1);
	memcpy(copy, name, len);
	copy[len] = '\0';
	n->name = copy;
	n->mode = mode;
	nodes_in_use++;
	return n;
}

/* Free one node already unlinked from its parent. */
static void node_free(struct ramfs *fs, struct ramfs_node *n)
{
	kfree(n);
	fs->nr_nodes--;
	nodes_in_use--;
}

/* Compare a NUL-terminated name with the len bytes at s, as strcmp would. */
static int name_cmp(const char *name, const char *s, size_t len)
{
	int c = strncmp(name, s, len);

	if (c)
		return c;
	return (unsigned char)name[len];
}

/* dir's child named by the len bytes at s, or NULL. */
static struct ramfs_node *find_child(const struct ramfs_node *dir,
				     const char *s, size_t len)
{
	struct ramfs_node *c;

	ramfs_for_each_child(c, dir) {
		int cmp = name_cmp(c->name, s, len);

		if (!cmp)
			return c;
		/* Sorted: once past the name, it is not there. */
		if (cmp > 0)
			break;
	}
	return NULL;
}

/* Insert n into dir's child list, keeping it sorted by name. */
static void link_child(struct ramfs *fs, struct ramfs_node *dir,
		       struct ramfs_node *n)
{
	struct ramfs_node **pp = &dir->children;

	while (*pp && strcmp((*pp)->name, n->name) < 0)
		pp = &(*pp)->next;
	n->next = *pp;
	*pp = n;
	n->parent = dir;
	fs->nr_nodes++;
}

/* Take n out of its parent's child list (n stays allocated). */
static void unlink_child(struct ramfs_node *n)
{
	struct ramfs_node **pp = &n->parent->children;

	while (*pp != n)
		pp = &(*pp)->next;
	*pp = n->next;
	n->next = NULL;
}

/*
 * Free top's descendants, and top too unless it is fs's root. top must
 * already be unlinked (or be the root). Iterative: always frees a leaf.
 */
static void free_subtree(struct ramfs *fs, struct ramfs_node *top)
{
	struct ramfs_node *n = top, *parent;

	for (;;) {
		while (n->children)
			n = n->children;
		if (n == top)
			break;
		/* n is a leaf and its parent's first child. */
		parent = n->parent;
		parent->children = n->next;
		node_free(fs, n);
		n = parent;
	}
	if (top != &fs->root)
		node_free(fs, top);
}

void ramfs_clear(struct ramfs *fs)
{
	struct ramfs fresh = RAMFS_INIT;

	free_subtree(fs, &fs->root);
	*fs = fresh;
}

void ramfs_reset(void)
{
	ramfs_clear(&rootfs);
}

struct ramfs_node *ramfs_walk_next(const struct ramfs_node *top,
				   const struct ramfs_node *n)
{
	if (n->children)
		return n->children;
	/* Climb until a sibling appears, but never above top. */
	while (n != top) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* Skip slashes at *p, then return the length of the component there. */
static size_t next_component(const char **p)
{
	size_t len = 0;

	while (**p == '/')
		(*p)++;
	while ((*p)[len] && (*p)[len] != '/')
		len++;
	return len;
}

/* Is the component "."? */
static bool is_dot(const char *s, size_t len)
{
	return len == 1 && s[0] == '.';
}

/* Is the component ".."? */
static bool is_dotdot(const char *s, size_t len)
{
	return len == 2 && s[0] == '.' && s[1] == '.';
}

struct ramfs_node *ramfs_lookup_in(const struct ramfs *fs, const char *path)
{
	const struct ramfs_node *n = &fs->root;
	size_t len;

	if (!path || path[0] != '/')
		return NULL;
	while ((len = next_component(&path))) {
		/* Whatever holds a component must be a directory. */
		if (!S_ISDIR(n->mode))
			return NULL;
		if (is_dotdot(path, len)) {
			if (n->parent)
				n = n->parent;
		} else if (!is_dot(path, len)) {
			if (len > RAMFS_NAME_MAX)
				return NULL;
			n = find_child(n, path, len);
			if (!n)
				return NULL;
		}
		path += len;
	}
	/* A trailing slash ("/file/") asks for a directory, as in Linux. */
	if (path[-1] == '/' && !S_ISDIR(n->mode))
		return NULL;
	return (struct ramfs_node *)n;
}

struct ramfs_node *ramfs_lookup(const char *path)
{
	return ramfs_lookup_in(&rootfs, path);
}

int ramfs_read(const struct ramfs_node *node, u32 offset, void *buf, u32 len)
{
	u32 n;

	if (!node || (!S_ISREG(node->mode) && !S_ISLNK(node->mode)))
		return -EINVAL;
	if (offset >= node->size)
		return 0;
	n = node->size - offset;
	if (n > len)
		n = len;
	/* The count must fit the int we return. */
	if (n > 0x7fffffff)
		n = 0x7fffffff;
	memcpy(buf, (const u8 *)node->data + offset, n);
	return n;
}

/* Check path's components; returns how many count, or -EINVAL and *why. */
static int check_path(const char *path, const char **why)
{
	size_t len;
	int depth = 0;

	while ((len = next_component(&path))) {
		if (is_dotdot(path, len)) {
			*why = "'..' in a name";
			return -EINVAL;
		}
		if (len > RAMFS_NAME_MAX) {
			*why = "path component too long";
			return -EINVAL;
		}
		if (!is_dot(path, len) && ++depth > RAMFS_MAX_DEPTH) {
			*why = "path nested too deep";
			return -EINVAL;
		}
		path += len;
	}
	return depth;
}

int ramfs_mknod(struct ramfs *fs, const char *path, u32 mode,
		struct ramfs_node **out, const char **why)
{
	struct ramfs_node *dir = &fs->root, *old, *n;
	int depth = check_path(path, why);
	size_t len;

	if (depth < 0)
		return depth;
	if (depth == 0) {
		*why = "a name for the root";
		return -EINVAL;
	}
	/*
	 * Walk to the parent. Nothing is created before the last existing
	 * component, so refusing a non-directory there changes nothing.
	 */
	for (;;) {
		len = next_component(&path);
		if (is_dot(path, len)) {
			path += len;
			continue;
		}
		if (--depth == 0)
			break;
		n = find_child(dir, path, len);
		if (!n) {
			n = node_alloc(path, len, S_IFDIR | 0755);
			if (!n)
				return -ENOMEM;
			n->nlink = 2;
			link_child(fs, dir, n);
		} else if (!S_ISDIR(n->mode)) {
			*why = "a non-directory used as a directory";
			return -EINVAL;
		}
		dir = n;
		path += len;
	}

	old = find_child(dir, path, len);
	if (old && S_ISDIR(old->mode) && S_ISDIR(mode)) {
		old->mode = mode;
		*out = old;
		return 0;
	}
	/* Allocate first: out of memory leaves the old node in place. */
	n = node_alloc(path, len, mode);
	if (!n)
		return -ENOMEM;
	if (old) {
		unlink_child(old);
		free_subtree(fs, old);
	}
	link_child(fs, dir, n);
	*out = n;
	return 0;
}
