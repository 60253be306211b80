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

/*
 * Share one page-table entry's frame with the child. A PROT_NONE entry
 * (not present, PTE_PROTNONE) still owns its frame: it is shared too.
 */
static int dup_pte(struct mm_struct *mm, const struct vm_area_struct *vma,
		   unsigned long va, pte_t *pte)
{
	phys_addr_t pa = *pte & PAGE_MASK;
	u32 flags;
	int err;

	if (vma->vm_flags & VM_SPECIAL)
		return map_page(mm->pgd, va, pa, PTE_USER);
	if (!(*pte & PTE_PRESENT)) {
		page_ref_inc(pa);
		err = map_page(mm->pgd, va, pa, 0);
		if (err) {
			free_page(pa);
			return err;
		}
		*lookup_pte(mm->pgd, va) = pa | PTE_PROTNONE;
		return 0;
	}
	if (!(vma->vm_flags & VM_SHARED))
		*pte &= ~PTE_WRITE;	/* copy-on-write */
	flags = *pte & (PTE_USER | PTE_WRITE);
	page_ref_inc(pa);
	err = map_page(mm->pgd, va, pa, flags);
	if (err)
		free_page(pa);
	return err;
}

/*
 * Share every page of one VMA with the child. Page directory entries
 * without a page table are skipped whole: an 8 MiB stack that uses
 * three pages costs three pages of work, not 2048.
 */
static int dup_vma_pages(struct mm_struct *mm, struct mm_struct *old,
			 const struct vm_area_struct *vma)
{
	unsigned long va = vma->vm_start;

	while (va < vma->vm_end) {
		unsigned long next = pgd_addr_end(va, vma->vm_end);

		if (!(old->pgd[va >> PGDIR_SHIFT] & PTE_PRESENT)) {
			va = next;
			continue;
		}
		for (; va < next; va += PAGE_SIZE) {
			pte_t *pte = lookup_pte(old->pgd, va);
			int err;

			if (!pte || !(*pte & (PTE_PRESENT | PTE_PROTNONE)))
				continue;
			err = dup_pte(mm, vma, va, pte);
			if (err)
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
