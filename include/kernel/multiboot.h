/*
 * The multiboot v1 information structure the loader leaves in memory
 * (ebx at entry). All addresses in it are physical.
 */
#ifndef _KERNEL_MULTIBOOT_H
#define _KERNEL_MULTIBOOT_H

#include <asm/boot.h>
#include <kernel/compiler.h>
#include <kernel/types.h>

#define MULTIBOOT_INFO_MEMORY	0x00000001	/* mem_lower/mem_upper valid */
#define MULTIBOOT_INFO_CMDLINE	0x00000004
#define MULTIBOOT_INFO_MODS	0x00000008
#define MULTIBOOT_INFO_MEM_MAP	0x00000040
#define MULTIBOOT_INFO_LOADER	0x00000200

struct multiboot_info {
	u32 flags;
	u32 mem_lower;		/* KiB below 1 MiB */
	u32 mem_upper;		/* KiB above 1 MiB, up to the first hole */
	u32 boot_device;
	u32 cmdline;
	u32 mods_count;
	u32 mods_addr;
	u32 syms[4];
	u32 mmap_length;
	u32 mmap_addr;
	u32 drives_length;
	u32 drives_addr;
	u32 config_table;
	u32 boot_loader_name;
} __packed;

#define MULTIBOOT_MEMORY_AVAILABLE 1

/* One memory-map entry; `size` does not count itself. */
struct multiboot_mmap_entry {
	u32 size;
	u64 addr;
	u64 len;
	u32 type;
} __packed;

struct multiboot_module {
	u32 mod_start;
	u32 mod_end;
	u32 string;
	u32 reserved;
} __packed;

/* Set by start_kernel: the loader's information, through the kernel map. */
extern const struct multiboot_info *boot_info;

#endif
