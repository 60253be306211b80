/*
 * proc_mmap: mmap2 (192), the old mmap (90, its arguments in a struct),
 * munmap (91) and mprotect (125) in one process, with Linux 6.1's
 * answers: anonymous private and shared mappings come zero-filled and
 * writable; MAP_FIXED replaces what was there; munmap of a middle page
 * leaves a hole and intact neighbours; mprotect changes and restores
 * rights and keeps the contents (also through PROT_NONE); and every
 * errno case, in Linux's order of checks.
 *
 * Whether the kernel may read or write a page is asked without dying:
 * clock_gettime writes 8 bytes (-EFAULT if the page is not writable),
 * nanosleep reads 8 (-EFAULT if not readable; a zeroed timespec is a
 * zero sleep). The faults a process dies of are fault_munmapped,
 * fault_mprotect_write and fault_mmap_protnone.
 *
 * Linux randomizes addresses and lays mappings out top-down, this
 * kernel bottom-up: no address is asserted except ones this program
 * first proves free with MAP_FIXED_NOREPLACE. Everything mapped is
 * unmapped again (the harness counts pages).
 */
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <linux/mman.h>
#include "lib/entry.h"
#include "lib/tap.h"

#define PAGE		4096L
#define RW		(PROT_READ | PROT_WRITE)
#define ANON		(MAP_PRIVATE | MAP_ANONYMOUS)
#define TASK_SIZE	0xc0000000UL
/* An address both kernels leave free; checked with MAP_FIXED_NOREPLACE. */
#define FREE_ADDR	0x70000000UL

struct mmap_arg_struct {
	unsigned long addr, len, prot, flags, fd, offset;
};

static long
mmap2_path(enum entry_path p, unsigned long addr, unsigned long len, long prot,
	   long flags, long fd, unsigned long pgoff)
{
	return entry_syscall(p, SYS_mmap2, addr, len, prot, flags, fd, pgoff);
}

static long
mmap2_(unsigned long addr, unsigned long len, long prot, long flags, long fd,
       unsigned long pgoff)
{
	return mmap2_path(ENTRY_GS, addr, len, prot, flags, fd, pgoff);
}

static long
old_mmap(unsigned long addr, unsigned long len, long prot, long flags,
	 long fd, unsigned long offset)
{
	struct mmap_arg_struct a = { addr, len, prot, flags, fd, offset };

	return entry_syscall1(ENTRY_GS, SYS_mmap, &a);
}

static long
munmap_(unsigned long addr, unsigned long len)
{
	return entry_syscall2(ENTRY_GS, SYS_munmap, addr, len);
}

static long
mprotect_(unsigned long addr, unsigned long len, long prot)
{
	return entry_syscall3(ENTRY_GS, SYS_mprotect, addr, len, prot);
}

/* A mapping's address, or an error: -4095..-1. */
static int
mapped(long r)
{
	return (unsigned long)r < -4095UL;
}

/* Can the kernel write 8 bytes at p? (They are overwritten.) */
static int
kernel_writes(unsigned long p)
{
	return entry_syscall2(ENTRY_GS, SYS_clock_gettime, CLOCK_MONOTONIC,
			      p) == 0;
}

/* Can the kernel read 8 bytes at p? (Any answer but -EFAULT.) */
static int
kernel_reads(unsigned long p)
{
	return entry_syscall2(ENTRY_GS, SYS_nanosleep, p, 0) != -EFAULT;
}

/* Are the n bytes at p all c? */
static int
all(unsigned long p, int c, unsigned long n)
{
	const unsigned char *b = (const unsigned char *)p;

	while (n--)
		if (*b++ != (unsigned char)c)
			return 0;
	return 1;
}

