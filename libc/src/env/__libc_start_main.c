#include <stdlib.h>
#include "libc.h"

unsigned long *__auxv;

/*
 * Called by _start with the initial stack pointer (argc, argv[], NULL,
 * envp[], NULL, auxv pairs): records envp and auxv, builds the TLS and
 * TCB (after which syscalls go through %gs:0x10), finds the vDSO, then
 * exit(main(argc, argv, envp)).
 */
_Noreturn void
__libc_start_main(int (*main)(int, char **, char **), long *sp)
{
	int argc = sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;

	while (*p)
		p++;
	__environ = envp;
	__auxv = (unsigned long *)(p + 1);

	__init_tls();
	__init_vdso();
	exit(main(argc, argv, envp));
}
