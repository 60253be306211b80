/*
 * fault_mprotect_write: mprotect(PROT_READ) takes the right to write
 * away from a page that was written before (so its PTE is present and
 * was writable). Reading it is still fine; the store is a protection
 * #PF (SIGSEGV on Linux). The accesses are in asm so that the compiler
 * cannot reason about them.
 */
#include <sys/syscall.h>
#include <linux/mman.h>
#include "lib/entry.h"
#include "lib/tap.h"

int
main(void)
{
	long p = entry_syscall(ENTRY_GS, SYS_mmap2, 0, 4096,
			       PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char c;

	if ((unsigned long)p >= -4095UL) {
		ok(0, "mmap2 failed: %ld", p);
		return done_testing();
	}
	__asm__ volatile("movb $7, (%0)" : : "r"(p) : "memory");
	if (entry_syscall3(ENTRY_GS, SYS_mprotect, p, 4096, PROT_READ)) {
		ok(0, "mprotect failed");
		return done_testing();
	}
	__asm__ volatile("movb (%1), %0" : "=q"(c) : "r"(p) : "memory");
	ok(c == 7, "the read-only page still reads 7");
	fault_announce("store to a page mprotect made read-only");
	__asm__ volatile("movb $8, (%0)" : : "r"(p) : "memory");
	return fault_survived("a store to a read-only page");
}
