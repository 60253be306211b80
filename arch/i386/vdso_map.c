/*
 * Mapping the vDSO: the image pages are the kernel's own copy (embedded,
 * page-aligned, read-only), shared by every process; so is the data
 * page. Both VMAs are VM_SPECIAL: tearing a process down unmaps them but
 * never frees their frames.
 */
#include <asm/vdso_map.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>

const struct vdso_image *vdso_image = &vdso_image_int80;
union vdso_data_page vdso_data_page __aligned(PAGE_SIZE);
unsigned long sysenter_return;

unsigned long vdso_user_base(void)
{
	return PAGE_OFFSET - VDSO_PAGES(vdso_image) * PAGE_SIZE;
}

static int map_special(struct mm_struct *mm, unsigned long start,
		       const void *kaddr, unsigned pages, unsigned long flags)
{
	int err = vma_insert(mm, start, start + pages * PAGE_SIZE,
			     flags | VM_SPECIAL);

	for (unsigned i = 0; !err && i < pages; i++)
		err = map_page(mm->pgd, start + i * PAGE_SIZE,
			       __pa((const u8 *)kaddr + i * PAGE_SIZE), PTE_USER);
	return err;
}

int map_vdso(struct mm_struct *mm)
{
	unsigned long base = vdso_user_base();
	int err;

	err = map_special(mm, base - VVAR_SIZE, &vdso_data_page, VVAR_PAGES,
			  VM_READ);
	if (!err)
		err = map_special(mm, base, vdso_image->data,
				  VDSO_PAGES(vdso_image), VM_READ | VM_EXEC);
	if (!err)
		mm->vdso_base = base;
	return err;
}
