/*
 * Tests for the VMA bookkeeping behind mmap, munmap and mprotect
 * (mm/mmap.c, mm/mmap_syscalls.c, mm/mprotect.c), on address spaces
 * that are never loaded: merging, splitting and holes in the VMA list,
 * the PTEs mprotect leaves (PROT_NONE, copy-on-write kept read-only),
 * where mappings go, VM_SPECIAL VMAs, and that every frame comes back:
 * each test ends with the free-page count it started with.
 */
#include <linux/mman.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>

#define BASE	0x50000000UL	/* where the tests map with MAP_FIXED */
#define P(n)	((n) * PAGE_SIZE)
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)
#define VM_RW	(VM_READ | VM_WRITE)
#define PTE_RO	(PTE_PRESENT | PTE_USER)
#define PTE_RW	(PTE_PRESENT | PTE_USER | PTE_WRITE)

static int nr_vmas(struct mm_struct *mm)
{
	int n = 0;

	for (struct vm_area_struct *v = mm->mmap; v; v = v->vm_next)
		n++;
	return n;
}

/* Is [start, end) exactly one VMA with these flags? */
static bool is_vma(struct mm_struct *mm, unsigned long start,
		   unsigned long end, unsigned long flags)
{
	struct vm_area_struct *v = find_vma(mm, start);

	return v && v->vm_start == start && v->vm_end == end &&
	       v->vm_flags == flags;
}

/* do_mmap of anonymous memory: the address, or -errno as a long. */
static long map(struct mm_struct *mm, unsigned long addr, unsigned long len,
		unsigned long prot, unsigned long flags)
{
	return do_mmap(mm, NULL, addr, len, prot, flags, 0);
}

static long map_fixed(struct mm_struct *mm, unsigned long addr,
		      unsigned long len, unsigned long prot)
{
	return map(mm, addr, len, prot, ANON | MAP_FIXED);
}

/* Fault the page at addr in for writing; its frame, or 0. */
static phys_addr_t touch(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte;

	if (handle_mm_fault(mm, addr, true))
		return 0;
	pte = lookup_pte(mm->pgd, addr);
	return pte && (*pte & PTE_PRESENT) ? *pte & PAGE_MASK : 0;
}

static pte_t pte_of(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = lookup_pte(mm->pgd, addr);

	return pte ? *pte : 0;
}

