/*
 * User address spaces: a page directory plus a sorted list of VMAs, and
 * the VMA bookkeeping that brk, exec, fork, mmap, munmap and mprotect
 * share: linking a range in (merging it with a neighbour of the same
 * flags), splitting, merging back, unmapping a range, and finding room
 * for a new mapping.
 *
 * Pages are not allocated when a VMA is created but on first touch
 * (mm/fault.c). Unmapping gives back every frame a range maps, also the
 * ones a PROT_NONE VMA keeps behind not-present PTE_PROTNONE entries,
 * except VM_SPECIAL ones (the vDSO's, which belong to the kernel image).
 * free_page drops one reference, so a frame fork shares copy-on-write
 * lives on in the other address space.
 *
 * The layout for mmap is Linux's legacy bottom-up one: with no usable
 * hint, a mapping goes into the lowest gap at or above
 * TASK_UNMAPPED_BASE. Nothing is randomized.
 */
#include <linux/mman.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/mm.h>

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

/* Clear va's PTE, present or PROT_NONE; returns the frame it held, or 0. */
static phys_addr_t clear_user_pte(struct mm_struct *mm, unsigned long va)
{
	pte_t *pte = lookup_pte(mm->pgd, va);
	phys_addr_t pa;

	if (!pte)
		return 0;
	if (*pte & PTE_PRESENT)
		return unmap_page(mm->pgd, va);
	if (!(*pte & PTE_PROTNONE))
		return 0;
	/* Not present, so never cached in the TLB: no flush. */
	pa = *pte & PAGE_MASK;
	*pte = 0;
	return pa;
}

/*
 * Unmap [start, end) of a VMA with these flags, freeing the frames
 * unless they are special. Ranges without a page table are skipped 4 MiB
 * at a time, so a huge mapping that was never touched costs nothing.
 */
