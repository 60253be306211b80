/*
 * fault_cli: cli at CPL 3: IOPL is 0, so the CPU raises #GP and the kernel
 * kills the process (SIGSEGV on Linux).
 */
#include "lib/entry.h"
#include "lib/tap.h"

int
main(void)
{
	fault_announce("execute cli at CPL 3");
	__asm__ volatile("cli");
	return fault_survived("cli");
}
