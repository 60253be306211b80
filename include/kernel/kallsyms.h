/*
 * The kernel's own symbol table, generated at build time from `nm`
 * (tools/gen-kallsyms.sh) and linked into the second link pass.
 */
#ifndef _KERNEL_KALLSYMS_H
#define _KERNEL_KALLSYMS_H

#include <kernel/types.h>

/*
 * Find the function containing addr. Returns its name and stores the
 * offset from its start in *offset, or returns NULL if addr lies outside
 * the kernel text.
 */
const char *kallsyms_lookup(uintptr_t addr, uintptr_t *offset);

/* Address of a symbol by name, or 0. */
uintptr_t kallsyms_lookup_name(const char *name);

#endif
