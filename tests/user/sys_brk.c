/*
 * sys_brk: the raw brk system call (45), Linux's semantics (mm/mmap.c):
 * it returns the new break, or the old one when it refuses; brk(0) asks.
 * New memory is zero-filled and writable; shrinking gives pages back,
 * so growing again gives fresh zeroed pages (above the page that holds
 * the old break: that one is never unmapped). A break below the start
 * of the heap, or in the kernel half, is refused.
 *
 * All the moving happens before any output (stdout could want memory),
 * and the break is put back where it was.
 */
#include <string.h>
#include <sys/syscall.h>
#include "lib/entry.h"
#include "lib/tap.h"

#define GROW	(64 * 1024)
#define PAGE	4096UL

static unsigned long
brk_(unsigned long to)
{
	return entry_syscall1(ENTRY_GS, SYS_brk, to);
}

/* Are the n bytes at p all zero? */
static int
zeroed(const unsigned char *p, unsigned long n)
{
	while (n--)
		if (*p++)
			return 0;
	return 1;
}

int
main(void)
{
	unsigned long start, again, grown, shrunk, regrown, low, high, top;
	unsigned long after_low, after_high, back;
	unsigned char *mem;
	int zero1, writable, zero2;

	start = brk_(0);
	again = brk_(0);
	grown = brk_(start + GROW);
	mem = (unsigned char *)start;
	zero1 = grown == start + GROW && zeroed(mem, GROW);
	if (grown == start + GROW) {
		memset(mem, 0xa5, GROW);
		writable = mem[0] == 0xa5 && mem[GROW - 1] == 0xa5;
	} else {
		writable = 0;
	}
	shrunk = brk_(start);
	regrown = brk_(start + GROW);
	top = (start + PAGE - 1) & ~(PAGE - 1);	/* first page wholly above start */
	zero2 = regrown == start + GROW && zeroed((unsigned char *)top,
						 start + GROW - top);
	brk_(start);
	low = brk_(0x1000);
	after_low = brk_(0);
	high = brk_(0xc0000000);
	after_high = brk_(0);
	back = brk_(start);

	plan(11);
	ok(start != 0 && start < 0xc0000000, "brk(0) gives the break: %#lx", start);
	is(again, start, "brk(0) again: unchanged");
	is(grown, start + GROW, "grow by 64 KiB: the new break");
	ok(zero1, "the new memory reads as zeros");
	ok(writable, "and can be written");
	is(shrunk, start, "shrink back: the old break");
	is(regrown, start + GROW, "grow again");
	ok(zero2, "the pages given back come back zeroed");
	is(low, start, "brk(0x1000), below the heap: refused, the break returned");
	is(after_low, start, "...and the break did not move");
	ok(high == start && after_high == start && back == start,
	   "brk(0xc0000000), the kernel half: refused, the break did not move");
	return done_testing();
}
