/* Page size and the kernel's linear map of physical memory. */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <asm/boot.h>
#include <kernel/types.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

/* Physical RAM below this is mapped at PAGE_OFFSET (Linux's lowmem limit). */
#define LOWMEM_LIMIT	0x38000000UL	/* 896 MiB */

#define __va(pa)	((void *)((uintptr_t)(pa) + PAGE_OFFSET))
#define __pa(va)	((phys_addr_t)((uintptr_t)(va) - PAGE_OFFSET))

/* Linker-script symbols. */
extern char _text[], _etext[], _edata[], __bss_start[], __bss_stop[], _end[];

#endif
