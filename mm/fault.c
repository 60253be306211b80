/*
 * Page faults on user memory: demand-zero pages and copy-on-write.
 *
 * The first touch of a page inside a VMA gets a fresh zeroed frame,
 * mapped with the VMA's permissions. A write to a present, read-only page
 * of a writable private VMA is copy-on-write (fork left the frame shared
 * and read-only in both address spaces): the last owner gets it made
 * writable, anyone else a private copy. Anything else (no VMA, a VMA
 * that forbids the access) is the caller's to punish.
 */
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/string.h>

#define VM_ACCESS	(VM_READ | VM_WRITE | VM_EXEC)

static u32 vma_pte_flags(const struct vm_area_struct *vma)
{
	return PTE_USER | (vma->vm_flags & VM_WRITE ? PTE_WRITE : 0);
}

/* The TLB may hold the old entry of a page of the running address space. */
static void flush_user_page(struct mm_struct *mm, unsigned long page)
{
	if (current->mm == mm)
		flush_tlb_one(page);
}

/* Copy-on-write: give the writer a page of its own. */
static int do_wp_page(struct mm_struct *mm, const struct vm_area_struct *vma,
		      unsigned long page, pte_t *pte)
{
	phys_addr_t old = *pte & PAGE_MASK;
	void *copy;

	if (page_ref_count(old) == 1) {
		/* Everyone else has copied or gone: it is ours again. */
		*pte |= PTE_WRITE;
		flush_user_page(mm, page);
		return 0;
	}
	copy = get_zeroed_page();
	if (!copy)
		return -ENOMEM;
	memcpy(copy, __va(old), PAGE_SIZE);
	*pte = __pa(copy) | PTE_PRESENT | vma_pte_flags(vma);
	flush_user_page(mm, page);
	free_page(old);		/* drops our reference to the shared frame */
	return 0;
}

int handle_mm_fault(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	unsigned long page = addr & PAGE_MASK;
	pte_t *pte;
	void *frame;
	int err;

	if (!vma || !(vma->vm_flags & VM_ACCESS) ||
	    (write && !(vma->vm_flags & VM_WRITE)) ||
	    (vma->vm_flags & VM_SPECIAL))
		return -EFAULT;
	pte = lookup_pte(mm->pgd, page);
	if (pte && (*pte & PTE_PRESENT)) {
		/* Present: only a write to a COW page is ours to fix. */
		if (!write || (vma->vm_flags & VM_SHARED))
			return -EFAULT;
		if (*pte & PTE_WRITE) {
			flush_user_page(mm, page);	/* a stale TLB entry */
			return 0;
		}
		return do_wp_page(mm, vma, page, pte);
	}
	frame = get_zeroed_page();
	if (!frame)
		return -ENOMEM;
	err = map_page(mm->pgd, page, __pa(frame), vma_pte_flags(vma));
	if (err) {
		free_page(__pa(frame));
		return err;
	}
	return 0;
}

phys_addr_t user_page(struct mm_struct *mm, unsigned long addr, bool write)
{
	pte_t *pte = lookup_pte(mm->pgd, addr & PAGE_MASK);

	if (!pte || !(*pte & PTE_PRESENT)) {
		if (handle_mm_fault(mm, addr, write))
			return 0;
		pte = lookup_pte(mm->pgd, addr & PAGE_MASK);
	} else if (write && !(*pte & PTE_WRITE)) {
		if (handle_mm_fault(mm, addr, true))
			return 0;
	}
	return *pte & PAGE_MASK;
}

phys_addr_t mm_populate_page(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	unsigned long page = addr & PAGE_MASK;
	pte_t *pte = lookup_pte(mm->pgd, page);
	void *frame;

	if (pte && (*pte & PTE_PRESENT))
		return *pte & PAGE_MASK;
	/* PROT_NONE entries own a frame: never paper over one. */
	if (!vma || (vma->vm_flags & VM_SPECIAL) ||
	    (pte && (*pte & PTE_PROTNONE)))
		return 0;
	frame = get_zeroed_page();
	if (!frame)
		return 0;
	if (map_page(mm->pgd, page, __pa(frame), vma_pte_flags(vma))) {
		free_page(__pa(frame));
		return 0;
	}
	return __pa(frame);
}

int mm_copy_to(struct mm_struct *mm, unsigned long uaddr, const void *src,
	       size_t len)
{
	const u8 *s = src;

	while (len) {
		size_t off = uaddr & ~PAGE_MASK;
		size_t n = PAGE_SIZE - off < len ? PAGE_SIZE - off : len;
		phys_addr_t frame = mm_populate_page(mm, uaddr);

		if (!frame)
			return -EFAULT;
		memcpy((u8 *)__va(frame) + off, s, n);
		uaddr += n;
		s += n;
		len -= n;
	}
	return 0;
}
