/*
 * fault_kernel_read: reading a byte of the kernel (0xc0100000, its image on this
 * kernel, in the kernel half on any i386 Linux): the page is
 * supervisor-only, a #PF (SIGSEGV on Linux).
 */
#include "lib/entry.h"
#include "lib/tap.h"

int
main(void)
{
	fault_announce("read the byte at 0xc0100000");
	__asm__ volatile("movb 0xc0100000, %%al" : : : "eax", "memory");
	return fault_survived("reading 0xc0100000");
}
