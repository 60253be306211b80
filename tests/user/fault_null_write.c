/*
 * fault_null_write: a store to address 0, in asm (a C null store may be
 * compiled into a trap instead). Page 0 is never mapped: a #PF
 * (SIGSEGV on Linux).
 */
#include "lib/entry.h"
#include "lib/tap.h"

int
main(void)
{
	fault_announce("store to address 0");
	__asm__ volatile("movl $0, 0" : : : "memory");
	return fault_survived("a store to address 0");
}
