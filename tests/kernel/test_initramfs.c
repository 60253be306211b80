/*
 * Tests for the initramfs unpacker (kernel/initramfs.c) and the ramfs tree
 * (kernel/ramfs.c) on well-formed input: the archives GNU cpio made at
 * build time (initramfs-fixture.mk) and archives written here entry by
 * entry. test_initramfs_hostile.c has the malformed ones.
 *
 * Every test unpacks into a private tree, never rootfs (boot_module only
 * runs initramfs_init, which is what boot does anyway), and clears it
 * again: pages, ramfs nodes and refused kfrees end where they started.
 */
#include <asm/page.h>
#include <kernel/errno.h>
#include <kernel/multiboot.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "initramfs_test.h"

#define MOTD	"Welcome to the test tree.\n"	/* etc/motd in fixture a */

/* ---- the build-time fixtures ---- */

KTEST(initramfs, fixture_tree)
{
	struct itest_usage start = itest_usage();
	struct ramfs fs = RAMFS_INIT;
	struct ramfs_node *n;
	char buf[16];

	KT_ASSERT(FIXTURE_A_LEN > 0 && FIXTURE_A_LEN % 512 == 0);
	KT_EXPECT_EQ(initramfs_unpack_into(&fs, initramfs_fixture_a,
					   FIXTURE_A_LEN), 0);
	/* The "." entry came first and set the root's attributes. */
	KT_EXPECT_EQ(fs.root.mode, S_IFDIR | 0755);

	n = ramfs_lookup_in(&fs, "/hello.txt");
	KT_ASSERT(n);
	KT_EXPECT_EQ(n->mode, S_IFREG | 0644);
	KT_EXPECT_EQ(n->uid, 0);
	KT_EXPECT_EQ(n->gid, 0);
	KT_EXPECT_EQ(n->mtime, 0);	/* SOURCE_DATE_EPOCH=0 */
	KT_EXPECT(itest_text_is(&fs, "/hello.txt", "Hello, initramfs!\n"));
	KT_EXPECT(itest_text_is(&fs, "/etc/motd", MOTD));
	KT_EXPECT(itest_text_is(&fs, "/tests/deep/a/b/c/leaf.txt", "leaf\n"));
	KT_EXPECT(itest_text_is(&fs, "/bin/init", "#!/bin/sh\necho init\n"));
	KT_EXPECT_EQ(ramfs_lookup_in(&fs, "/bin/init")->mode, S_IFREG | 0755);

	n = ramfs_lookup_in(&fs, "/tests/deep/a");
	KT_ASSERT(n);
	KT_EXPECT_EQ(n->mode, S_IFDIR | 0755);
	n = ramfs_lookup_in(&fs, "/emptydir");
	KT_ASSERT(n);
	KT_EXPECT_EQ(n->mode, S_IFDIR | 0700);
	KT_EXPECT(!n->children);
	KT_EXPECT_EQ(ramfs_read(n, 0, buf, sizeof(buf)), -EINVAL);

	n = ramfs_lookup_in(&fs, "/empty");
	KT_ASSERT(n);
	KT_EXPECT_EQ(n->mode, S_IFREG | 0644);
	KT_EXPECT_EQ(n->size, 0);
	KT_EXPECT_EQ(ramfs_read(n, 0, buf, sizeof(buf)), 0);

	/* Symlinks: the target is the data, no NUL; not followed. */
	n = ramfs_lookup_in(&fs, "/link");
	KT_ASSERT(n);
	KT_EXPECT_EQ(n->mode, S_IFLNK | 0777);
	KT_EXPECT(itest_text_is(&fs, "/link", "hello.txt"));
	KT_EXPECT(itest_text_is(&fs, "/etc/rc", "/bin/init"));
	KT_EXPECT(!ramfs_lookup_in(&fs, "/link/"));

	/* cpio stored the data with one link of the pair; both have it. */
	KT_EXPECT(itest_text_is(&fs, "/hello.hard", "Hello, initramfs!\n"));
	KT_EXPECT_EQ(ramfs_lookup_in(&fs, "/hello.hard")->nlink, 2);
	KT_EXPECT_EQ(ramfs_lookup_in(&fs, "/hello.txt")->nlink, 2);

	/* Zero-copy: the data lies inside the archive. */
	n = ramfs_lookup_in(&fs, "/etc/motd");
	KT_EXPECT((const u8 *)n->data > initramfs_fixture_a &&
		  (const u8 *)n->data + n->size <= initramfs_fixture_a_end);
	itest_check_tree(&fs);
	ramfs_clear(&fs);
	KT_EXPECT_EQ(fs.nr_nodes, 0);
	KT_EXPECT(!fs.root.children);
	KT_EXPECT_USAGE(&start);
}

