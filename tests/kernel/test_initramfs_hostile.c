/*
 * The initramfs suite on hostile input (kernel/initramfs.c): archives
 * damaged in every way the unpacker must refuse, and every truncation of
 * a good one. Each refusal is -EINVAL without a read outside the buffer,
 * a leak, or a change to the tree beyond the entries before the bad one.
 */
#include <asm/page.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "initramfs_test.h"

/*
 * Each case appends a malformed tail to an archive that starts with the
 * good entry "good/file" and returns the length to unpack. Where a case
 * cuts the archive short, the bytes past that length are still a valid
 * rest of it, so reading past the end would turn a refusal into success.
 */
struct hostile {
	const char *name;
	size_t (*make)(struct itest_ar *a);
	unsigned nodes;		/* in the tree after the refusal */
};

static size_t bad_magic(struct itest_ar *a)
{
	itest_ar_file(a, "x", "x");
	memcpy(a->p + a->last, "070707", 6);	/* the old "odc" format */
	itest_ar_trailer(a);
	return a->off;
}

static size_t bad_magic_char(struct itest_ar *a)
{
	itest_ar_file(a, "x", "x");
	a->p[a->last + 5] = 'l';
	itest_ar_trailer(a);
	return a->off;
}

static size_t truncated_header(struct itest_ar *a)
{
	itest_ar_trailer(a);
	return a->last + 50;
}

static size_t one_byte_of_header(struct itest_ar *a)
{
	itest_ar_trailer(a);
	return a->last + 1;
}

static size_t non_hex_digit(struct itest_ar *a)
{
	itest_ar_file(a, "x", "x");
	itest_set_field(a, a->last, F_FILESIZE, "0000000G");
	itest_ar_trailer(a);
	return a->off;
}

static size_t space_in_field(struct itest_ar *a)
{
	itest_ar_file(a, "x", "x");
	itest_set_field(a, a->last, F_MODE, " 00081A4");
	itest_ar_trailer(a);
	return a->off;
}

static size_t hex_prefix(struct itest_ar *a)
{
	itest_ar_file(a, "x", "x");
	itest_set_field(a, a->last, F_NAMESIZE, "0x000002");
	itest_ar_trailer(a);
	return a->off;
}

static size_t namesize_zero(struct itest_ar *a)
{
	itest_ar_file(a, "x", "x");
	itest_set_field(a, a->last, F_NAMESIZE, "00000000");
	itest_ar_trailer(a);
	return a->off;
}

static size_t namesize_huge(struct itest_ar *a)
{
	itest_ar_file(a, "x", "x");
	itest_set_field(a, a->last, F_NAMESIZE, "FFFFFFFF");
	itest_ar_trailer(a);
	return a->off;
}

static size_t namesize_over_path_max(struct itest_ar *a)
{
	itest_ar_file(a, "x", "x");
	itest_set_field(a, a->last, F_NAMESIZE, "00001001");
	itest_ar_trailer(a);
	return a->cap;
}

static size_t name_past_end(struct itest_ar *a)
{
	itest_ar_file(a, "x", "x");
	itest_set_field(a, a->last, F_NAMESIZE, "00000F00");
	return a->off;
}

static size_t name_not_terminated(struct itest_ar *a)
{
	itest_ar_file(a, "abc", "x");
	a->p[a->last + HDR_LEN + 3] = 'X';
	itest_ar_trailer(a);
	return a->off;
}

static size_t nul_inside_name(struct itest_ar *a)
{
	/* "ab" then two NULs: the padding makes namesize 4 fit. */
	itest_ar_file(a, "ab", "x");
	itest_set_field(a, a->last, F_NAMESIZE, "00000004");
	itest_ar_trailer(a);
	return a->off;
}

static size_t name_padding_past_end(struct itest_ar *a)
{
	size_t cut;

	itest_ar_entry(a, "xy", S_IFREG | 0644, NULL, 0, 1, 0);
	cut = a->last + HDR_LEN + 3;	/* 113: padding to 116 is cut */
	itest_ar_trailer(a);
	return cut;
}

static size_t data_past_end(struct itest_ar *a)
{
	itest_ar_file(a, "x", "data");
	itest_set_field(a, a->last, F_FILESIZE, "00010000");
	itest_ar_trailer(a);
	return a->off;
}

static size_t data_size_wraps(struct itest_ar *a)
{
	itest_ar_file(a, "x", "data");
	itest_set_field(a, a->last, F_FILESIZE, "FFFFFFFF");
	itest_ar_trailer(a);
	return a->off;
}

static size_t data_cut(struct itest_ar *a)
{
	size_t cut;

	itest_ar_file(a, "x", "abcdefgh");
	cut = a->off - 3;
	itest_ar_trailer(a);
	return cut;
}

