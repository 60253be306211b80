/*
 * sys/mman.h: memory mappings. PROT_*, MAP_* and the other numbers are
 * the kernel's <linux/mman.h> (and the <asm/mman.h> it includes).
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include <linux/mman.h>

#define MAP_FAILED	((void *)-1)
#define MAP_ANON	MAP_ANONYMOUS

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);

#endif