KTEST(initramfs, big_file_bytes)
{
	struct itest_usage start = itest_usage();
	struct ramfs fs = RAMFS_INIT;
	struct ramfs_node *n;
	u8 chunk[777];
	int bad = 0;
	u32 off = 0;
	int got;

	KT_ASSERT(!initramfs_unpack_into(&fs, initramfs_fixture_a,
					 FIXTURE_A_LEN));
	n = ramfs_lookup_in(&fs, "/big.bin");
	KT_ASSERT(n);
	KT_EXPECT_EQ(n->size, BIG_LEN);
	/* Odd-sized reads: byte i of big.bin is (i * 7 + 3) & 0xff. */
	while ((got = ramfs_read(n, off, chunk, sizeof(chunk))) > 0) {
		for (int i = 0; i < got; i++)
			bad += chunk[i] != (((off + i) * 7 + 3) & 0xff);
		off += got;
	}
	KT_EXPECT_EQ(got, 0);
	KT_EXPECT_EQ(off, BIG_LEN);
	KT_EXPECT_EQ(bad, 0);
	KT_EXPECT_EQ(ramfs_read(n, BIG_LEN - 10, chunk, 100), 10);
	KT_EXPECT_EQ(ramfs_read(n, BIG_LEN, chunk, 100), 0);
	KT_EXPECT_EQ(ramfs_read(n, 0xffffffff, chunk, 100), 0);
	KT_EXPECT_EQ(ramfs_read(NULL, 0, chunk, 1), -EINVAL);
	ramfs_clear(&fs);
	KT_EXPECT_USAGE(&start);
}

KTEST(initramfs, lookup_paths)
{
	struct itest_usage start = itest_usage();
	struct ramfs fs = RAMFS_INIT;
	struct ramfs_node *motd;
	char *name = kmalloc(RAMFS_NAME_MAX + 3);

	KT_ASSERT(name);
	KT_ASSERT(!initramfs_unpack_into(&fs, initramfs_fixture_a,
					 FIXTURE_A_LEN));
	motd = ramfs_lookup_in(&fs, "/etc/motd");
	KT_ASSERT(motd);
	KT_EXPECT(ramfs_lookup_in(&fs, "//etc///motd") == motd);
	KT_EXPECT(ramfs_lookup_in(&fs, "/./etc/./motd") == motd);
	KT_EXPECT(ramfs_lookup_in(&fs, "/bin/../etc/motd") == motd);
	KT_EXPECT(ramfs_lookup_in(&fs, "/../../etc/motd") == motd);
	KT_EXPECT(ramfs_lookup_in(&fs, "/") == &fs.root);
	KT_EXPECT(ramfs_lookup_in(&fs, "///") == &fs.root);
	KT_EXPECT(ramfs_lookup_in(&fs, "/..") == &fs.root);
	KT_EXPECT(ramfs_lookup_in(&fs, "/etc/") ==
		  ramfs_lookup_in(&fs, "/etc"));
	KT_EXPECT(ramfs_lookup_in(&fs, "/etc/motd/..") == NULL);
	KT_EXPECT(ramfs_lookup_in(&fs, "/etc/motd/") == NULL);
	KT_EXPECT(ramfs_lookup_in(&fs, "/etc/motd/x") == NULL);
	KT_EXPECT(ramfs_lookup_in(&fs, "/etc/mot") == NULL);
	KT_EXPECT(ramfs_lookup_in(&fs, "/etc/motdd") == NULL);
	KT_EXPECT(ramfs_lookup_in(&fs, "etc/motd") == NULL);
	KT_EXPECT(ramfs_lookup_in(&fs, "") == NULL);
	KT_EXPECT(ramfs_lookup_in(&fs, NULL) == NULL);
	/* A component longer than any name is simply not there. */
	name[0] = '/';
	memset(name + 1, 'x', RAMFS_NAME_MAX + 1);
	name[RAMFS_NAME_MAX + 2] = '\0';
	KT_EXPECT(ramfs_lookup_in(&fs, name) == NULL);
	/* rootfs is a different tree. */
	KT_EXPECT(ramfs_lookup("/etc/motd") != motd);
	KT_EXPECT(ramfs_root() == &rootfs.root);
	kfree(name);
	ramfs_clear(&fs);
	KT_EXPECT_USAGE(&start);
}