static size_t data_padding_past_end(struct itest_ar *a)
{
	size_t cut;

	itest_ar_file(a, "x", "abcde");	/* 5 bytes, then 3 of padding */
	cut = a->off - 3;
	itest_ar_trailer(a);
	return cut;
}

static size_t file_as_dir(struct itest_ar *a)
{
	itest_ar_file(a, "f", "a file");
	itest_ar_file(a, "f/g", "under a file");
	itest_ar_trailer(a);
	return a->off;
}

static size_t file_as_dir_deep(struct itest_ar *a)
{
	itest_ar_dir(a, "good/file/x/y", 0755);
	itest_ar_trailer(a);
	return a->off;
}

static size_t symlink_as_dir(struct itest_ar *a)
{
	itest_ar_entry(a, "l", S_IFLNK | 0777, "good", 4, 1, 0);
	itest_ar_file(a, "l/file", "through a symlink");
	itest_ar_trailer(a);
	return a->off;
}

static size_t component_too_long(struct itest_ar *a)
{
	char name[RAMFS_NAME_MAX + 6] = "new/";

	memset(name + 4, 'x', RAMFS_NAME_MAX + 1);
	itest_ar_file(a, name, "x");
	itest_ar_trailer(a);
	return a->off;
}

static size_t nested_too_deep(struct itest_ar *a)
{
	char name[2 * (RAMFS_MAX_DEPTH + 1)] = "";

	for (int i = 0; i <= RAMFS_MAX_DEPTH; i++)
		memcpy(name + 2 * i, "d/", 2);
	name[2 * RAMFS_MAX_DEPTH + 1] = '\0';
	itest_ar_file(a, name, "x");
	itest_ar_trailer(a);
	return a->off;
}

static size_t dotdot(struct itest_ar *a)
{
	itest_ar_file(a, "new/../x", "x");
	itest_ar_trailer(a);
	return a->off;
}

static size_t dotdot_first(struct itest_ar *a)
{
	itest_ar_file(a, "../etc/passwd", "x");
	itest_ar_trailer(a);
	return a->off;
}

static size_t no_trailer(struct itest_ar *a)
{
	return a->off;
}

static size_t junk_after_trailer(struct itest_ar *a)
{
	itest_ar_trailer(a);
	itest_ar_bytes(a, "JUNK", 4);
	return a->off;
}

static size_t unaligned_second_archive(struct itest_ar *a)
{
	itest_ar_trailer(a);
	itest_ar_bytes(a, "\0\0", 2);
	itest_ar_file(a, "x", "x");
	itest_ar_trailer(a);
	return a->off;
}

static size_t gzip(struct itest_ar *a)
{
	itest_ar_trailer(a);
	itest_ar_bytes(a, "\x1f\x8b\x08\x00", 4);
	return a->off;
}

static size_t no_file_type(struct itest_ar *a)
{
	itest_ar_entry(a, "x", 0644, "x", 1, 1, 0);
	itest_ar_trailer(a);
	return a->off;
}

static size_t all_type_bits(struct itest_ar *a)
{
	itest_ar_entry(a, "x", S_IFMT | 0644, NULL, 0, 1, 0);
	itest_ar_trailer(a);
	return a->off;
}

static size_t dir_with_data(struct itest_ar *a)
{
	itest_ar_entry(a, "d", S_IFDIR | 0755, "abcd", 4, 2, 0);
	itest_ar_trailer(a);
	return a->off;
}

static size_t device_with_data(struct itest_ar *a)
{
	itest_ar_entry(a, "c", S_IFCHR | 0600, "abcd", 4, 1, 0);
	itest_ar_trailer(a);
	return a->off;
}

static size_t symlink_empty(struct itest_ar *a)
{
	itest_ar_entry(a, "l", S_IFLNK | 0777, NULL, 0, 1, 0);
	itest_ar_trailer(a);
	return a->off;
}

static size_t symlink_nul(struct itest_ar *a)
{
	itest_ar_entry(a, "l", S_IFLNK | 0777, "a\0b", 3, 1, 0);
	itest_ar_trailer(a);
	return a->off;
}

static size_t symlink_too_long(struct itest_ar *a)
{
	/* RAMFS_PATH_MAX bytes of target: one more than a path can hold. */
	itest_ar_entry(a, "l", S_IFLNK | 0777, NULL, 0, 1, 0);
	itest_set_field(a, a->last, F_FILESIZE, "00001000");
	if (a->off + RAMFS_PATH_MAX > a->cap)
		return 0;
	memset(a->p + a->off, 'a', RAMFS_PATH_MAX);
	a->off += RAMFS_PATH_MAX;
	itest_ar_trailer(a);
	return a->off;
}

static size_t root_not_dir(struct itest_ar *a)
{
	itest_ar_file(a, ".", "the root as a file");
	itest_ar_trailer(a);
	return a->off;
}

#define HOSTILE(fn, nodes)	{ #fn, fn, nodes }

