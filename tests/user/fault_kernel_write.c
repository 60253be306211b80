/*
 * fault_kernel_write: a store into the kernel half (0xc0100000): the
 * page is supervisor-only, a #PF (SIGSEGV on Linux). The store is a
 * plain movl, so the fault is a write fault (a locked read-modify-write
 * would fault on its read first). On this kernel that address holds the
 * multiboot header, which nothing reads after boot: a kernel that let
 * the store through would fail this test without dying of it.
 */
#include "lib/entry.h"
#include "lib/tap.h"

int
main(void)
{
	fault_announce("store to 0xc0100000");
	__asm__ volatile("movl $0, 0xc0100000" : : : "memory");
	return fault_survived("writing 0xc0100000");
}
