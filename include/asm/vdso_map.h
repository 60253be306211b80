/*
 * The vDSO in user address spaces (arch/i386/vdso_map.c). Every process
 * gets the image chosen at boot at the same address, just below the
 * kernel half, with its data page (struct vdso_data) right below it:
 *
 *	vdso_user_base() - VVAR_SIZE   data page, read-only to user space
 *	vdso_user_base()               the image (AT_SYSINFO_EHDR)
 *	PAGE_OFFSET                    the kernel half
 */
#ifndef _ASM_VDSO_MAP_H
#define _ASM_VDSO_MAP_H

#include <asm/vdso.h>
#include <kernel/mm.h>

/* The image in use: int80 or sysenter (set by syscall_init). */
extern const struct vdso_image *vdso_image;
/*
 * The page the kernel updates and every process sees read-only: a whole
 * page of its own, so that no other kernel data is ever exposed with it.
 */
union vdso_data_page {
	struct vdso_data data;
	u8 page[PAGE_SIZE];
};
extern union vdso_data_page vdso_data_page;

unsigned long vdso_user_base(void);
/* Where sysexit returns to: the vDSO's SYSENTER_RETURN (entry.S reads it). */
extern unsigned long sysenter_return;

/* Map the data page and the image into mm. 0 or -ENOMEM. */
int map_vdso(struct mm_struct *mm);

#endif
