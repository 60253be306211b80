/* sys/auxv.h: the ELF auxiliary vector the kernel put above envp. */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#include <elf.h>
#include <linux/auxvec.h>

/* The value of entry `type`, or 0 with errno = ENOENT if there is none. */
unsigned long getauxval(unsigned long type);

#endif