KTEST(initramfs, children_sorted)
{
	static const char *const want[] = {
		"big.bin", "bin", "empty", "emptydir", "etc", "hello.hard",
		"hello.txt", "link", "tests",
	};
	struct itest_usage start = itest_usage();
	struct ramfs fs = RAMFS_INIT;
	struct ramfs_node *c;
	unsigned i = 0;

	KT_ASSERT(!initramfs_unpack_into(&fs, initramfs_fixture_a,
					 FIXTURE_A_LEN));
	ramfs_for_each_child(c, &fs.root) {
		KT_ASSERT(i < ARRAY_SIZE(want));
		KT_EXPECT_STREQ(c->name, want[i]);
		i++;
	}
	KT_EXPECT_EQ(i, ARRAY_SIZE(want));
	itest_check_tree(&fs);
	ramfs_clear(&fs);
	KT_EXPECT_USAGE(&start);
}

/* b alone is the crc (070702) variant; after a, it overrides. */
KTEST(initramfs, crc_and_concatenated)
{
	struct itest_usage start = itest_usage();
	struct ramfs fs = RAMFS_INIT;
	size_t len = FIXTURE_A_LEN + 512 + FIXTURE_B_LEN;
	unsigned order = itest_order_for(len);
	u8 *buf = itest_buf_get(order);

	KT_ASSERT(buf);
	KT_EXPECT(!memcmp(initramfs_fixture_b, "070702", 6));
	KT_EXPECT_EQ(initramfs_unpack_into(&fs, initramfs_fixture_b,
					   FIXTURE_B_LEN), 0);
	KT_EXPECT(itest_text_is(&fs, "/hello.txt", "Hello again!\n"));
	KT_EXPECT(itest_text_is(&fs, "/extra/more.txt", "more\n"));
	ramfs_clear(&fs);

	/* a, 512 more zero bytes, b, and zeros to the end of the pages. */
	memcpy(buf, initramfs_fixture_a, FIXTURE_A_LEN);
	memcpy(buf + FIXTURE_A_LEN + 512, initramfs_fixture_b, FIXTURE_B_LEN);
	KT_EXPECT_EQ(initramfs_unpack_into(&fs, buf, PAGE_SIZE << order), 0);
	KT_EXPECT_EQ(fs.nr_archives, 2);
	KT_EXPECT(itest_text_is(&fs, "/hello.txt", "Hello again!\n"));
	KT_EXPECT(itest_text_is(&fs, "/extra/more.txt", "more\n"));
	KT_EXPECT(itest_text_is(&fs, "/etc/motd", MOTD));
	KT_EXPECT_EQ(ramfs_lookup_in(&fs, "/big.bin")->size, BIG_LEN);
	/* The hard link is a copy: it keeps a's data. */
	KT_EXPECT(itest_text_is(&fs, "/hello.hard", "Hello, initramfs!\n"));
	itest_check_tree(&fs);
	ramfs_clear(&fs);

	/* Back to back, no padding at all. */
	memset(buf, 0, PAGE_SIZE << order);
	memcpy(buf, initramfs_fixture_b, FIXTURE_B_LEN);
	memcpy(buf + FIXTURE_B_LEN, initramfs_fixture_a, FIXTURE_A_LEN);
	KT_EXPECT_EQ(initramfs_unpack_into(&fs, buf, len - 512), 0);
	KT_EXPECT(itest_text_is(&fs, "/hello.txt", "Hello, initramfs!\n"));
	KT_EXPECT(itest_text_is(&fs, "/extra/more.txt", "more\n"));
	ramfs_clear(&fs);
	itest_buf_put(buf, order);
	KT_EXPECT_USAGE(&start);
}

