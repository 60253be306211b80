/*
 * The initramfs suite's helpers (declared and described in
 * initramfs_test.h). Everything here fails the running test through
 * KT_EXPECT rather than returning errors.
 */
#include <asm/page.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "initramfs_test.h"

/* The smallest order of 2^order pages holding size bytes. */
unsigned itest_order_for(size_t size)
{
	unsigned order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/* 2^order zeroed pages through the kernel map, or NULL. */
u8 *itest_buf_get(unsigned order)
{
	phys_addr_t pa = alloc_pages(order);

	if (!pa)
		return NULL;
	memset(__va(pa), 0, PAGE_SIZE << order);
	return __va(pa);
}

/* Give back itest_buf_get's pages. */
void itest_buf_put(u8 *p, unsigned order)
{
	KT_EXPECT_EQ(free_pages(__pa(p), order), 0);
}

/* ---- writing archives by hand ---- */

/* Append n bytes; running out of buffer is the test's own bug. */
void itest_ar_bytes(struct itest_ar *a, const void *s, size_t n)
{
	if (a->off + n > a->cap) {
		KT_EXPECT(!"archive buffer too small");
		return;
	}
	memcpy(a->p + a->off, s, n);
	a->off += n;
}

/* Zero bytes up to the next multiple of 4 (from the buffer's start). */
static void ar_pad(struct itest_ar *a)
{
	while (a->off & 3)
		itest_ar_bytes(a, "", 1);
}

/* Append one newc entry, as cpio -H newc writes it. */
void itest_ar_entry(struct itest_ar *a, const char *name, u32 mode,
		    const void *data, u32 size, u32 nlink, u32 ino)
{
	char hdr[HDR_LEN + 1];

	snprintf(hdr, sizeof(hdr),
		 "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 ino, mode, 0, 0, nlink, 0, size, 0, 0, 0, 0,
		 strlen(name) + 1, 0);
	a->last = a->off;
	itest_ar_bytes(a, hdr, HDR_LEN);
	itest_ar_bytes(a, name, strlen(name) + 1);
	ar_pad(a);
	itest_ar_bytes(a, data, size);
	ar_pad(a);
}

/* A regular file 0644 holding the string text, without its NUL. */
void itest_ar_file(struct itest_ar *a, const char *name, const char *text)
{
	itest_ar_entry(a, name, S_IFREG | 0644, text, strlen(text), 1, 0);
}

/* A directory with permissions perm. */
void itest_ar_dir(struct itest_ar *a, const char *name, u32 perm)
{
	itest_ar_entry(a, name, S_IFDIR | perm, NULL, 0, 2, 0);
}

/* The entry that ends an archive. */
void itest_ar_trailer(struct itest_ar *a)
{
	itest_ar_entry(a, "TRAILER!!!", 0, NULL, 0, 1, 0);
}

/* Overwrite field i of the header at hdr with 8 characters. */
void itest_set_field(struct itest_ar *a, size_t hdr, int i,
		     const char *digits)
{
	memcpy(a->p + hdr + 6 + 8 * i, digits, 8);
}

/* ---- checking trees ---- */

/* Node n's content is exactly the len bytes at want. */
static bool content_is(const struct ramfs_node *n, const void *want, u32 len)
{
	char got[64];

	if (!n || n->size != len || len > sizeof(got))
		return false;
	return ramfs_read(n, 0, got, sizeof(got)) == (int)len &&
	       !memcmp(got, want, len);
}

/* Whether the file at path holds exactly the string want. */
bool itest_text_is(struct ramfs *fs, const char *path, const char *want)
{
	return content_is(ramfs_lookup_in(fs, path), want, strlen(want));
}

/* n's absolute path into buf (size bytes); false if it does not fit. */
static bool path_of(const struct ramfs_node *n, char *buf, size_t size)
{
	size_t end = size - 1;

	buf[end] = '\0';
	if (!n->parent) {
		strlcpy(buf, "/", size);
		return true;
	}
	for (; n->parent; n = n->parent) {
		size_t len = strlen(n->name);

		if (len + 1 > end)
			return false;
		end -= len;
		memcpy(buf + end, n->name, len);
		buf[--end] = '/';
	}
	memmove(buf, buf + end, size - end);
	return true;
}

/*
 * The invariants of a tree: links agree, siblings are strictly sorted,
 * every node is found again by its own path, nr_nodes is right.
 */
void itest_check_tree(struct ramfs *fs)
{
	char *path = get_zeroed_page();
	struct ramfs_node *n = &fs->root, *c;
	unsigned count = 0;

	KT_ASSERT(path);
	for (; n; n = ramfs_walk_next(&fs->root, n)) {
		if (n != &fs->root)
			count++;
		KT_EXPECT(path_of(n, path, PAGE_SIZE));
		if (ramfs_lookup_in(fs, path) != n)
			ktest_fail(__FILE__, __LINE__,
				   "lookup(%s) is not itself", path);
		KT_EXPECT(S_ISDIR(n->mode) || !n->children);
		ramfs_for_each_child(c, n) {
			KT_EXPECT(c->parent == n);
			KT_EXPECT(!c->next ||
				  strcmp(c->name, c->next->name) < 0);
		}
	}
	KT_EXPECT_EQ(count, fs->nr_nodes);
	free_zeroed_page(path);
}

