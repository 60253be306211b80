/*
 * mprotect(2), as Linux 6.1 does it (mm/mprotect.c do_mprotect_pkey):
 *
 *	PROT_GROWSDOWN|PROT_GROWSUP together, an unaligned start	-EINVAL
 *	len 0								0
 *	start + len wraps						-ENOMEM
 *	prot beyond READ|WRITE|EXEC|SEM					-EINVAL
 *	no VMA at start							-ENOMEM
 *	PROT_GROWSDOWN: the change starts at the VMA's start, which
 *	must be VM_GROWSDOWN (else -EINVAL); PROT_GROWSUP: -EINVAL
 *	(x86 has no grows-up VMAs)
 *
 * then VMA by VMA from start: split where the range cuts one, set the
 * flags, rewrite the present PTEs. A hole stops it with -ENOMEM, the
 * VMAs before it already changed, as on Linux. The vDSO's VMAs
 * (VM_SPECIAL) never become writable (-EACCES: Linux's vvar has no
 * VM_MAYWRITE) and are never split (-EINVAL).
 */
#include <linux/mman.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>

#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)
/* The bits x86's arch_validate_prot accepts (PROT_SEM changes nothing). */
#define PROT_VALID	(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM)

/*
 * The PTE for frame pa in a VMA with vm_flags. Without PAE, x86 can
 * neither forbid execution nor write without reading: any right maps
 * the page readable and executable; no right at all keeps the frame in
 * a not-present PTE_PROTNONE entry. A private page is writable only if
 * no other address space shares its frame; a shared one stays read-only
 * so that the first write copies it (mm/fault.c).
 */
static pte_t prot_pte(unsigned long vm_flags, phys_addr_t pa)
{
	if (!(vm_flags & VM_ACCESS_FLAGS))
		return pa | PTE_PROTNONE;
	if ((vm_flags & VM_WRITE) &&
	    ((vm_flags & VM_SHARED) || page_ref_count(pa) == 1))
		return pa | PTE_PRESENT | PTE_USER | PTE_WRITE;
	return pa | PTE_PRESENT | PTE_USER;
}

/* Rewrite the PTEs of every page [start, end) holds, for vm_flags. */
static void change_protection(struct mm_struct *mm, unsigned long start,
			      unsigned long end, unsigned long vm_flags)
{
	unsigned long va = start;

	while (va < end) {
		pte_t *pte = lookup_pte(mm->pgd, va);

		if (!pte) {
			va = pgd_addr_end(va, end);
			continue;
		}
		if (*pte & (PTE_PRESENT | PTE_PROTNONE)) {
			bool was_present = *pte & PTE_PRESENT;

			*pte = prot_pte(vm_flags, *pte & PAGE_MASK);
			/*
			 * Only a present entry can be in the TLB. invlpg
			 * is harmless when another address space is loaded.
			 */
			if (was_present)
				flush_tlb_one(va);
		}
		va += PAGE_SIZE;
	}
}

/*
 * Give [start, end), which lies inside vma, the flags newflags: split
 * vma where the range stops short of its ends, then rewrite the PTEs.
 * 0, -ENOMEM, or -EINVAL when a VM_SPECIAL VMA would be split.
 */
static int mprotect_fixup(struct mm_struct *mm, struct vm_area_struct *vma,
			  unsigned long start, unsigned long end,
			  unsigned long newflags)
{
	int err;

	if (newflags == vma->vm_flags)
		return 0;
	if ((vma->vm_flags & VM_SPECIAL) &&
	    (start != vma->vm_start || end != vma->vm_end))
		return -EINVAL;
	if (start > vma->vm_start) {
		err = vma_split(vma, start);
		if (err)
			return err;
		vma = vma->vm_next;
	}
	if (end < vma->vm_end) {
		err = vma_split(vma, end);
		if (err)
			return err;
	}
	vma->vm_flags = newflags;
	change_protection(mm, start, end, newflags);
	return 0;
}

int do_mprotect(struct mm_struct *mm, unsigned long start, size_t len,
		unsigned long prot)
{
	unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	unsigned long end, nstart, newflags;
	struct vm_area_struct *vma;
	int err;

	prot &= ~grows;
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	end = start + ALIGN_UP(len, PAGE_SIZE);
	if (end <= start)
		return -ENOMEM;
	if (prot & ~PROT_VALID)
		return -EINVAL;

	vma = vma_above(mm, start);
	if (!vma)
		return -ENOMEM;
	if (grows & PROT_GROWSDOWN) {
		if (vma->vm_start >= end)
			return -ENOMEM;
		start = vma->vm_start;
		if (!(vma->vm_flags & VM_GROWSDOWN))
			return -EINVAL;
	} else {
		if (vma->vm_start > start)
			return -ENOMEM;
		if (grows & PROT_GROWSUP)
			return -EINVAL;
	}

	newflags = (prot & PROT_READ ? VM_READ : 0) |
		   (prot & PROT_WRITE ? VM_WRITE : 0) |
		   (prot & PROT_EXEC ? VM_EXEC : 0);
	for (nstart = start;;) {
		unsigned long tmp = vma->vm_end < end ? vma->vm_end : end;
		unsigned long flags = newflags |
				      (vma->vm_flags & ~VM_ACCESS_FLAGS);

		if ((flags & VM_WRITE) && (flags & VM_SPECIAL)) {
			err = -EACCES;
			break;
		}
		err = mprotect_fixup(mm, vma, nstart, tmp, flags);
		if (err)
			break;
		nstart = tmp;
		if (nstart >= end)
			break;
		vma = vma_above(mm, nstart);
		if (!vma || vma->vm_start != nstart) {
			err = -ENOMEM;
			break;
		}
	}
	vma_merge_range(mm, start, end);
	return err;
}

long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	return do_mprotect(current->mm, start, len, prot);
}
