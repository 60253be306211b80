/*
 * Kernel linker script (run through cpp for PAGE_OFFSET).
 *
 * The boot stub (.multiboot, .boot.text) is linked and loaded at 1 MiB.
 * Everything else is linked at PAGE_OFFSET + physical and loaded at the
 * physical address (AT), which is what multiboot loaders use.
 * The symbol table (.kallsyms) comes last so that its size, which changes
 * between the two link passes, moves no other symbol.
 */
#include <asm/boot.h>

OUTPUT_FORMAT("elf32-i386")
OUTPUT_ARCH(i386)
ENTRY(_start)

SECTIONS
{
	. = KERNEL_PHYS_LOAD;
	.boot : {
		KEEP(*(.multiboot))
		*(.boot.text)
	}

	. += PAGE_OFFSET;
	. = ALIGN(4096);
	_text = .;
	.text : AT(ADDR(.text) - PAGE_OFFSET) {
		*(.text .text.*)
		*(.fixup)
	}
	_etext = .;

	. = ALIGN(4096);
	.rodata : AT(ADDR(.rodata) - PAGE_OFFSET) {
		*(.rodata .rodata.*)
		. = ALIGN(4);
		__start_kernel_params = .;
		KEEP(*(.kernel_params))
		__stop_kernel_params = .;
		. = ALIGN(4);
		__start_ktests = .;
		KEEP(*(.ktests))
		__stop_ktests = .;
		. = ALIGN(4);
		__start_ex_table = .;
		KEEP(*(__ex_table))
		__stop_ex_table = .;
	}

	. = ALIGN(4096);
	.data : AT(ADDR(.data) - PAGE_OFFSET) {
		*(.data .data.*)
	}
	_edata = .;

	. = ALIGN(4096);
	.bss : AT(ADDR(.bss) - PAGE_OFFSET) {
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		__bss_stop = .;
	}

	. = ALIGN(4096);
	.kallsyms : AT(ADDR(.kallsyms) - PAGE_OFFSET) {
		KEEP(*(.kallsyms))
	}
	. = ALIGN(4096);
	_end = .;

	/DISCARD/ : {
		*(.note .note.*)
		*(.comment)
		*(.eh_frame)
	}
}
