/*
 * Helpers shared by the initramfs suite (test_initramfs.c and
 * test_initramfs_hostile.c), implemented in initramfs_test.c: the
 * build-time fixtures, page buffers, an archive writer and tree checks.
 */
#ifndef _TESTS_KERNEL_INITRAMFS_TEST_H
#define _TESTS_KERNEL_INITRAMFS_TEST_H

#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/ramfs.h>

/* tests/kernel/initramfs_fixture.S; see initramfs-fixture.mk. */
extern const u8 initramfs_fixture_a[], initramfs_fixture_a_end[];
extern const u8 initramfs_fixture_b[], initramfs_fixture_b_end[];

#define FIXTURE_A_LEN	((size_t)(initramfs_fixture_a_end - initramfs_fixture_a))
#define FIXTURE_B_LEN	((size_t)(initramfs_fixture_b_end - initramfs_fixture_b))

#define HDR_LEN		110
#define BIG_LEN		5000	/* big.bin in fixture a */

/* Header fields by index; field i is the 8 digits at 6 + 8 * i. */
enum { F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
       F_DEVMAJ, F_DEVMIN, F_RDEVMAJ, F_RDEVMIN, F_NAMESIZE, F_CHECK };

/* What a test must give back: frames, nodes, and no refused frees. */
struct itest_usage {
	unsigned long pages, nodes, refused;
};

static inline struct itest_usage itest_usage(void)
{
	return (struct itest_usage){ nr_free_pages(), ramfs_nodes_in_use(),
				     kfree_refused };
}

/* Expect usage to be back where it was at *start. */
#define KT_EXPECT_USAGE(start)						\
	do {								\
		struct itest_usage __u = itest_usage();			\
		KT_EXPECT_EQ(__u.pages, (start)->pages);		\
		KT_EXPECT_EQ(__u.nodes, (start)->nodes);		\
		KT_EXPECT_EQ(__u.refused, (start)->refused);		\
	} while (0)

/* The smallest order of 2^order pages holding size bytes. */
unsigned itest_order_for(size_t size);
/* 2^order zeroed pages through the kernel map, or NULL. */
u8 *itest_buf_get(unsigned order);
void itest_buf_put(u8 *p, unsigned order);

/* An archive being written into a buffer of cap bytes. */
struct itest_ar {
	u8 *p;
	size_t off, cap;
	size_t last;		/* where the last entry's header starts */
};

/* Append raw bytes (a failed expectation if they do not fit). */
void itest_ar_bytes(struct itest_ar *a, const void *s, size_t n);
/* Append one newc entry, padded as cpio -H newc pads it. */
void itest_ar_entry(struct itest_ar *a, const char *name, u32 mode,
		    const void *data, u32 size, u32 nlink, u32 ino);
void itest_ar_file(struct itest_ar *a, const char *name, const char *text);
void itest_ar_dir(struct itest_ar *a, const char *name, u32 perm);
void itest_ar_trailer(struct itest_ar *a);
/* Overwrite field i of the header at offset hdr with 8 characters. */
void itest_set_field(struct itest_ar *a, size_t hdr, int i,
		     const char *digits);

/* The file at path in fs holds exactly the string want. */
bool itest_text_is(struct ramfs *fs, const char *path, const char *want);
/*
 * Expect fs's invariants: links agree, siblings strictly sorted, every
 * node found again by its own path, nr_nodes right.
 */
void itest_check_tree(struct ramfs *fs);

#endif