static void
anonymous(void)
{
	long p = mmap2_(0, 3 * PAGE, RW, ANON, -1, 0);
	long s;

	ok(mapped(p) && !(p & (PAGE - 1)) && (unsigned long)p >= 0x10000 &&
	   (unsigned long)p < TASK_SIZE,
	   "mmap2 of 3 private anonymous pages: page aligned, user (%#lx)", p);
	if (!mapped(p)) {
		skip(3, "no mapping");
		return;
	}
	ok(all(p, 0, 3 * PAGE), "they read as zeros");
	memset((void *)p, 0x5a, 3 * PAGE);
	ok(all(p, 0x5a, 3 * PAGE), "they keep what is written");
	is(munmap_(p, 3 * PAGE), 0, "munmap of the 3 pages");

	s = mmap2_(0, 2 * PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ok(mapped(s) && all(s, 0, 2 * PAGE),
	   "MAP_SHARED|MAP_ANONYMOUS: zero-filled");
	if (mapped(s)) {
		memset((void *)s, 0x77, 2 * PAGE);
		ok(all(s, 0x77, 2 * PAGE), "and writable");
		is(munmap_(s, 2 * PAGE), 0, "munmap of the shared mapping");
	} else {
		skip(2, "no shared mapping");
	}

	p = old_mmap(0, PAGE, RW, ANON, -1, 0);
	ok(mapped(p) && all(p, 0, PAGE),
	   "old mmap (90), arguments in a struct: zeroed page");
	if (mapped(p))
		munmap_(p, PAGE);
	p = old_mmap(0, PAGE, RW, ANON, -1, 5 * PAGE);
	ok(mapped(p),
	   "old mmap: an aligned offset is fine for an anonymous map");
	if (mapped(p))
		munmap_(p, PAGE);

	/* Not touched, so nothing is allocated: fits in any RAM. */
	p = mmap2_(0, 0x40000000, PROT_NONE, ANON, -1, 0);
	ok(mapped(p), "1 GiB PROT_NONE reservation");
	if (mapped(p)) {
		is(mprotect_(p + 0x20000000, 2 * PAGE, RW), 0,
		   "mprotect two pages in its middle RW");
		memset((void *)(p + 0x20000000), 1, 2 * PAGE);
		ok(!kernel_reads(p) && !kernel_reads(p + 0x3ffff000),
		   "the rest still PROT_NONE");
		is(munmap_(p, 0x40000000), 0, "munmap of the whole GiB");
	} else {
		skip(3, "no reservation");
	}
}

static void
fixed(void)
{
	long p = mmap2_(0, 3 * PAGE, RW, ANON, -1, 0), q;

	if (!mapped(p)) {
		ok(0, "mmap2 of 3 pages: %ld", p);
		return;
	}
	memset((void *)p, 0xa5, 3 * PAGE);
	q = mmap2_(p + PAGE, PAGE, RW, ANON | MAP_FIXED, -1, 0);
	is(q, p + PAGE,
	   "MAP_FIXED over the middle page: mapped at that address");
	ok(all(p + PAGE, 0, PAGE), "the replaced page reads as zeros");
	ok(all(p, 0xa5, PAGE) && all(p + 2 * PAGE, 0xa5, PAGE),
	   "its neighbours keep their contents");
	q = mmap2_(p + PAGE, PAGE, PROT_READ, ANON | MAP_FIXED, -1, 0);
	ok(q == p + PAGE && !kernel_writes(p + PAGE) && kernel_reads(p + PAGE),
	   "MAP_FIXED PROT_READ over it: now read-only");
	ok(kernel_writes(p) && kernel_writes(p + 2 * PAGE),
	   "the neighbours stay writable");
	is(mmap2_(p, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0), -EEXIST,
	   "MAP_FIXED_NOREPLACE over a mapping: EEXIST");
	is(mmap2_(p - PAGE, 2 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0),
	   -EEXIST,
	   "MAP_FIXED_NOREPLACE overlapping one page of it: EEXIST");
	is(munmap_(p, 3 * PAGE), 0, "munmap of all three");

	q = mmap2_(FREE_ADDR, 2 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	is(q, FREE_ADDR, "MAP_FIXED_NOREPLACE at a free %#lx", FREE_ADDR);
	if (q == (long)FREE_ADDR) {
		munmap_(FREE_ADDR, 2 * PAGE);
		q = mmap2_(FREE_ADDR + 0x123, 2 * PAGE, RW, ANON, -1, 0);
		is(q, FREE_ADDR,
		   "a free hint (unaligned) is taken, rounded down");
		p = mmap2_(FREE_ADDR, PAGE, RW, ANON, -1, 0);
		ok(mapped(p) && p != (long)FREE_ADDR &&
		   p != (long)(FREE_ADDR + PAGE),
		   "a hint that is in use is not: %#lx", p);
		if (mapped(p))
			munmap_(p, PAGE);
		munmap_(FREE_ADDR, 2 * PAGE);
	} else {
		skip(2, "the address was not free");
	}
	p = mmap2_(TASK_SIZE, PAGE, RW, ANON, -1, 0);
	ok(mapped(p) && (unsigned long)p < TASK_SIZE,
	   "a hint in the kernel half: somewhere in user space (%#lx)", p);
	if (mapped(p))
		munmap_(p, PAGE);
}

static void
unmapping(void)
{
	long p = mmap2_(0, 3 * PAGE, RW, ANON, -1, 0), q;

	if (!mapped(p)) {
		ok(0, "mmap2 of 3 pages: %ld", p);
		return;
	}
	memset((void *)p, 0x11, PAGE);
	memset((void *)(p + PAGE), 0x22, PAGE);
	memset((void *)(p + 2 * PAGE), 0x33, PAGE);
	is(munmap_(p + PAGE, 1), 0,
	   "munmap of the middle page (length 1 rounds up)");
	ok(!kernel_writes(p + PAGE) && !kernel_reads(p + PAGE),
	   "the middle page is gone");
	ok(all(p, 0x11, PAGE) && all(p + 2 * PAGE, 0x33, PAGE),
	   "its neighbours keep their contents");
	memset((void *)p, 0x44, PAGE);
	memset((void *)(p + 2 * PAGE), 0x55, PAGE);
	ok(all(p, 0x44, PAGE) && all(p + 2 * PAGE, 0x55, PAGE),
	   "and are still writable");
	q = mmap2_(p + PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	ok(q == p + PAGE && all(q, 0, PAGE),
	   "the hole can be mapped again (MAP_FIXED_NOREPLACE), zero-filled");
	is(munmap_(p, 3 * PAGE), 0, "munmap of the whole range");
	is(munmap_(p, 3 * PAGE), 0, "munmap of a range with nothing mapped: 0");
	ok(!kernel_reads(p) && !kernel_reads(p + 2 * PAGE),
	   "all of it is gone");
}

static void
protecting(void)
{
	long p = mmap2_(0, 4 * PAGE, RW, ANON, -1, 0), g;

	if (!mapped(p)) {
		ok(0, "mmap2 of 4 pages: %ld", p);
		return;
	}
	memset((void *)p, 0x3c, 4 * PAGE);
	is(mprotect_(p + PAGE, PAGE, PROT_READ), 0,
	   "mprotect one page PROT_READ");
	ok(!kernel_writes(p + PAGE) && all(p + PAGE, 0x3c, PAGE),
	   "it is read-only and keeps its contents");
	ok(kernel_writes(p) && kernel_writes(p + 2 * PAGE),
	   "the pages around it stay writable");
	is(mprotect_(p + PAGE, PAGE, RW), 0, "mprotect it RW again");
	memset((void *)(p + PAGE), 0x3d, PAGE);
	ok(all(p + PAGE, 0x3d, PAGE), "it is writable again");

	memset((void *)(p + 2 * PAGE), 0x6e, PAGE);
	is(mprotect_(p + 2 * PAGE, PAGE, PROT_NONE), 0,
	   "mprotect one page PROT_NONE");
	ok(!kernel_reads(p + 2 * PAGE) && !kernel_writes(p + 2 * PAGE),
	   "the kernel can neither read nor write it");
	is(mprotect_(p + 2 * PAGE, PAGE, PROT_READ), 0,
	   "mprotect it PROT_READ");
	ok(all(p + 2 * PAGE, 0x6e, PAGE), "the contents survived PROT_NONE");
	is(mprotect_(p, 4 * PAGE, RW | PROT_EXEC), 0, "mprotect all four RWX");
	ok(kernel_writes(p) && kernel_writes(p + 2 * PAGE) &&
	   kernel_writes(p + 3 * PAGE),
	   "all writable");

	is(munmap_(p + 2 * PAGE, PAGE), 0, "munmap the third page");
	is(mprotect_(p, 4 * PAGE, PROT_READ), -ENOMEM,
	   "mprotect across the hole: ENOMEM");
	ok(!kernel_writes(p) && !kernel_writes(p + PAGE) &&
	   kernel_writes(p + 3 * PAGE),
	   "as on Linux, the pages before the hole changed, not the one after");
	is(mprotect_(p + 2 * PAGE, PAGE, PROT_READ), -ENOMEM,
	   "mprotect of the hole: ENOMEM");
	is(mprotect_(p, PAGE, PROT_READ | PROT_SEM), 0, "PROT_SEM is accepted");
	is(mprotect_(p, PAGE, PROT_READ | 0x10), -EINVAL,
	   "an unknown PROT bit: EINVAL");
	is(mprotect_(p, PAGE, PROT_READ | PROT_GROWSDOWN), -EINVAL,
	   "PROT_GROWSDOWN on a mapping that does not grow down: EINVAL");
	is(mprotect_(p, PAGE, PROT_READ | PROT_GROWSUP), -EINVAL,
	   "PROT_GROWSUP: EINVAL");
	is(mprotect_(p, PAGE, PROT_READ | PROT_GROWSUP | PROT_GROWSDOWN),
	   -EINVAL,
	   "PROT_GROWSUP|PROT_GROWSDOWN: EINVAL");
	is(mprotect_(p + 1, PAGE, PROT_READ), -EINVAL,
	   "an unaligned start: EINVAL");
	is(mprotect_(p + 2 * PAGE, 0, 0x10), 0,
	   "length 0: 0, before any other check");
	is(mprotect_(p, 0xfffff001, PROT_READ), -ENOMEM,
	   "a length that wraps: ENOMEM");
	is(mprotect_(TASK_SIZE, PAGE, PROT_READ), -ENOMEM,
	   "the kernel half: ENOMEM");
	is(munmap_(p, 4 * PAGE), 0, "munmap of the rest");

	g = mmap2_(0, 3 * PAGE, RW, ANON | MAP_GROWSDOWN, -1, 0);
	ok(mapped(g), "MAP_GROWSDOWN mapping");
	if (mapped(g)) {
		is(mprotect_(g + 2 * PAGE, PAGE, PROT_READ | PROT_GROWSDOWN), 0,
		   "mprotect of its last page with PROT_GROWSDOWN");
		ok(!kernel_writes(g) && !kernel_writes(g + PAGE),
		   "the change reached down to its start");
		is(mprotect_(g - PAGE, PAGE, PROT_READ | PROT_GROWSDOWN),
		   -ENOMEM,
		   "PROT_GROWSDOWN for a range below it: ENOMEM");
		munmap_(g, 3 * PAGE);
	} else {
		skip(3, "no mapping");
	}
}

static void
errors(void)
{
	int fds[2];
	long r;

	is(mmap2_(0, 0, RW, ANON, -1, 0), -EINVAL, "length 0: EINVAL");
	is(mmap2_(0, 0, RW, MAP_PRIVATE, -1, 0), -EBADF,
	   "length 0 with a bad fd: EBADF comes first");
	is(mmap2_(0, PAGE, RW, MAP_PRIVATE, -1, 0), -EBADF,
	   "fd -1 without MAP_ANONYMOUS: EBADF");
	is(mmap2_(0, PAGE, RW, MAP_PRIVATE, 1000, 0), -EBADF, "fd 1000: EBADF");
	is(mmap2_(0, PAGE, PROT_READ, MAP_PRIVATE, 1, 0), -ENODEV,
	   "the console, MAP_PRIVATE: ENODEV");
	is(mmap2_(0, PAGE, RW, MAP_SHARED, 1, 0), -ENODEV,
	   "the console, MAP_SHARED: ENODEV");
	is(mmap2_(0, PAGE, RW, MAP_SHARED_VALIDATE | 0x800000, 1, 0),
	   -EOPNOTSUPP,
	   "MAP_SHARED_VALIDATE with an unknown flag: EOPNOTSUPP");
	is(mmap2_(0, PAGE, RW, 0, 1, 0), -EINVAL,
	   "a file, neither shared nor private: EINVAL");
	is(mmap2_(0, PAGE, RW, MAP_PRIVATE | MAP_HUGETLB, 1, 0), -EINVAL,
	   "MAP_HUGETLB on a file that is not hugetlbfs: EINVAL");
	if (entry_syscall1(ENTRY_GS, SYS_pipe, fds) == 0) {
		is(mmap2_(0, PAGE, PROT_READ, MAP_PRIVATE, fds[0], 0), -ENODEV,
		   "a pipe's read end: ENODEV");
		is(mmap2_(0, PAGE, PROT_READ, MAP_PRIVATE, fds[1], 0), -EACCES,
		   "a pipe's write end, not readable: EACCES");
		is(mmap2_(0, PAGE, RW, MAP_SHARED, fds[0], 0), -EACCES,
		   "MAP_SHARED|PROT_WRITE of a read end: EACCES");
		close(fds[0]);
		close(fds[1]);
	} else {
		skip(3, "no pipe");
	}

	is(mmap2_(0, PAGE, RW, MAP_ANONYMOUS, -1, 0), -EINVAL,
	   "neither MAP_SHARED nor MAP_PRIVATE: EINVAL");
	is(mmap2_(0, PAGE, RW, MAP_ANONYMOUS | MAP_SHARED_VALIDATE, -1, 0),
	   -EINVAL,
	   "MAP_SHARED_VALIDATE anonymous: EINVAL (Linux 6.1)");
	is(mmap2_(0, PAGE, RW, MAP_ANONYMOUS | 0x4, -1, 0), -EINVAL,
	   "map type 4: EINVAL");
	is(mmap2_(0, 0xfffff001, RW, ANON, -1, 0), -ENOMEM,
	   "a length that wraps: ENOMEM");
	is(mmap2_(0, 0xc0000001, RW, ANON, -1, 0), -ENOMEM,
	   "a length above TASK_SIZE: ENOMEM");
	is(mmap2_(0, 0xfffff001, RW, MAP_ANONYMOUS, -1, 0), -ENOMEM,
	   "a length that wraps comes before the map type");
	is(mmap2_(FREE_ADDR + 1, PAGE, RW, ANON | MAP_FIXED, -1, 0), -EINVAL,
	   "MAP_FIXED at an unaligned address: EINVAL");
	is(mmap2_(FREE_ADDR + 1, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0),
	   -EINVAL,
	   "MAP_FIXED_NOREPLACE at an unaligned address: EINVAL");
	is(mmap2_(TASK_SIZE, PAGE, RW, ANON | MAP_FIXED, -1, 0), -ENOMEM,
	   "MAP_FIXED in the kernel half: ENOMEM");
	is(mmap2_(TASK_SIZE - PAGE, 2 * PAGE, RW, ANON | MAP_FIXED, -1, 0),
	   -ENOMEM,
	   "MAP_FIXED reaching into the kernel half: ENOMEM");
	is(mmap2_(0, 2 * PAGE, RW, ANON, -1, 0xffffffff), -EOVERFLOW,
	   "pgoff + pages wraps: EOVERFLOW");
	is(mmap2_(0, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN, -1,
		  0), -EINVAL,
	   "MAP_SHARED|MAP_GROWSDOWN: EINVAL");
	is(mmap2_(0, PAGE, RW, ANON | MAP_HUGETLB, -1, 0), -ENOMEM,
	   "MAP_HUGETLB with no huge pages reserved: ENOMEM");
	r = mmap2_(0, PAGE, PROT_READ | 0x10 | PROT_GROWSDOWN, ANON | 0x800000,
		   -1, 7);
	ok(mapped(r),
	   "unknown PROT bits and flags, any pgoff: ignored, as Linux does");
	if (mapped(r))
		munmap_(r, PAGE);

	is(old_mmap(0, PAGE, RW, ANON, -1, 4095), -EINVAL,
	   "old mmap, unaligned offset: EINVAL");
	is(old_mmap(0, 0, RW, ANON, 1000, 4095), -EINVAL,
	   "old mmap: the offset is checked before everything");
	is(entry_syscall1(ENTRY_GS, SYS_mmap, TASK_SIZE), -EFAULT,
	   "old mmap, the struct in the kernel half: EFAULT");

	is(munmap_(FREE_ADDR + 1, PAGE), -EINVAL, "munmap, unaligned: EINVAL");
	is(munmap_(FREE_ADDR, 0), -EINVAL, "munmap, length 0: EINVAL");
	is(munmap_(TASK_SIZE, PAGE), -EINVAL,
	   "munmap in the kernel half: EINVAL");
	is(munmap_(TASK_SIZE - PAGE, 2 * PAGE), -EINVAL,
	   "munmap reaching into the kernel half: EINVAL");
	is(munmap_(0xfffff000, PAGE), -EINVAL, "munmap at 0xfffff000: EINVAL");
	is(munmap_(0x60000000, 0x60000001), -EINVAL,
	   "munmap past TASK_SIZE: EINVAL");
}

/* The 6th argument (pgoff, in ebp) arrives on every path in. */
static void
paths(void)
{
	for (int p = 0; p < ENTRY_NPATHS; p++) {
		long r = mmap2_path(p, 0, PAGE, RW, ANON, -1, 3);

		is(mmap2_path(p, 0, 2 * PAGE, RW, ANON, -1, 0xffffffff),
		   -EOVERFLOW,
		   "%s: mmap2 sees pgoff 0xffffffff", entry_path_name(p));
		ok(mapped(r) && all(r, 0, PAGE), "%s: mmap2 maps a page",
		   entry_path_name(p));
		if (mapped(r))
			munmap_(r, PAGE);
	}
}

/* Many small mappings, all given back. */
static void
many(void)
{
	long m[64];
	int good = 0, gone = 0;

	for (int i = 0; i < 64; i++) {
		m[i] = mmap2_(0, PAGE, i & 1 ? RW : PROT_READ, ANON, -1, 0);
		if (mapped(m[i]) && all(m[i], 0, PAGE))
			good++;
		if (mapped(m[i]) && (i & 1))
			*(volatile char *)m[i] = 1;
	}
	for (int i = 0; i < 64; i++)
		if (mapped(m[i]) && munmap_(m[i], PAGE) == 0)
			gone++;
	is(good, 64, "64 single-page mappings");
	is(gone, 64, "all unmapped again");
}

int
main(void)
{
	anonymous();
	fixed();
	unmapping();
	protecting();
	errors();
	paths();
	many();
	return done_testing();
}
