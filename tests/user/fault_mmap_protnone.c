/*
 * fault_mmap_protnone: a PROT_NONE page cannot even be read. Map a page
 * read-write, write to it (so a frame is there), mprotect it PROT_NONE
 * and load from it: a #PF (SIGSEGV on Linux). The load is in asm so
 * that the compiler cannot drop it.
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
	if (entry_syscall3(ENTRY_GS, SYS_mprotect, p, 4096, PROT_NONE)) {
		ok(0, "mprotect failed");
		return done_testing();
	}
	fault_announce("load from a PROT_NONE page");
	__asm__ volatile("movb (%1), %0" : "=q"(c) : "r"(p) : "memory");
	return fault_survived("a load from a PROT_NONE page");
}
