/*
 * initramfs: unpack the cpio archives the boot loader hands over as the
 * first multiboot module into rootfs (include/kernel/ramfs.h).
 *
 * The format is Linux's (Documentation/driver-api/early-userspace/
 * buffer-format.rst): "newc" entries, each a 110-byte ASCII header (magic
 * 070701, or 070702 whose checksum we ignore, then 13 fields of 8 hex
 * digits), the NUL-terminated name, padding to 4 bytes, the data, padding
 * to 4 bytes. TRAILER!!! ends an archive; zero bytes may follow, then
 * another archive at a 4-byte boundary. Offsets and alignment count from
 * the start of the buffer, as Linux's do.
 *
 * The input is untrusted: every length is checked against what is left
 * of the buffer before it is used, and anything malformed is refused with
 * -EINVAL and a warning naming the offset. Linux is more lenient (it
 * stops quietly at a truncation, skips unknown types and dot-dots); here
 * only what real cpio tools produce is accepted.
 */
#include <asm/page.h>
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/multiboot.h>
#include <kernel/printk.h>
#include <kernel/ramfs.h>
#include <kernel/string.h>

#define CPIO_HDR_LEN	110
#define CPIO_MAGIC_LEN	6
#define CPIO_FIELDS	13
#define CPIO_TRAILER	"TRAILER!!!"

/* The header fields we use (archive order: these, then the checksum). */
struct cpio_hdr {
	u32 ino, mode, uid, gid, nlink, mtime, filesize;
	u32 dev_major, dev_minor, rdev_major, rdev_minor, namesize;
};

/* One unpacking run: the buffer, and where in it we are. */
struct unpacker {
	struct ramfs *fs;
	const u8 *buf;
	size_t len;
	size_t off;		/* start of the entry being read */
	u32 archive;		/* its archive's number in fs */
};

/* Log why the entry at off is refused and return -EINVAL. */
static int refuse(size_t off, const char *why)
{
	pr_warn("initramfs: %s at offset %u\n", why, (u32)off);
	return -EINVAL;
}

/* Parse exactly 8 hex digits; false on anything else (Linux is laxer). */
static bool parse_hex8(const u8 *s, u32 *out)
{
	u32 v = 0;

	for (int i = 0; i < 8; i++) {
		u8 c = s[i];

		if (c >= '0' && c <= '9')
			c -= '0';
		else if (c >= 'a' && c <= 'f')
			c -= 'a' - 10;
		else if (c >= 'A' && c <= 'F')
			c -= 'A' - 10;
		else
			return false;
		v = v << 4 | c;
	}
	*out = v;
	return true;
}

/*
 * Advance *pos over n bytes and the padding to 4 that follows them;
 * false, leaving *pos alone, if that runs past the end of the buffer.
 */
static bool take(const struct unpacker *u, size_t *pos, size_t n)
{
	size_t left = u->len - *pos;
	size_t pad;

	if (n > left)
		return false;
	pad = -(*pos + n) & 3;
	if (pad > left - n)
		return false;
	*pos += n + pad;
	return true;
}

/* Give every hard link of n in this archive the data the set carries. */
static void share_hard_links(const struct unpacker *u, struct ramfs_node *n)
{
	struct ramfs_node *m = &u->fs->root;

	/* GNU cpio stores the data with the last link only; others get 0. */
	while ((m = ramfs_walk_next(&u->fs->root, m))) {
		if (m == n || !S_ISREG(m->mode) || m->nlink < 2 ||
		    m->archive != n->archive || m->ino != n->ino ||
		    m->dev_major != n->dev_major ||
		    m->dev_minor != n->dev_minor)
			continue;
		if (n->size) {
			m->data = n->data;
			m->size = n->size;
		} else if (m->size) {
			n->data = m->data;
			n->size = m->size;
		}
	}
}

/* The checks on an entry's type and data that need no tree. */
static const char *check_entry(const struct cpio_hdr *h, const u8 *data)
{
	switch (h->mode & S_IFMT) {
	case S_IFREG:
		return NULL;
	case S_IFLNK:
		if (!h->filesize || h->filesize >= RAMFS_PATH_MAX)
			return "bad symlink target length";
		if (strnlen((const char *)data, h->filesize) != h->filesize)
			return "NUL in a symlink target";
		return NULL;
	case S_IFDIR:
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		if (h->filesize)
			return "data on a directory or device";
		return NULL;
	default:
		return "unknown file type";
	}
}

/* Is name "", ".", "./", "/" or the like: a name for the root itself? */
static bool names_root(const char *name)
{
	for (; *name; name++)
		if (*name != '/' && !(name[0] == '.' &&
				      (name[1] == '/' || !name[1])))
			return false;
	return true;
}

