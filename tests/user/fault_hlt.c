/*
 * fault_hlt: hlt at CPL 3: privileged, a #GP (SIGSEGV on Linux).
 */
#include "lib/entry.h"
#include "lib/tap.h"

int
main(void)
{
	fault_announce("execute hlt at CPL 3");
	__asm__ volatile("hlt");
	return fault_survived("hlt");
}
