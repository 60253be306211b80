/*
 * fault_int_0x20: int $0x20: vector 0x20 is a hardware interrupt (the timer
 * here), its gate has DPL 0, so a software int from CPL 3 is a #GP
 * (SIGSEGV on Linux) instead of a call to the handler.
 */
#include "lib/entry.h"
#include "lib/tap.h"

int
main(void)
{
	fault_announce("execute int $0x20 (a DPL 0 gate)");
	__asm__ volatile("int $0x20");
	return fault_survived("int $0x20");
}