/* Unpacking twice replaces every entry; two trees stay apart. */
KTEST(initramfs, rerun_and_separate_trees)
{
	struct itest_usage start = itest_usage();
	struct ramfs fs = RAMFS_INIT, other = RAMFS_INIT;
	unsigned once;

	KT_ASSERT(!initramfs_unpack_into(&fs, initramfs_fixture_a,
					 FIXTURE_A_LEN));
	once = fs.nr_nodes;
	KT_EXPECT_EQ(ramfs_nodes_in_use(), start.nodes + once);
	KT_EXPECT(!initramfs_unpack_into(&fs, initramfs_fixture_a,
					 FIXTURE_A_LEN));
	KT_EXPECT_EQ(fs.nr_nodes, once);
	KT_EXPECT(itest_text_is(&fs, "/hello.hard", "Hello, initramfs!\n"));
	KT_EXPECT(!initramfs_unpack_into(&other, initramfs_fixture_b,
					 FIXTURE_B_LEN));
	KT_EXPECT(itest_text_is(&fs, "/hello.txt", "Hello, initramfs!\n"));
	KT_EXPECT(itest_text_is(&other, "/hello.txt", "Hello again!\n"));
	KT_EXPECT(!ramfs_lookup_in(&fs, "/extra"));
	itest_check_tree(&fs);
	itest_check_tree(&other);
	ramfs_clear(&fs);
	ramfs_clear(&other);
	KT_EXPECT_USAGE(&start);
}

/* ---- hand-written archives ---- */

/* Names as other tools write them, out of order, and "." for the root. */
KTEST(initramfs, names_and_implicit_dirs)
{
	struct itest_usage start = itest_usage();
	struct ramfs fs = RAMFS_INIT;
	struct itest_ar a = { .p = itest_buf_get(0), .cap = PAGE_SIZE };
	struct ramfs_node *n;

	KT_ASSERT(a.p);
	itest_ar_file(&a, "./x/y", "y\n");	/* before its directory */
	itest_ar_dir(&a, "./x", 0700);		/* keeps y, takes the mode */
	itest_ar_file(&a, "/abs", "abs\n");
	itest_ar_file(&a, "a//b/./c", "c\n");
	itest_ar_dir(&a, "./", 0711);			/* the root */
	itest_ar_entry(&a, "dev/console", S_IFCHR | 0600, NULL, 0, 1, 0);
	itest_set_field(&a, a.last, F_RDEVMAJ, "00000005");
	itest_set_field(&a, a.last, F_RDEVMIN, "0000000a");	/* lower case */
	itest_ar_trailer(&a);
	KT_EXPECT_EQ(initramfs_unpack_into(&fs, a.p, a.off), 0);

	KT_EXPECT(itest_text_is(&fs, "/x/y", "y\n"));
	KT_EXPECT_EQ(ramfs_lookup_in(&fs, "/x")->mode, S_IFDIR | 0700);
	KT_EXPECT(itest_text_is(&fs, "/abs", "abs\n"));
	KT_EXPECT(itest_text_is(&fs, "/a/b/c", "c\n"));
	n = ramfs_lookup_in(&fs, "/a/b");
	KT_ASSERT(n);
	KT_EXPECT_EQ(n->mode, S_IFDIR | 0755);	/* implicit */
	KT_EXPECT_EQ(fs.root.mode, S_IFDIR | 0711);
	n = ramfs_lookup_in(&fs, "/dev/console");
	KT_ASSERT(n);
	KT_EXPECT_EQ(n->mode, S_IFCHR | 0600);
	KT_EXPECT_EQ(n->rdev_major, 5);
	KT_EXPECT_EQ(n->rdev_minor, 10);
	KT_EXPECT_EQ(fs.nr_nodes, 8);	/* x y abs a b c dev console */
	itest_check_tree(&fs);
	ramfs_clear(&fs);
	KT_EXPECT_EQ(fs.root.mode, S_IFDIR | 0755);
	itest_buf_put(a.p, 0);
	KT_EXPECT_USAGE(&start);
}

