/*
 * arch/i386/vdso/vdso-images.S: the two vDSO images, embedded in the
 * kernel's read-only data as they were linked (.incbin of the stripped
 * build/arch/i386/vdso/vdso-{int80,sysenter}.so; the make rule lists
 * them as prerequisites, since the assembler's dependency output does
 * not see .incbin).
 *
 * Who uses it: arch/i386/vdso/vdso_images.c, which describes each image
 * to the kernel as a struct vdso_image (include/asm/vdso.h).
 *
 * Each image starts on a page boundary and is padded with zeros to the
 * next one, so that it owns its pages: the kernel may map them into user
 * space directly without showing anything else. Layout, for each image:
 *
 *	vdso_<name>_start	page-aligned, the ELF header
 *	...			the image, VDSO_<NAME>_SIZE bytes
 *	vdso_<name>_end
 *	...			zeros up to the next page
 */
#include <asm/vdso.h>
#include <generated/vdso-offsets.h>

.macro vdso_image name, file, size
	.balign	VDSO_PAGE_SIZE
	.globl	vdso_\name\()_start
	.type	vdso_\name\()_start, @object
vdso_\name\()_start:
	.incbin	"\file"
	.globl	vdso_\name\()_end
vdso_\name\()_end:
	.size	vdso_\name\()_start, vdso_\name\()_end - vdso_\name\()_start
	/* The size the generated header gives must be the one embedded. */
	.if	vdso_\name\()_end - vdso_\name\()_start != \size
	.error	"vdso-images.S: vdso-offsets.h is stale"
	.endif
	.balign	VDSO_PAGE_SIZE, 0
.endm

	.section .rodata.vdso, "a"
	/* Found through -Wa,-I$(BUILD)/arch/i386/vdso. */
	vdso_image int80, "vdso-int80.so", VDSO_INT80_SIZE
	vdso_image sysenter, "vdso-sysenter.so", VDSO_SYSENTER_SIZE
