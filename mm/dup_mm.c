/*
 * dup_mm: the address-space half of fork. The child gets the same VMAs;
 * its page tables point at the parent's frames. Private pages become
 * read-only in both, with one more reference each, so the first write on
 * either side copies (mm/fault.c, do_wp_page). VM_SHARED pages stay
 * writable and shared; the vDSO's frames are the kernel's and simply
 * mapped again.
 */
#include <kernel/mm.h>
#include <kernel/sched.h>

/* Share every present page of one VMA with the child. */
static int dup_vma_pages(struct mm_struct *mm, struct mm_struct *old,
			 const struct vm_area_struct *vma)
{
	for (unsigned long va = vma->vm_start; va < vma->vm_end; va += PAGE_SIZE) {
		pte_t *pte = lookup_pte(old->pgd, va);
		phys_addr_t pa;
		u32 flags;
		int err;

		if (!pte || !(*pte & PTE_PRESENT))
			continue;
		pa = *pte & PAGE_MASK;
		if (vma->vm_flags & VM_SPECIAL) {
			flags = PTE_USER;
		} else {
			if (!(vma->vm_flags & VM_SHARED))
				*pte &= ~PTE_WRITE;	/* copy-on-write */
			flags = *pte & (PTE_USER | PTE_WRITE);
			page_ref_inc(pa);
		}
		err = map_page(mm->pgd, va, pa, flags);
		if (err) {
			if (!(vma->vm_flags & VM_SPECIAL))
				free_page(pa);
			return err;
		}
	}
	return 0;
}

struct mm_struct *dup_mm(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();
	int err = 0;

	if (!mm)
		return NULL;
	mm->start_brk = old->start_brk;
	mm->brk = old->brk;
	mm->start_stack = old->start_stack;
	mm->vdso_base = old->vdso_base;
	for (struct vm_area_struct *vma = old->mmap; vma && !err;
	     vma = vma->vm_next) {
		err = vma_insert(mm, vma->vm_start, vma->vm_end, vma->vm_flags);
		if (!err)
			err = dup_vma_pages(mm, old, vma);
	}
	/* The parent's PTEs lost PTE_WRITE: its TLB must forget them. */
	if (current->mm == old)
		switch_pgd(old->pgd);
	if (err) {
		mmput(mm);
		return NULL;
	}
	return mm;
}
