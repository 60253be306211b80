/*
 * fault_ud2: ud2, the architecturally undefined instruction: #UD
 * (SIGILL on Linux).
 */
#include "lib/entry.h"
#include "lib/tap.h"

int
main(void)
{
	fault_announce("execute ud2");
	__asm__ volatile("ud2");
	return fault_survived("ud2");
}
