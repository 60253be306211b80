/*
 * Linker script for both vDSO images (run through cpp for the layout
 * constants in asm/vdso.h). The exported symbols and their versions are
 * in vdso.map.
 *
 * The image is an ELF shared object linked at address 0 with one R+X
 * PT_LOAD that starts at file offset 0 and holds the ELF and program
 * headers too: the kernel copies or maps the file as it is, and every
 * virtual address in it equals its file offset. Read-only things first,
 * code last; nothing writable may exist (the pages are shared by every
 * process), which the ASSERT below enforces.
 */
#include <asm/vdso.h>

OUTPUT_FORMAT("elf32-i386")
OUTPUT_ARCH(i386)

/* The ELF entry point: the kernel's AT_SYSINFO, as on Linux. */
ENTRY(__kernel_vsyscall)

SECTIONS
{
	/*
	 * The kernel maps the data page right below the image. This symbol
	 * is hidden (see vclock_gettime.c), so code reaches it with a
	 * link-time GOT-relative offset and no relocation.
	 */
	vvar_page = . - VVAR_SIZE;

	. = SIZEOF_HEADERS;

	.hash		: { *(.hash) }			:text
	.gnu.hash	: { *(.gnu.hash) }
	.dynsym		: { *(.dynsym) }
	.dynstr		: { *(.dynstr) }
	.gnu.version	: { *(.gnu.version) }
	.gnu.version_d	: { *(.gnu.version_d) }
	.gnu.version_r	: { *(.gnu.version_r) }

	.dynamic	: { *(.dynamic) }		:text	:dynamic

	.rodata		: {
		*(.rodata .rodata.*)
		/* The GOT header the PIC code computes offsets from: only
		 * link-time constants, never written at run time. */
		*(.got.plt) *(.got)
	}						:text

	.note		: { *(.note.*) }		:text	:note

	.eh_frame_hdr	: { *(.eh_frame_hdr) }		:text	:eh_frame_hdr
	.eh_frame	: { KEEP(*(.eh_frame)) }	:text

	/* vsyscall-*.o comes first on the link line: __kernel_vsyscall
	 * and the sigreturn trampolines open .text. Fill with nops. */
	.text		: { *(.text .text.*) }		:text	=0x90909090

	/* Writable data would be shared by every process: refuse it. */
	.data		: { *(.data .data.*) *(.bss .bss.*) *(COMMON) }	:text
	ASSERT(SIZEOF(.data) == 0, "vDSO: no writable data allowed")

	/DISCARD/ : {
		*(.comment)
		*(.note.GNU-stack)
	}
}

/*
 * Exactly these segments; without PHDRS ld would make more PT_LOADs.
 * FLAGS: PF_R = 4, PF_X = 1.
 */
PHDRS
{
	text		PT_LOAD		FLAGS(5) FILEHDR PHDRS;
	dynamic		PT_DYNAMIC	FLAGS(4);
	note		PT_NOTE		FLAGS(4);
	eh_frame_hdr	PT_GNU_EH_FRAME	FLAGS(4);
}
