/*
 * Constants shared by the NASM boot code, the linker script and C.
 * Plain #defines only: tools/h2inc.sh turns this file into a NASM
 * %define list (build/include/asm/boot.inc), and the linker script
 * is run through cpp. Keep values free of C suffixes and casts.
 */
#ifndef _ASM_BOOT_H
#define _ASM_BOOT_H

/* The kernel half starts here; physical 0 is mapped at PAGE_OFFSET. */
#define PAGE_OFFSET		0xC0000000
/* Physical load address of the kernel image (1 MiB, above the BIOS area). */
#define KERNEL_PHYS_LOAD	0x00100000

/* boot/multiboot.asm maps this much low memory before C runs. */
#define EARLY_MAP_BYTES		0x01000000
#define BOOT_STACK_SIZE		16384

/* Multiboot v1 (the specification's numbers). */
#define MULTIBOOT_HEADER_MAGIC		0x1BADB002
#define MULTIBOOT_BOOTLOADER_MAGIC	0x2BADB002
#define MULTIBOOT_PAGE_ALIGN		0x00000001
#define MULTIBOOT_MEMORY_INFO		0x00000002

#endif
