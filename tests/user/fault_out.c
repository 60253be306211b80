/*
 * fault_out: outb to port 0x80 (the POST diagnostic port, harmless if it
 * were allowed) at CPL 3: a #GP (SIGSEGV on Linux).
 */
#include "lib/entry.h"
#include "lib/tap.h"

int
main(void)
{
	fault_announce("write port 0x80 with outb");
	__asm__ volatile("outb %%al, $0x80" : : "a"(0));
	return fault_survived("outb $0x80");
}