static void unmap_range(struct mm_struct *mm, unsigned long start,
			unsigned long end, unsigned long flags)
{
	unsigned long va = start;

	while (va < end) {
		phys_addr_t pa;

		if (!lookup_pte(mm->pgd, va)) {
			va = pgd_addr_end(va, end);
			continue;
		}
		pa = clear_user_pte(mm, va);
		if (pa && !(flags & VM_SPECIAL))
			free_page(pa);
		va += PAGE_SIZE;
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

/* Can VMAs with flags a and b (a right below b) become one? */
static bool can_merge(unsigned long a, unsigned long b)
{
	return a == b && !(a & VM_SPECIAL);
}

/*
 * Put [start, end), which no VMA overlaps, into the sorted list: grow a
 * neighbour with the same flags (both, if the range closes the gap
 * between them), or link a new VMA. new, if not NULL, is a preallocated
 * VMA to use, or to free when a neighbour absorbs the range; then this
 * cannot fail. 0 or -ENOMEM.
 */
static int vma_link(struct mm_struct *mm, unsigned long start,
		    unsigned long end, unsigned long flags,
		    struct vm_area_struct *new)
{
	struct vm_area_struct **p = &mm->mmap, *prev = NULL, *next;

	while (*p && (*p)->vm_end <= start) {
		prev = *p;
		p = &(*p)->vm_next;
	}
	next = *p;
	if (prev && prev->vm_end == start && can_merge(prev->vm_flags, flags)) {
		prev->vm_end = end;
		if (next && next->vm_start == end &&
		    can_merge(flags, next->vm_flags)) {
			prev->vm_end = next->vm_end;
			prev->vm_next = next->vm_next;
			kfree(next);
		}
		kfree(new);
		return 0;
	}
	if (next && next->vm_start == end && can_merge(flags, next->vm_flags)) {
		next->vm_start = start;
		kfree(new);
		return 0;
	}
	if (!new)
		new = kmalloc(sizeof(*new));
	if (!new)
		return -ENOMEM;
	new->vm_start = start;
	new->vm_end = end;
	new->vm_flags = flags;
	new->vm_next = next;
	*p = new;
	return 0;
}

struct vm_area_struct *vma_above(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = mm->mmap;

	while (vma && vma->vm_end <= addr)
		vma = vma->vm_next;
	return vma;
}

/* Does any VMA intersect [start, end)? */
static bool range_in_use(struct mm_struct *mm, unsigned long start,
			 unsigned long end)
{
	struct vm_area_struct *vma = vma_above(mm, start);

	return vma && vma->vm_start < end;
}

int vma_insert(struct mm_struct *mm, unsigned long start, unsigned long end,
	       unsigned long flags)
{
	if ((start | end) & ~PAGE_MASK || start >= end || end > TASK_SIZE)
		return -EINVAL;
	if (range_in_use(mm, start, end))
		return -EINVAL;
	return vma_link(mm, start, end, flags, NULL);
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = vma_above(mm, addr);

	return vma && vma->vm_start <= addr ? vma : NULL;
}

int vma_split(struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *tail;

	if (addr <= vma->vm_start || addr >= vma->vm_end || addr & ~PAGE_MASK)
		return -EINVAL;
	tail = kmalloc(sizeof(*tail));
	if (!tail)
		return -ENOMEM;
	*tail = *vma;
	tail->vm_start = addr;
	vma->vm_end = addr;
	vma->vm_next = tail;
	return 0;
}

void vma_merge_range(struct mm_struct *mm, unsigned long start,
		     unsigned long end)
{
	struct vm_area_struct *vma = vma_above(mm, start ? start - 1 : 0);
	struct vm_area_struct *next;

	while (vma && vma->vm_end <= end && (next = vma->vm_next)) {
		if (vma->vm_end == next->vm_start &&
		    can_merge(vma->vm_flags, next->vm_flags)) {
			vma->vm_end = next->vm_end;
			vma->vm_next = next->vm_next;
			kfree(next);
		} else {
			vma = next;
		}
	}
}

/*
 * Unmap [start, end) (page aligned, start < end), whatever VMAs it
 * covers: whole ones go, ones that straddle an edge are trimmed, one
 * that contains the range gets a hole. All or nothing: -ENOMEM when a
 * hole needs a VMA and there is no memory, -EINVAL when a VM_SPECIAL
 * VMA would be cut (Linux refuses to split special mappings); a range
 * with nothing mapped is 0.
 */
static int munmap_range(struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	struct vm_area_struct **p = &mm->mmap, *vma, *spare = NULL;

	for (vma = vma_above(mm, start); vma && vma->vm_start < end;
	     vma = vma->vm_next) {
		bool cut = vma->vm_start < start || vma->vm_end > end;

		if (cut && (vma->vm_flags & VM_SPECIAL))
			return -EINVAL;
		if (vma->vm_start < start && vma->vm_end > end) {
			spare = kmalloc(sizeof(*spare));
			if (!spare)
				return -ENOMEM;
		}
	}
	while ((vma = *p) && vma->vm_start < end) {
		if (vma->vm_end <= start) {
			p = &vma->vm_next;
			continue;
		}
		unmap_range(mm, start > vma->vm_start ? start : vma->vm_start,
			    end < vma->vm_end ? end : vma->vm_end,
			    vma->vm_flags);
		if (vma->vm_start < start && vma->vm_end > end) {
			/* A hole in the middle: the spare is the upper part. */
			*spare = *vma;
			spare->vm_start = end;
			vma->vm_end = start;
			vma->vm_next = spare;
			break;
		} else if (vma->vm_start < start) {
			vma->vm_end = start;
			p = &vma->vm_next;
		} else if (vma->vm_end > end) {
			vma->vm_start = end;
			break;
		} else {
			*p = vma->vm_next;
			kfree(vma);
		}
	}
	return 0;
}

int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	unsigned long end;

	if ((start & ~PAGE_MASK) || start > TASK_SIZE ||
	    len > TASK_SIZE - start)
		return -EINVAL;
	end = start + ALIGN_UP(len, PAGE_SIZE);
	if (end == start)
		return -EINVAL;
	return munmap_range(mm, start, end);
}

int vma_shrink(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	if ((start | end) & ~PAGE_MASK || start >= end || end > TASK_SIZE)
		return -EINVAL;
	return munmap_range(mm, start, end);
}

/* The lowest gap of len bytes at or above TASK_UNMAPPED_BASE, or -ENOMEM. */
static unsigned long unmapped_area_bottomup(struct mm_struct *mm,
					    unsigned long len)
{
	unsigned long addr = TASK_UNMAPPED_BASE;

	for (struct vm_area_struct *vma = vma_above(mm, addr); vma;
	     vma = vma->vm_next) {
		if (vma->vm_start > addr && vma->vm_start - addr >= len)
			return addr;
		if (vma->vm_end > addr)
			addr = vma->vm_end;
	}
	if (addr < TASK_SIZE && TASK_SIZE - addr >= len)
		return addr;
	return -ENOMEM;
}

unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr,
				unsigned long len, unsigned long flags)
{
	if (len > TASK_SIZE)
		return -ENOMEM;
	if (!(flags & MAP_FIXED)) {
		/* A hint is taken as it is when the range there is free. */
		if (addr) {
			addr = ALIGN_UP(addr, PAGE_SIZE);
			if (addr && TASK_SIZE - len >= addr &&
			    !range_in_use(mm, addr, addr + len))
				return addr;
		}
		addr = unmapped_area_bottomup(mm, len);
		if (mmap_is_err(addr))
			return addr;
	}
	if (addr > TASK_SIZE - len)
		return -ENOMEM;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	/* Linux's mmap_min_addr, for a process without CAP_SYS_RAWIO. */
	if (addr < MMAP_MIN_ADDR)
		return -EPERM;
	return addr;
}

unsigned long mmap_region(struct mm_struct *mm, unsigned long addr,
			  unsigned long len, unsigned long vm_flags)
{
	struct vm_area_struct *new = kmalloc(sizeof(*new));

	if (!new)
		return -ENOMEM;
	/* MAP_FIXED replaces what was there; Linux answers -ENOMEM too. */
	if (munmap_range(mm, addr, addr + len)) {
		kfree(new);
		return -ENOMEM;
	}
	vma_link(mm, addr, addr + len, vm_flags, new);
	return addr;
}