static const struct hostile hostile_cases[] = {
	HOSTILE(bad_magic, 2),
	HOSTILE(bad_magic_char, 2),
	HOSTILE(truncated_header, 2),
	HOSTILE(one_byte_of_header, 2),
	HOSTILE(non_hex_digit, 2),
	HOSTILE(space_in_field, 2),
	HOSTILE(hex_prefix, 2),
	HOSTILE(namesize_zero, 2),
	HOSTILE(namesize_huge, 2),
	HOSTILE(namesize_over_path_max, 2),
	HOSTILE(name_past_end, 2),
	HOSTILE(name_not_terminated, 2),
	HOSTILE(nul_inside_name, 2),
	HOSTILE(name_padding_past_end, 2),
	HOSTILE(data_past_end, 2),
	HOSTILE(data_size_wraps, 2),
	HOSTILE(data_cut, 2),
	HOSTILE(data_padding_past_end, 2),
	HOSTILE(file_as_dir, 3),
	HOSTILE(file_as_dir_deep, 2),
	HOSTILE(symlink_as_dir, 3),
	HOSTILE(component_too_long, 2),
	HOSTILE(nested_too_deep, 2),
	HOSTILE(dotdot, 2),
	HOSTILE(dotdot_first, 2),
	HOSTILE(no_trailer, 2),
	HOSTILE(junk_after_trailer, 2),
	HOSTILE(unaligned_second_archive, 2),
	HOSTILE(gzip, 2),
	HOSTILE(no_file_type, 2),
	HOSTILE(all_type_bits, 2),
	HOSTILE(dir_with_data, 2),
	HOSTILE(device_with_data, 2),
	HOSTILE(symlink_empty, 2),
	HOSTILE(symlink_nul, 2),
	HOSTILE(symlink_too_long, 2),
	HOSTILE(root_not_dir, 2),
};

/*
 * Every case is refused with -EINVAL; what came before it stays, in a
 * consistent tree (a refused entry creates nothing, not even parents);
 * clearing gives everything back.
 */
KTEST(initramfs, hostile_refused)
{
	struct itest_usage start = itest_usage();
	/* Two pages: room for a name or a symlink target over the limit. */
	struct itest_ar a = { .p = itest_buf_get(1), .cap = 2 * PAGE_SIZE };

	KT_ASSERT(a.p);
	for (unsigned i = 0; i < ARRAY_SIZE(hostile_cases); i++) {
		const struct hostile *c = &hostile_cases[i];
		struct ramfs fs = RAMFS_INIT;
		size_t len;
		int err;

		memset(a.p, 0, a.cap);
		a.off = 0;
		itest_ar_file(&a, "good/file", "ok\n");
		len = c->make(&a);
		err = initramfs_unpack_into(&fs, a.p, len);
		if (err != -EINVAL)
			ktest_fail(__FILE__, __LINE__, "%s: got %d, want %d",
				   c->name, err, -EINVAL);
		if (!itest_text_is(&fs, "/good/file", "ok\n"))
			ktest_fail(__FILE__, __LINE__, "%s: good/file lost",
				   c->name);
		if (fs.nr_nodes != c->nodes)
			ktest_fail(__FILE__, __LINE__, "%s: %u nodes, want %u",
				   c->name, fs.nr_nodes, c->nodes);
		itest_check_tree(&fs);
		ramfs_clear(&fs);
		if (ramfs_nodes_in_use() != start.nodes)
			ktest_fail(__FILE__, __LINE__, "%s: nodes leaked",
				   c->name);
	}
	itest_buf_put(a.p, 1);
	KT_EXPECT_USAGE(&start);
}

/*
 * Every prefix of a good archive that stops short of its trailer is
 * refused (the bytes after it are still there to be misread), every
 * longer one accepted, and nothing leaks either way.
 */
KTEST(initramfs, every_truncation)
{
	struct itest_usage start = itest_usage();
	struct ramfs fs = RAMFS_INIT;
	size_t end = 0;
	int wrong = 0;
	int saved = console_loglevel;

	/* The archive is complete once its trailer's name and padding are. */
	for (size_t i = 0; i + 11 <= FIXTURE_A_LEN; i++)
		if (!memcmp(initramfs_fixture_a + i, "TRAILER!!!", 11))
			end = ALIGN_UP(i + 11, 4);
	KT_ASSERT(end > HDR_LEN);
	/* Thousands of refusals: keep their warnings off the console. */
	console_loglevel = LOGLEVEL_DEFAULT;
	for (size_t len = 1; len <= FIXTURE_A_LEN; len++) {
		int err = initramfs_unpack_into(&fs, initramfs_fixture_a, len);

		wrong += err != (len < end ? -EINVAL : 0);
		ramfs_clear(&fs);
	}
	console_loglevel = saved;
	KT_EXPECT_EQ(wrong, 0);
	KT_EXPECT_USAGE(&start);
}
