; Multiboot v1 entry point.
;
; GRUB legacy (or QEMU -kernel) loads the ELF image at its physical
; addresses and jumps to _start in 32-bit protected mode with paging off,
; flat segments, interrupts disabled, eax = MULTIBOOT_BOOTLOADER_MAGIC and
; ebx = physical address of the multiboot information structure.
;
; The kernel is linked at PAGE_OFFSET + physical. This file alone runs at
; physical addresses (section .boot.text is linked at 1 MiB): it builds
; page tables that map the first EARLY_MAP_BYTES of RAM twice, at 0 (so
; the next instruction after enabling paging still exists) and at
; PAGE_OFFSET, turns paging on, switches to the boot stack in the higher
; half and calls start_kernel(magic, mbi_phys). mm/paging.c later removes
; the identity half and maps the rest of RAM.

%include "asm/boot.inc"

%define PTE_PRESENT	0x001
%define PTE_WRITE	0x002
%define CR0_WP		0x00010000	; honour read-only pages in ring 0 too
%define CR0_PG		0x80000000
%define EARLY_TABLES	(EARLY_MAP_BYTES / 0x400000)

%define phys(sym)	((sym) - PAGE_OFFSET)

section .multiboot
align 4
multiboot_header:
	dd MULTIBOOT_HEADER_MAGIC
	dd MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO
	dd -(MULTIBOOT_HEADER_MAGIC + (MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO))

section .boot.text
global _start:function
_start:
	cld
	; Keep the loader's registers: eax = magic, ebx = info pointer.
	mov	esi, eax
	mov	edi, ebx

	; Fill the early page tables: entry i maps physical page i.
	mov	eax, PTE_PRESENT | PTE_WRITE
	mov	ecx, EARLY_TABLES * 1024
	mov	edx, phys(early_page_tables)
.fill_pte:
	mov	[edx], eax
	add	eax, 0x1000
	add	edx, 4
	loop	.fill_pte

	; Point the directory at them twice: at 0 and at PAGE_OFFSET.
	mov	eax, phys(early_page_tables) + (PTE_PRESENT | PTE_WRITE)
	xor	ecx, ecx
.fill_pde:
	mov	[phys(swapper_pg_dir) + ecx * 4], eax
	mov	[phys(swapper_pg_dir) + (PAGE_OFFSET >> 22) * 4 + ecx * 4], eax
	add	eax, 0x1000
	inc	ecx
	cmp	ecx, EARLY_TABLES
	jb	.fill_pde

	mov	eax, phys(swapper_pg_dir)
	mov	cr3, eax
	mov	eax, cr0
	or	eax, CR0_PG | CR0_WP
	mov	cr0, eax

	; Paging is on; leave the identity map for the linked addresses.
	lea	eax, [higher_half]
	jmp	eax

section .text
higher_half:
	mov	esp, boot_stack_top
	; ebp = 0 ends panic()'s frame-pointer walk here.
	xor	ebp, ebp
	; Clear EFLAGS (IF, DF, NT, AC) to a known state.
	push	0
	popf
	push	edi			; mbi_phys
	push	esi			; magic
	extern	start_kernel
	call	start_kernel
	; start_kernel never returns; if it did, stop here.
.halt:
	cli
	hlt
	jmp	.halt

section .bss
align 4096
global swapper_pg_dir
swapper_pg_dir:
	resb	4096
global early_page_tables
early_page_tables:
	resb	EARLY_TABLES * 4096
align 16
global boot_stack
boot_stack:
	resb	BOOT_STACK_SIZE
global boot_stack_top
boot_stack_top:
