/*
 * sys_thread_area: set_thread_area (243) and get_thread_area (244), the
 * i386 TLS descriptors in GDT entries 6..8, with Linux's rules
 * (arch/x86/kernel/tls.c):
 *
 *   entry_number -1 allocates the first empty entry and writes its
 *   number back (the libc already holds one, loaded in %gs); none
 *   left is -ESRCH;
 *   an entry outside 6..8 is -EINVAL, for get_thread_area too;
 *   only present 32-bit data segments are accepted (-EINVAL for 16-bit,
 *   code or not-present ones), except the two "empty" forms, which
 *   clear the entry: LDT_empty (read_exec_only = seg_not_present = 1,
 *   the rest 0) and LDT_zero (everything 0);
 *   get_thread_area reads an entry back field by field; a cleared one
 *   reads as the LDT_empty form.
 *
 * A descriptor changed under a loaded %fs takes effect when the call
 * returns: i386 Linux reloads the segment registers on every return to
 * user mode. (Clearing one under a loaded %fs: sys_tls_stale.)
 */
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/thread_area.h>
#include "lib/entry.h"
#include "lib/tap.h"

#define TLS_MIN 6
#define TLS_MAX 8

static long
set_area(struct user_desc *u)
{
	return entry_syscall1(ENTRY_GS, SYS_set_thread_area, u);
}

static long
get_area(struct user_desc *u)
{
	return entry_syscall1(ENTRY_GS, SYS_get_thread_area, u);
}

/* A flat-ish 32-bit data segment at base, as a libc would ask for. */
static struct user_desc
data_desc(unsigned int entry, const void *base)
{
	struct user_desc u;

	memset(&u, 0, sizeof u);
	u.entry_number = entry;
	u.base_addr = (unsigned long)base;
	u.limit = 0xfffff;
	u.seg_32bit = 1;
	u.limit_in_pages = 1;
	u.useable = 1;
	return u;
}

static int
is_empty(const struct user_desc *u)
{
	return !u->base_addr && !u->limit && !u->seg_32bit && !u->contents &&
	       u->read_exec_only && !u->limit_in_pages && u->seg_not_present &&
	       !u->useable;
}

static unsigned long
read_fs0(void)
{
	unsigned long v;

	__asm__ volatile("movl %%fs:0, %0" : "=r"(v));
	return v;
}

static void
load_fs(unsigned sel)
{
	__asm__ volatile("movl %0, %%fs" : : "r"(sel) : "memory");
}

static unsigned
get_fs(void)
{
	unsigned sel;

	__asm__ volatile("movl %%fs, %0" : "=r"(sel));
	return sel & 0xffff;
}

static unsigned
get_gs(void)
{
	unsigned sel;

	__asm__ volatile("movl %%gs, %0" : "=r"(sel));
	return sel & 0xffff;
}

static unsigned long data_a[4] = { 0xaaaa0000, 0xaaaa0001 };
static unsigned long data_b[4] = { 0xbbbb0000, 0xbbbb0001 };

