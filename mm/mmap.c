/*
 * User address spaces: a page directory plus a sorted list of VMAs.
 * Pages are not allocated when a VMA is created but on first touch
 * (mm/fault.c); freeing an address space walks its VMAs and gives back
 * every frame it mapped, except VM_SPECIAL ones (the vDSO's, which
 * belong to the kernel image).
 */
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/printk.h>

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	mm->users = 1;
	return mm;
}

/* Unmap [start, end) of a VMA, freeing the frames unless they are special. */
static void unmap_range(struct mm_struct *mm, unsigned long start,
			unsigned long end, unsigned long flags)
{
	for (unsigned long va = start; va < end; va += PAGE_SIZE) {
		phys_addr_t pa = unmap_page(mm->pgd, va);

		if (pa && !(flags & VM_SPECIAL))
			free_page(pa);
	}
}

void mmput(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	if (--mm->users > 0)
		return;
	for (vma = mm->mmap; vma; vma = next) {
		next = vma->vm_next;
		unmap_range(mm, vma->vm_start, vma->vm_end, vma->vm_flags);
		kfree(vma);
	}
	pgd_free(mm->pgd);
	kfree(mm);
}

int vma_insert(struct mm_struct *mm, unsigned long start, unsigned long end,
	       unsigned long flags)
{
	struct vm_area_struct **p = &mm->mmap, *vma;

	if ((start | end) & ~PAGE_MASK || start >= end || end > TASK_SIZE)
		return -EINVAL;
	struct vm_area_struct *prev = NULL;

	while (*p && (*p)->vm_end <= start) {
		prev = *p;
		p = &(*p)->vm_next;
	}
	if (*p && (*p)->vm_start < end)
		return -EINVAL;		/* overlaps the next one */
	/* Growing a neighbour with the same rights (the heap) needs no new VMA. */
	if (prev && prev->vm_end == start && prev->vm_flags == flags) {
		prev->vm_end = end;
		return 0;
	}
	vma = kmalloc(sizeof(*vma));
	if (!vma)
		return -ENOMEM;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	vma->vm_next = *p;
	*p = vma;
	return 0;
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	for (struct vm_area_struct *vma = mm->mmap; vma; vma = vma->vm_next) {
		if (addr < vma->vm_start)
			return NULL;
		if (addr < vma->vm_end)
			return vma;
	}
	return NULL;
}

int vma_shrink(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct **p = &mm->mmap, *vma;

	while (*p && (*p)->vm_end != end)
		p = &(*p)->vm_next;
	vma = *p;
	if (!vma || start < vma->vm_start || start & ~PAGE_MASK)
		return -EINVAL;
	unmap_range(mm, start, end, vma->vm_flags);
	if (start == vma->vm_start) {
		*p = vma->vm_next;
		kfree(vma);
	} else {
		vma->vm_end = start;
	}
	return 0;
}
