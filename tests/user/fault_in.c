/*
 * fault_in: inb from port 0x60 (the keyboard controller) at CPL 3: IOPL
 * is 0 and the TSS grants no port, so a #GP (SIGSEGV on Linux).
 */
#include "lib/entry.h"
#include "lib/tap.h"

int
main(void)
{
	fault_announce("read port 0x60 with inb");
	__asm__ volatile("inb $0x60, %%al" : : : "eax");
	return fault_survived("inb $0x60");
}
