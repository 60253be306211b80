/*
 * fault_brk_shrunk: memory given back by shrinking the break is gone.
 * Grow the break by three pages, touch the middle one, shrink back,
 * and touch it again: that page is no longer mapped, a #PF (SIGSEGV on
 * Linux, whose brk unmaps it). The store is in asm so that the
 * compiler cannot reason about it.
 */
#include <sys/syscall.h>
#include "lib/entry.h"
#include "lib/tap.h"

int
main(void)
{
	unsigned long start = entry_syscall1(ENTRY_GS, SYS_brk, 0);
	unsigned long top = (start + 4095) & ~4095UL;
	unsigned long page = top + 4096;

	if ((unsigned long)entry_syscall1(ENTRY_GS, SYS_brk, top + 3 * 4096) !=
	    top + 3 * 4096) {
		ok(0, "brk could not grow the heap");
		return done_testing();
	}
	__asm__ volatile("movb $1, (%0)" : : "r"(page) : "memory");
	entry_syscall1(ENTRY_GS, SYS_brk, start);
	fault_announce("store to a page the break no longer covers");
	__asm__ volatile("movb $2, (%0)" : : "r"(page) : "memory");
	return fault_survived("a store above the shrunk break");
}