/* Put one parsed entry into the tree. */
static int add_entry(struct unpacker *u, const struct cpio_hdr *h,
		     const char *name, const u8 *data)
{
	struct ramfs_node *n;
	const char *why = check_entry(h, data);
	int err;

	if (why)
		return refuse(u->off, why);
	if (names_root(name)) {
		/* "." sets the root's attributes; it cannot replace it. */
		if (!S_ISDIR(h->mode))
			return refuse(u->off, "a non-directory as the root");
		n = &u->fs->root;
		n->mode = h->mode;
	} else {
		err = ramfs_mknod(u->fs, name, h->mode, &n, &why);
		if (err == -EINVAL)
			return refuse(u->off, why);
		if (err)
			return err;
	}
	n->uid = h->uid;
	n->gid = h->gid;
	n->mtime = h->mtime;
	n->ino = h->ino;
	n->nlink = h->nlink;
	n->rdev_major = h->rdev_major;
	n->rdev_minor = h->rdev_minor;
	n->dev_major = h->dev_major;
	n->dev_minor = h->dev_minor;
	n->archive = u->archive;
	if (S_ISREG(h->mode) || S_ISLNK(h->mode)) {
		/* Zero-copy: the buffer outlives the tree (see ramfs.h). */
		n->data = h->filesize ? data : NULL;
		n->size = h->filesize;
	}
	if (S_ISREG(h->mode) && h->nlink > 1)
		share_hard_links(u, n);
	return 0;
}

/*
 * Read the entry at u->off and add it to the tree; u->off moves past
 * it. *trailer says it was TRAILER!!!. Returns 0 or a negative errno.
 */
static int next_entry(struct unpacker *u, bool *trailer)
{
	const u8 *hdr = u->buf + u->off;
	struct cpio_hdr h;
	u32 f[CPIO_FIELDS];
	size_t pos = u->off;
	const char *name;
	const u8 *data;
	int err;

	if (u->len - u->off < CPIO_HDR_LEN)
		return refuse(u->off, "truncated header");
	if (memcmp(hdr, "070701", CPIO_MAGIC_LEN) &&
	    memcmp(hdr, "070702", CPIO_MAGIC_LEN))
		return refuse(u->off, "bad magic");
	for (int i = 0; i < CPIO_FIELDS; i++)
		if (!parse_hex8(hdr + CPIO_MAGIC_LEN + 8 * i, &f[i]))
			return refuse(u->off + CPIO_MAGIC_LEN + 8 * i,
				      "non-hex digit in a header field");
	h = (struct cpio_hdr){
		.ino = f[0], .mode = f[1], .uid = f[2], .gid = f[3],
		.nlink = f[4], .mtime = f[5], .filesize = f[6],
		.dev_major = f[7], .dev_minor = f[8],
		.rdev_major = f[9], .rdev_minor = f[10], .namesize = f[11],
	};

	pos += CPIO_HDR_LEN;
	if (h.namesize == 0 || h.namesize > RAMFS_PATH_MAX)
		return refuse(u->off, "bad name size");
	name = (const char *)u->buf + pos;
	if (!take(u, &pos, h.namesize))
		return refuse(u->off, "name or its padding past the end");
	if (strnlen(name, h.namesize) != h.namesize - 1)
		return refuse(u->off, "name not NUL-terminated");

	data = u->buf + pos;
	if (!take(u, &pos, h.filesize))
		return refuse(u->off, "data or its padding past the end");

	*trailer = !strcmp(name, CPIO_TRAILER);
	if (!*trailer) {
		err = add_entry(u, &h, name, data);
		if (err)
			return err;
	}
	u->off = pos;
	return 0;
}

int initramfs_unpack_into(struct ramfs *fs, const void *buf, size_t len)
{
	struct unpacker u = { .fs = fs, .buf = buf, .len = len };
	bool in_archive = false, trailer;
	int err;

	while (u.off < len) {
		if (!in_archive) {
			/* Between archives: zero padding, then a header. */
			if (u.buf[u.off] == 0) {
				u.off++;
				continue;
			}
			if (len - u.off >= 2 && u.buf[u.off] == 0x1f &&
			    u.buf[u.off + 1] == 0x8b)
				return refuse(u.off,
					      "gzip data (compressed initramfs not supported)");
			if (u.off & 3)
				return refuse(u.off, "junk between archives");
			in_archive = true;
			u.archive = ++fs->nr_archives;
		}
		err = next_entry(&u, &trailer);
		if (err)
			return err;
		if (trailer)
			in_archive = false;
	}
	if (in_archive)
		return refuse(len, "archive without TRAILER!!!");
	return 0;
}

int initramfs_unpack(const void *buf, size_t len)
{
	return initramfs_unpack_into(&rootfs, buf, len);
}

void initramfs_init(void)
{
	static bool done;
	const struct multiboot_module *mod;
	const char *name = "(unnamed)";
	u32 start, end;
	int err;

	if (done)
		return;
	done = true;
	if (!(boot_info->flags & MULTIBOOT_INFO_MODS) ||
	    !boot_info->mods_count) {
		pr_info("initramfs: none (no boot module)\n");
		return;
	}
	mod = __va(boot_info->mods_addr);
	start = mod->mod_start;
	end = mod->mod_end;
	if (mod->string)
		name = __va(mod->string);
	/* mm/ reserved the module; only lowmem is reachable through __va. */
	if (end < start || end > (u64)max_low_pfn << PAGE_SHIFT) {
		pr_warn("initramfs: module %.200s at %08x-%08x is not in low memory; ignored\n",
			name, start, end);
		return;
	}
	err = initramfs_unpack(__va(start), end - start);
	if (err)
		pr_err("initramfs: unpacking %.200s failed (%d); keeping what came before\n",
		       name, err);
	pr_info("initramfs: %u files, %u bytes from module %.200s\n",
		rootfs.nr_nodes, end - start, name);
}
