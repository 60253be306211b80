/*
 * fault_lgdt: lgdt at CPL 3 is a #GP (SIGSEGV on Linux). The operand is
 * what sgdt (unprivileged without UMIP) reports, so a kernel that let
 * it through would at least reload the same table.
 */
#include "lib/entry.h"
#include "lib/tap.h"

int
main(void)
{
	struct {
		unsigned short limit;
		unsigned long base;
	} __attribute__((packed)) gdtr;

	__asm__ volatile("sgdt %0" : "=m"(gdtr));
	fault_announce("execute lgdt at CPL 3");
	__asm__ volatile("lgdt %0" : : "m"(gdtr));
	return fault_survived("lgdt");
}