/* A later entry replaces an earlier one of the same name, as in Linux. */
KTEST(initramfs, duplicates_replace)
{
	struct itest_usage start = itest_usage();
	struct ramfs fs = RAMFS_INIT;
	struct itest_ar a = { .p = itest_buf_get(0), .cap = PAGE_SIZE };

	KT_ASSERT(a.p);
	itest_ar_file(&a, "f", "one");
	itest_ar_file(&a, "f", "two!");
	itest_ar_file(&a, "d/c/deeper", "gone");
	itest_ar_file(&a, "d", "d is a file now");	/* drops d's subtree */
	itest_ar_file(&a, "g", "g");
	itest_ar_dir(&a, "g", 0755);
	itest_ar_file(&a, "h/kept", "kept");
	itest_ar_dir(&a, "h", 0750);		/* dir over dir: merge */
	itest_ar_trailer(&a);
	KT_EXPECT_EQ(initramfs_unpack_into(&fs, a.p, a.off), 0);
	KT_EXPECT(itest_text_is(&fs, "/f", "two!"));
	KT_EXPECT(itest_text_is(&fs, "/d", "d is a file now"));
	KT_EXPECT(!ramfs_lookup_in(&fs, "/d/c"));
	KT_EXPECT(S_ISDIR(ramfs_lookup_in(&fs, "/g")->mode));
	KT_EXPECT(itest_text_is(&fs, "/h/kept", "kept"));
	KT_EXPECT_EQ(ramfs_lookup_in(&fs, "/h")->mode, S_IFDIR | 0750);
	KT_EXPECT_EQ(fs.nr_nodes, 5);	/* f d g h kept */
	KT_EXPECT_EQ(ramfs_nodes_in_use(), start.nodes + 5);
	itest_check_tree(&fs);
	ramfs_clear(&fs);
	itest_buf_put(a.p, 0);
	KT_EXPECT_USAGE(&start);
}

/* The limits themselves are accepted: 255-byte names, 64 levels. */
KTEST(initramfs, limits_accepted)
{
	struct itest_usage start = itest_usage();
	struct ramfs fs = RAMFS_INIT;
	struct itest_ar a = { .p = itest_buf_get(0), .cap = PAGE_SIZE };
	char *name = kzalloc(RAMFS_NAME_MAX + 1);

	KT_ASSERT(a.p && name);
	memset(name, 'n', RAMFS_NAME_MAX);
	itest_ar_file(&a, name, "long");
	/* "d/d/.../d": 64 components, 127 bytes. */
	memset(name, 0, RAMFS_NAME_MAX + 1);
	for (int i = 0; i < RAMFS_MAX_DEPTH; i++)
		memcpy(name + 2 * i, "d/", 2);
	name[2 * RAMFS_MAX_DEPTH - 1] = '\0';
	itest_ar_file(&a, name, "deep");
	itest_ar_trailer(&a);
	KT_EXPECT_EQ(initramfs_unpack_into(&fs, a.p, a.off), 0);
	KT_EXPECT_EQ(fs.nr_nodes, 1 + RAMFS_MAX_DEPTH);
	itest_check_tree(&fs);
	ramfs_clear(&fs);
	kfree(name);
	itest_buf_put(a.p, 0);
	KT_EXPECT_USAGE(&start);
}

/* Empty input, all zeros, and zero padding are fine. */
KTEST(initramfs, empty_and_padding)
{
	struct itest_usage start = itest_usage();
	struct ramfs fs = RAMFS_INIT;
	u8 *buf = itest_buf_get(0);

	KT_ASSERT(buf);
	KT_EXPECT_EQ(initramfs_unpack_into(&fs, buf, 0), 0);
	KT_EXPECT_EQ(initramfs_unpack_into(&fs, buf, PAGE_SIZE), 0);
	KT_EXPECT_EQ(fs.nr_nodes, 0);
	KT_EXPECT_EQ(fs.nr_archives, 0);
	itest_buf_put(buf, 0);
	KT_EXPECT_USAGE(&start);
}

/* ---- the boot module ---- */

/*
 * Run the boot path (a no-op if boot already did) and check rootfs: a
 * sound tree whose data all lies inside module 0. Passes trivially when
 * QEMU was started without -initrd.
 */
KTEST(initramfs, boot_module)
{
	const struct multiboot_module *mod;
	const u8 *lo, *hi;
	struct ramfs_node *n;

	initramfs_init();
	if (!(boot_info->flags & MULTIBOOT_INFO_MODS) ||
	    !boot_info->mods_count) {
		console_printf("# initramfs: no boot module to check\n");
		return;
	}
	mod = __va(boot_info->mods_addr);
	lo = __va(mod->mod_start);
	hi = __va(mod->mod_end);
	itest_check_tree(&rootfs);
	for (n = &rootfs.root; n; n = ramfs_walk_next(&rootfs.root, n))
		if (n->size)
			KT_EXPECT((const u8 *)n->data >= lo &&
				  (const u8 *)n->data + n->size <= hi);
	console_printf("# initramfs: rootfs has %u nodes\n", rootfs.nr_nodes);
}
