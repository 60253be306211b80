/*
 * fault_munmapped: a page munmap took away is gone. Map three anonymous
 * pages, write to all, unmap the middle one and store to it again: no
 * VMA covers it any more, a #PF (SIGSEGV on Linux). The store is in asm
 * so that the compiler cannot reason about it.
 */
#include <sys/syscall.h>
#include <linux/mman.h>
#include "lib/entry.h"
#include "lib/tap.h"

int
main(void)
{
	long p = entry_syscall(ENTRY_GS, SYS_mmap2, 0, 3 * 4096,
			       PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long page = p + 4096;

	if ((unsigned long)p >= -4095UL) {
		ok(0, "mmap2 failed: %ld", p);
		return done_testing();
	}
	for (int i = 0; i < 3; i++)
		*(volatile char *)(p + i * 4096) = 1;
	if (entry_syscall2(ENTRY_GS, SYS_munmap, page, 4096)) {
		ok(0, "munmap failed");
		return done_testing();
	}
	fault_announce("store to a page munmap took away");
	__asm__ volatile("movb $2, (%0)" : : "r"(page) : "memory");
	return fault_survived("a store to an unmapped page");
}