int
main(void)
{
	struct user_desc u, r;
	unsigned gs = get_gs(), libc_idx = gs >> 3, idx, sel;
	unsigned long tcb;
	int first_free = -1, nfree = 0, i, p;

	/* The libc's own entry, in %gs. */
	ok((gs & 7) == 3 && libc_idx >= TLS_MIN && libc_idx <= TLS_MAX,
	   "%%gs = %#x: a TLS entry of the GDT, RPL 3", gs);
	memset(&r, 0, sizeof r);
	r.entry_number = libc_idx;
	__asm__ volatile("movl %%gs:0, %0" : "=r"(tcb));
	is(get_area(&r), 0, "get_thread_area(%u)", libc_idx);
	ok(r.base_addr == tcb && r.seg_32bit && !r.seg_not_present,
	   "...a present 32-bit segment whose base %#x is %%gs:0", r.base_addr);

	for (i = TLS_MIN; i <= TLS_MAX; i++) {
		memset(&r, 0x55, sizeof r);
		r.entry_number = i;
		if (get_area(&r) == 0 && is_empty(&r)) {
			nfree++;
			if (first_free < 0)
				first_free = i;
		}
	}
	ok(nfree >= 1, "%d free TLS entries, the first is %d", nfree, first_free);

	/* Allocate, load, use. */
	u = data_desc(-1, data_a);
	is(set_area(&u), 0, "set_thread_area(entry -1)");
	idx = u.entry_number;
	is(idx, first_free, "it took the first free entry and said so");
	memset(&r, 0x55, sizeof r);
	r.entry_number = idx;
	is(get_area(&r), 0, "get_thread_area(%u)", idx);
	ok(r.entry_number == idx && r.base_addr == (unsigned long)data_a &&
	   r.limit == 0xfffff && r.seg_32bit && !r.contents &&
	   !r.read_exec_only && r.limit_in_pages && !r.seg_not_present &&
	   r.useable, "...reads back every field as set");

	sel = idx << 3 | 3;
	load_fs(sel);
	is(read_fs0(), data_a[0], "%%fs = %#x reads through the new descriptor", sel);
	__asm__ volatile("movl %0, %%fs:4" : : "r"(0x12345678UL) : "memory");
	is(data_a[1], 0x12345678, "...and writes through it");
	for (p = 0; p < ENTRY_NPATHS; p++) {
		entry_syscall0(p, SYS_getpid);
		ok(get_fs() == sel && read_fs0() == data_a[0],
		   "%%fs survives a call by %s", entry_path_name(p));
	}

	/* Move the base under the loaded %fs: seen as soon as we are back. */
	u = data_desc(idx, data_b);
	is(set_area(&u), 0, "set_thread_area(%u) again, another base", idx);
	ok(get_fs() == sel && read_fs0() == data_b[0],
	   "the loaded %%fs sees the new base after the call");
	load_fs(0);

	/* Entries outside 6..8. */
	{
		static const unsigned bad[] = { 5, 9, 0x7fffffff, 0xfffffffe, 0 };
		size_t k;

		for (k = 0; k < sizeof bad / sizeof bad[0]; k++) {
			u = data_desc(bad[k], data_a);
			is(set_area(&u), -EINVAL, "set_thread_area(entry %#x)", bad[k]);
			memset(&r, 0, sizeof r);
			r.entry_number = bad[k];
			is(get_area(&r), -EINVAL, "get_thread_area(entry %#x)", bad[k]);
		}
		r.entry_number = -1;
		is(get_area(&r), -EINVAL, "get_thread_area(entry -1)");
	}

	/* Descriptors a TLS entry may not hold. */
	u = data_desc(idx, data_a);
	u.seg_32bit = 0;
	is(set_area(&u), -EINVAL, "a 16-bit data segment");
	u.entry_number = -1;
	is(set_area(&u), -EINVAL, "a 16-bit data segment, entry -1...");
	is((int)u.entry_number, -1, "...allocates nothing");
	u = data_desc(idx, data_a);
	u.contents = 2;			/* code, non-conforming */
	is(set_area(&u), -EINVAL, "a code segment");
	u = data_desc(idx, data_a);
	u.seg_not_present = 1;
	is(set_area(&u), -EINVAL, "a not-present segment");
	memset(&r, 0, sizeof r);
	r.entry_number = idx;
	ok(get_area(&r) == 0 && r.base_addr == (unsigned long)data_b,
	   "the entry still holds what it held");

	/* Fill every entry, then one more. */
	{
		unsigned taken[3];
		int n = 0;

		while (n < 3) {
			u = data_desc(-1, data_a);
			if (set_area(&u) != 0)
				break;
			taken[n++] = u.entry_number;
		}
		is(n, nfree - 1, "the %d other free entries could be taken", nfree - 1);
		u = data_desc(-1, data_a);
		is(set_area(&u), -ESRCH, "then entry -1 is -ESRCH");
		is((int)u.entry_number, -1, "...and entry_number stays -1");
		while (n-- > 0) {
			memset(&u, 0, sizeof u);	/* LDT_zero: clears */
			u.entry_number = taken[n];
			set_area(&u);
		}
	}

	/* The empty forms clear an entry. */
	memset(&u, 0, sizeof u);
	u.entry_number = idx;
	u.read_exec_only = 1;
	u.seg_not_present = 1;
	is(set_area(&u), 0, "LDT_empty descriptor accepted");
	memset(&r, 0x55, sizeof r);
	r.entry_number = idx;
	ok(get_area(&r) == 0 && is_empty(&r), "...entry %u reads back empty", idx);
	u = data_desc(idx, data_a);
	set_area(&u);
	memset(&u, 0, sizeof u);
	u.entry_number = idx;
	is(set_area(&u), 0, "all-zero (LDT_zero) descriptor accepted");
	memset(&r, 0x55, sizeof r);
	r.entry_number = idx;
	ok(get_area(&r) == 0 && is_empty(&r), "...entry %u reads back empty", idx);
	u = data_desc(-1, data_a);
	ok(set_area(&u) == 0 && u.entry_number == (unsigned)first_free,
	   "the cleared entry is the first free one again");
	memset(&u, 0, sizeof u);
	u.entry_number = first_free;
	set_area(&u);

	ok(get_gs() == gs, "%%gs untouched throughout");
	return done_testing();
}