KTEST(vma, insert_merges_neighbours)
{
	unsigned long start = nr_free_pages();
	struct mm_struct *mm = mm_alloc();

	KT_ASSERT(mm);
	KT_EXPECT_EQ(vma_insert(mm, BASE, BASE + P(2), VM_READ), 0);
	KT_EXPECT_EQ(vma_insert(mm, BASE + P(4), BASE + P(6), VM_READ), 0);
	KT_EXPECT_EQ(nr_vmas(mm), 2);
	KT_EXPECT_EQ(vma_insert(mm, BASE + P(1), BASE + P(3), VM_READ),
		     -EINVAL);
	/* Closing the gap joins all three. */
	KT_EXPECT_EQ(vma_insert(mm, BASE + P(2), BASE + P(4), VM_READ), 0);
	KT_EXPECT_EQ(nr_vmas(mm), 1);
	KT_EXPECT(is_vma(mm, BASE, BASE + P(6), VM_READ));
	/* Other flags, or a special VMA, stay apart. */
	KT_EXPECT_EQ(vma_insert(mm, BASE + P(6), BASE + P(7), VM_RW), 0);
	KT_EXPECT_EQ(vma_insert(mm, BASE + P(7), BASE + P(8),
				VM_RW | VM_SPECIAL), 0);
	KT_EXPECT_EQ(vma_insert(mm, BASE + P(8), BASE + P(9),
				VM_RW | VM_SPECIAL), 0);
	KT_EXPECT_EQ(nr_vmas(mm), 4);
	KT_EXPECT_EQ(vma_insert(mm, BASE + P(9), TASK_SIZE + PAGE_SIZE,
				VM_READ), -EINVAL);
	mmput(mm);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(vma, munmap_middle_leaves_a_hole)
{
	unsigned long start = nr_free_pages(), before;
	struct mm_struct *mm = mm_alloc();
	phys_addr_t f[5];

	KT_ASSERT(mm);
	KT_ASSERT(map_fixed(mm, BASE, P(5), RW) == BASE);
	for (int i = 0; i < 5; i++)
		KT_ASSERT((f[i] = touch(mm, BASE + P(i))));
	before = nr_free_pages();
	KT_EXPECT_EQ(do_munmap(mm, BASE + P(2), PAGE_SIZE), 0);
	KT_EXPECT_EQ(nr_free_pages(), before + 1);
	KT_EXPECT_EQ(nr_vmas(mm), 2);
	KT_EXPECT(is_vma(mm, BASE, BASE + P(2), VM_RW));
	KT_EXPECT(is_vma(mm, BASE + P(3), BASE + P(5), VM_RW));
	KT_EXPECT(!find_vma(mm, BASE + P(2)));
	KT_EXPECT_EQ(pte_of(mm, BASE + P(2)), 0);
	KT_EXPECT_EQ(pte_of(mm, BASE + P(1)) & PAGE_MASK, f[1]);
	KT_EXPECT_EQ(pte_of(mm, BASE + P(3)) & PAGE_MASK, f[3]);
	KT_EXPECT_EQ(page_ref_count(f[1]), 1);

	/* One call over two VMAs and the hole: trims both, frees 2 frames. */
	KT_EXPECT_EQ(do_munmap(mm, BASE + P(1), P(3)), 0);
	KT_EXPECT_EQ(nr_free_pages(), before + 3);
	KT_EXPECT(is_vma(mm, BASE, BASE + P(1), VM_RW));
	KT_EXPECT(is_vma(mm, BASE + P(4), BASE + P(5), VM_RW));
	/* Nothing mapped there at all: still 0. */
	KT_EXPECT_EQ(do_munmap(mm, BASE + P(100), P(10)), 0);
	KT_EXPECT_EQ(do_munmap(mm, BASE + 1, PAGE_SIZE), -EINVAL);
	KT_EXPECT_EQ(do_munmap(mm, BASE, 0), -EINVAL);
	KT_EXPECT_EQ(do_munmap(mm, TASK_SIZE - PAGE_SIZE, P(2)), -EINVAL);
	KT_EXPECT_EQ(do_munmap(mm, BASE, P(5)), 0);
	KT_EXPECT_EQ(nr_vmas(mm), 0);
	mmput(mm);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(vma, map_fixed_replaces)
{
	unsigned long start = nr_free_pages();
	struct mm_struct *mm = mm_alloc();
	phys_addr_t old, new;

	KT_ASSERT(mm);
	KT_ASSERT(map_fixed(mm, BASE, P(3), RW) == BASE);
	KT_ASSERT((old = touch(mm, BASE + P(1))));
	KT_ASSERT(touch(mm, BASE + P(2)));
	*(u32 *)__va(old) = 0xdeadbeef;
	/* The same flags: replaced, then merged back into one VMA. */
	KT_EXPECT_EQ(map_fixed(mm, BASE + P(1), PAGE_SIZE, RW), BASE + P(1));
	KT_EXPECT_EQ(nr_vmas(mm), 1);
	KT_EXPECT_EQ(pte_of(mm, BASE + P(1)), 0);
	KT_ASSERT((new = touch(mm, BASE + P(1))));
	KT_EXPECT_EQ(*(u32 *)__va(new), 0);
	/* Other flags: three VMAs. */
	KT_EXPECT_EQ(map_fixed(mm, BASE + P(1), PAGE_SIZE, PROT_READ),
		     BASE + P(1));
	KT_EXPECT_EQ(nr_vmas(mm), 3);
	KT_EXPECT(is_vma(mm, BASE + P(1), BASE + P(2), VM_READ));
	KT_EXPECT_EQ(map(mm, BASE, PAGE_SIZE, RW, ANON | MAP_FIXED_NOREPLACE),
		     -EEXIST);
	KT_EXPECT_EQ(map(mm, BASE + P(3), PAGE_SIZE, RW,
			 ANON | MAP_FIXED_NOREPLACE), BASE + P(3));
	mmput(mm);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(vma, placement_bottom_up)
{
	unsigned long start = nr_free_pages();
	struct mm_struct *mm = mm_alloc();
	unsigned long a, b, c;

	KT_ASSERT(mm);
	a = map(mm, 0, P(2), RW, ANON);
	b = map(mm, 0, PAGE_SIZE, PROT_READ, ANON);
	KT_EXPECT_EQ(a, TASK_UNMAPPED_BASE);
	KT_EXPECT_EQ(b, TASK_UNMAPPED_BASE + P(2));
	/* The lowest gap that fits comes first. */
	KT_EXPECT_EQ(do_munmap(mm, a, PAGE_SIZE), 0);
	KT_EXPECT_EQ(map(mm, 0, P(2), RW, ANON), TASK_UNMAPPED_BASE + P(3));
	KT_EXPECT_EQ(map(mm, 0, PAGE_SIZE, RW, ANON), a);
	/* A free hint is taken, a used one is not; a low one is raised. */
	KT_EXPECT_EQ(map(mm, BASE + 5, PAGE_SIZE, RW, ANON), BASE);
	c = map(mm, BASE, PAGE_SIZE, RW, ANON);
	KT_EXPECT(c != BASE && !mmap_is_err(c));
	KT_EXPECT_EQ(map(mm, 0x1000, PAGE_SIZE, RW, ANON), MMAP_MIN_ADDR);
	KT_EXPECT_EQ(map_fixed(mm, 0x1000, PAGE_SIZE, RW), -EPERM);
	KT_EXPECT_EQ(map_fixed(mm, BASE + 1, PAGE_SIZE, RW), -EINVAL);
	KT_EXPECT_EQ(map_fixed(mm, TASK_SIZE, PAGE_SIZE, RW), -ENOMEM);
	/* More than is left above TASK_UNMAPPED_BASE. */
	KT_EXPECT_EQ(map(mm, 0, TASK_SIZE - TASK_UNMAPPED_BASE, RW, ANON),
		     -ENOMEM);
	KT_EXPECT_EQ(map(mm, 0, 0, RW, ANON), -EINVAL);
	KT_EXPECT_EQ(map(mm, 0, PAGE_SIZE, RW, MAP_ANONYMOUS), -EINVAL);
	mmput(mm);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(vma, mprotect_splits_and_merges)
{
	unsigned long start = nr_free_pages();
	struct mm_struct *mm = mm_alloc();
	phys_addr_t f;

	KT_ASSERT(mm);
	KT_ASSERT(map_fixed(mm, BASE, P(4), RW) == BASE);
	KT_ASSERT((f = touch(mm, BASE + P(1))));
	KT_EXPECT_EQ(pte_of(mm, BASE + P(1)) & PTE_RW, PTE_RW);
	KT_EXPECT_EQ(do_mprotect(mm, BASE + P(1), P(2), PROT_READ), 0);
	KT_EXPECT_EQ(nr_vmas(mm), 3);
	KT_EXPECT(is_vma(mm, BASE, BASE + P(1), VM_RW));
	KT_EXPECT(is_vma(mm, BASE + P(1), BASE + P(3), VM_READ));
	KT_EXPECT(is_vma(mm, BASE + P(3), BASE + P(4), VM_RW));
	KT_EXPECT_EQ(pte_of(mm, BASE + P(1)), f | PTE_RO);
	KT_EXPECT_EQ(handle_mm_fault(mm, BASE + P(1), true), -EFAULT);

	/* PROT_NONE keeps the frame in a not-present entry. */
	KT_EXPECT_EQ(do_mprotect(mm, BASE + P(1), PAGE_SIZE, PROT_NONE), 0);
	KT_EXPECT_EQ(nr_vmas(mm), 4);
	KT_EXPECT_EQ(pte_of(mm, BASE + P(1)), f | PTE_PROTNONE);
	KT_EXPECT_EQ(handle_mm_fault(mm, BASE + P(1), false), -EFAULT);
	KT_EXPECT_EQ(user_page(mm, BASE + P(1), false), 0);

	/* All back to RW: one VMA again, the same frame, writable. */
	KT_EXPECT_EQ(do_mprotect(mm, BASE, P(4), RW), 0);
	KT_EXPECT_EQ(nr_vmas(mm), 1);
	KT_EXPECT(is_vma(mm, BASE, BASE + P(4), VM_RW));
	KT_EXPECT_EQ(pte_of(mm, BASE + P(1)), f | PTE_RW);

	/* A hole stops it; what came before has changed (Linux). */
	KT_EXPECT_EQ(do_munmap(mm, BASE + P(2), PAGE_SIZE), 0);
	KT_EXPECT_EQ(do_mprotect(mm, BASE, P(4), PROT_READ), -ENOMEM);
	KT_EXPECT(is_vma(mm, BASE, BASE + P(2), VM_READ));
	KT_EXPECT(is_vma(mm, BASE + P(3), BASE + P(4), VM_RW));
	KT_EXPECT_EQ(do_mprotect(mm, BASE + 1, PAGE_SIZE, PROT_READ), -EINVAL);
	KT_EXPECT_EQ(do_mprotect(mm, BASE, PAGE_SIZE, 0x10), -EINVAL);
	KT_EXPECT_EQ(do_mprotect(mm, BASE + P(2), 0, 0x10), 0);

	/* PROT_NONE frames are freed by munmap and by mmput. */
	KT_ASSERT(touch(mm, BASE + P(3)));
	KT_EXPECT_EQ(do_mprotect(mm, BASE + P(3), PAGE_SIZE, PROT_NONE), 0);
	KT_EXPECT_EQ(do_mprotect(mm, BASE, PAGE_SIZE, PROT_NONE), 0);
	KT_EXPECT_EQ(do_munmap(mm, BASE + P(3), PAGE_SIZE), 0);
	mmput(mm);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(vma, mprotect_keeps_cow_read_only)
{
	unsigned long start = nr_free_pages();
	struct mm_struct *mm = mm_alloc(), *child;
	phys_addr_t f, copy;

	KT_ASSERT(mm);
	KT_ASSERT(map_fixed(mm, BASE, PAGE_SIZE, RW) == BASE);
	KT_ASSERT((f = touch(mm, BASE)));
	child = dup_mm(mm);
	KT_ASSERT(child);
	KT_EXPECT_EQ(page_ref_count(f), 2);
	/* Shared with the child: RW in the VMA, still read-only in the PTE. */
	KT_EXPECT_EQ(do_mprotect(mm, BASE, PAGE_SIZE, PROT_READ), 0);
	KT_EXPECT_EQ(do_mprotect(mm, BASE, PAGE_SIZE, RW), 0);
	KT_EXPECT_EQ(pte_of(mm, BASE), f | PTE_RO);
	/* The write copies; the child keeps the frame. */
	KT_EXPECT_EQ(handle_mm_fault(mm, BASE, true), 0);
	copy = pte_of(mm, BASE) & PAGE_MASK;
	KT_EXPECT(copy != f);
	KT_EXPECT_EQ(page_ref_count(f), 1);
	KT_EXPECT_EQ(pte_of(child, BASE) & PAGE_MASK, f);
	/* The child is the last owner: mprotect RW makes it writable. */
	KT_EXPECT_EQ(do_mprotect(child, BASE, PAGE_SIZE, PROT_READ), 0);
	KT_EXPECT_EQ(do_mprotect(child, BASE, PAGE_SIZE, RW), 0);
	KT_EXPECT_EQ(pte_of(child, BASE), f | PTE_RW);
	/* munmap in one address space leaves the other's frame alone. */
	KT_EXPECT_EQ(do_munmap(child, BASE, PAGE_SIZE), 0);
	KT_EXPECT_EQ(pte_of(mm, BASE) & PAGE_MASK, copy);
	KT_EXPECT_EQ(page_ref_count(copy), 1);
	mmput(child);
	mmput(mm);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(vma, shared_stays_writable)
{
	unsigned long start = nr_free_pages();
	struct mm_struct *mm = mm_alloc();
	unsigned long a;
	phys_addr_t f;

	KT_ASSERT(mm);
	a = map(mm, 0, PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS);
	KT_ASSERT(!mmap_is_err(a));
	KT_EXPECT(is_vma(mm, a, a + PAGE_SIZE, VM_RW | VM_SHARED));
	KT_ASSERT((f = touch(mm, a)));
	page_ref_inc(f);	/* as if a child shared it */
	KT_EXPECT_EQ(do_mprotect(mm, a, PAGE_SIZE, PROT_READ), 0);
	KT_EXPECT_EQ(do_mprotect(mm, a, PAGE_SIZE, RW), 0);
	KT_EXPECT_EQ(pte_of(mm, a), f | PTE_RW);
	KT_EXPECT_EQ(do_munmap(mm, a, PAGE_SIZE), 0);
	KT_EXPECT_EQ(page_ref_count(f), 1);
	free_page(f);
	mmput(mm);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(vma, special_never_split_or_freed)
{
	unsigned long start = nr_free_pages();
	struct mm_struct *mm = mm_alloc();
	void *page = get_zeroed_page();
	phys_addr_t f;

	KT_ASSERT(mm && page);
	f = __pa(page);
	KT_ASSERT(vma_insert(mm, BASE, BASE + P(2), VM_READ | VM_SPECIAL) == 0);
	KT_ASSERT(map_page(mm->pgd, BASE, f, PTE_USER) == 0);
	KT_EXPECT_EQ(do_munmap(mm, BASE, PAGE_SIZE), -EINVAL);
	KT_EXPECT_EQ(map_fixed(mm, BASE + P(1), PAGE_SIZE, RW), -ENOMEM);
	KT_EXPECT_EQ(do_mprotect(mm, BASE, PAGE_SIZE, PROT_NONE), -EINVAL);
	KT_EXPECT_EQ(do_mprotect(mm, BASE, P(2), RW), -EACCES);
	KT_EXPECT(is_vma(mm, BASE, BASE + P(2), VM_READ | VM_SPECIAL));
	/* The whole of it may go PROT_NONE and back. */
	KT_EXPECT_EQ(do_mprotect(mm, BASE, P(2), PROT_NONE), 0);
	KT_EXPECT_EQ(pte_of(mm, BASE), f | PTE_PROTNONE);
	KT_EXPECT_EQ(do_mprotect(mm, BASE, P(2), PROT_READ), 0);
	KT_EXPECT_EQ(pte_of(mm, BASE), f | PTE_RO);
	/* Unmapping the whole VMA is allowed; the frame is not freed. */
	KT_EXPECT_EQ(do_munmap(mm, BASE, P(2)), 0);
	KT_EXPECT_EQ(nr_vmas(mm), 0);
	KT_EXPECT_EQ(page_ref_count(f), 1);
	mmput(mm);
	free_zeroed_page(page);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(vma, brk_shrinks_merged_heap)
{
	unsigned long start = nr_free_pages();
	struct mm_struct *mm = mm_alloc();

	KT_ASSERT(mm);
	/* A heap, and an anonymous mapping right after it: one VMA. */
	KT_ASSERT(vma_insert(mm, BASE, BASE + P(4), VM_RW) == 0);
	KT_ASSERT(map_fixed(mm, BASE + P(4), P(2), RW) == BASE + P(4));
	KT_EXPECT_EQ(nr_vmas(mm), 1);
	KT_ASSERT(touch(mm, BASE + P(3)));
	KT_EXPECT_EQ(vma_shrink(mm, BASE + P(2), BASE + P(4)), 0);
	KT_EXPECT(is_vma(mm, BASE, BASE + P(2), VM_RW));
	KT_EXPECT(is_vma(mm, BASE + P(4), BASE + P(6), VM_RW));
	KT_EXPECT_EQ(vma_shrink(mm, BASE + 1, BASE + P(2)), -EINVAL);
	mmput(mm);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(vma, huge_range_costs_only_what_is_touched)
{
	unsigned long start = nr_free_pages(), len = 0x40000000UL;
	struct mm_struct *mm = mm_alloc();
	unsigned long a;

	KT_ASSERT(mm);
	a = map(mm, 0, len, RW, ANON);
	KT_ASSERT(!mmap_is_err(a));
	KT_ASSERT(touch(mm, a) && touch(mm, a + len - PAGE_SIZE));
	KT_EXPECT_EQ(do_mprotect(mm, a, len, PROT_NONE), 0);
	KT_EXPECT_EQ(do_mprotect(mm, a, len, PROT_READ), 0);
	KT_EXPECT_EQ(pte_of(mm, a) & (PTE_PRESENT | PTE_WRITE), PTE_PRESENT);
	KT_EXPECT_EQ(do_munmap(mm, a, len), 0);
	KT_EXPECT_EQ(nr_vmas(mm), 0);
	mmput(mm);
	KT_EXPECT_EQ(nr_free_pages(), start);
}
