/*
 * Demand paging for user memory: the first touch of a page inside a VMA
 * gets a fresh zeroed frame, mapped with the VMA's permissions. Anything
 * else (no VMA, or a write to a read-only one) is the caller's to punish.
 */
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/string.h>

static u32 vma_pte_flags(const struct vm_area_struct *vma)
{
	return PTE_USER | (vma->vm_flags & VM_WRITE ? PTE_WRITE : 0);
}

int handle_mm_fault(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	unsigned long page = addr & PAGE_MASK;
	pte_t *pte;
	void *frame;
	int err;

	if (!vma || (write && !(vma->vm_flags & VM_WRITE)) ||
	    (vma->vm_flags & VM_SPECIAL))
		return -EFAULT;
	pte = lookup_pte(mm->pgd, page);
	if (pte && (*pte & PTE_PRESENT))
		return -EFAULT;	/* present, so this was a protection fault */
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
	if (!vma || (vma->vm_flags & VM_SPECIAL))
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
