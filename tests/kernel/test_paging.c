/*
 * Tests for the page tables (mm/paging.c): the final kernel map, shared
 * kernel halves, mapping through a fresh address space, the error
 * cases, and pgd_free returning what it allocated. Each test switches
 * back to swapper_pg_dir and frees everything it took.
 */
#include <asm/page.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>

#define USER_VA		0x08048000UL	/* where an ELF program starts */
/* Above lowmem (which ends at 0xF8000000 at most): free for tests. */
#define KERNEL_TEST_VA	0xFF800000UL

/* The directory the CPU is using now. */
static phys_addr_t current_cr3(void)
{
	phys_addr_t cr3;

	__asm__ __volatile__("mov %%cr3, %0" : "=r"(cr3));
	return cr3;
}

/* The frame va maps in pgd, or 0 if none. */
static phys_addr_t mapped_frame(pde_t *pgd, uintptr_t va)
{
	pte_t *pte = lookup_pte(pgd, va);

	return pte && (*pte & PTE_PRESENT) ? *pte & PAGE_MASK : 0;
}

KTEST(paging, identity_map_gone)
{
	int user_pdes = 0;

	KT_EXPECT_EQ(mapped_frame(swapper_pg_dir, 0), 0);
	KT_EXPECT_EQ(mapped_frame(swapper_pg_dir, 0x100000), 0);
	for (unsigned i = 0; i < KERNEL_PGD_FIRST; i++)
		user_pdes += swapper_pg_dir[i] != 0;
	KT_EXPECT_EQ(user_pdes, 0);
	KT_EXPECT_EQ(current_cr3(), __pa(swapper_pg_dir));
}

KTEST(paging, lowmem_mapped)
{
	phys_addr_t last = (max_low_pfn - 1) << PAGE_SHIFT;
	int missing = 0;

	KT_EXPECT_EQ(mapped_frame(swapper_pg_dir, PAGE_OFFSET), 0);
	KT_EXPECT_EQ(mapped_frame(swapper_pg_dir, PAGE_OFFSET + 0xB8000),
		     0xB8000);
	KT_EXPECT_EQ(mapped_frame(swapper_pg_dir, (uintptr_t)_text),
		     __pa(_text));
	KT_EXPECT_EQ(mapped_frame(swapper_pg_dir, (uintptr_t)__va(last)),
		     last);
	/* Every lowmem frame, one per 4 MiB plus the last page. */
	for (unsigned long pfn = 0; pfn < max_low_pfn; pfn += 1024)
		missing += mapped_frame(swapper_pg_dir,
			(uintptr_t)__va(pfn << PAGE_SHIFT)) !=
			pfn << PAGE_SHIFT;
	KT_EXPECT_EQ(missing, 0);
	if (max_low_pfn < (LOWMEM_LIMIT >> PAGE_SHIFT))
		KT_EXPECT_EQ(mapped_frame(swapper_pg_dir,
				(uintptr_t)__va(max_low_pfn << PAGE_SHIFT)), 0);
	/* All kernel page tables exist up front, none reachable by users. */
	for (unsigned i = KERNEL_PGD_FIRST; i < PTRS_PER_PGD; i++) {
		KT_EXPECT(swapper_pg_dir[i] & PTE_PRESENT);
		KT_EXPECT(!(swapper_pg_dir[i] & PTE_USER));
	}
}

KTEST(paging, pgd_alloc_shares_kernel_half)
{
	unsigned long start = nr_free_pages();
	pde_t *pgd = pgd_alloc();
	int differ = 0, user = 0;

	KT_ASSERT(pgd);
	KT_EXPECT(pgd != swapper_pg_dir);
	KT_EXPECT_EQ(nr_free_pages(), start - 1);
	for (unsigned i = KERNEL_PGD_FIRST; i < PTRS_PER_PGD; i++)
		differ += pgd[i] != swapper_pg_dir[i];
	for (unsigned i = 0; i < KERNEL_PGD_FIRST; i++)
		user += pgd[i] != 0;
	KT_EXPECT_EQ(differ, 0);
	KT_EXPECT_EQ(user, 0);
	pgd_free(pgd);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(paging, map_switch_unmap)
{
	unsigned long start = nr_free_pages();
	volatile u32 *uptr = (volatile u32 *)USER_VA;
	pde_t *pgd = pgd_alloc();
	phys_addr_t pa = alloc_page();
	pte_t *pte;
	u32 seen;

	KT_ASSERT(pgd && pa);
	*(u32 *)__va(pa) = 0;
	KT_EXPECT_EQ(map_page(pgd, USER_VA, pa, PTE_USER | PTE_WRITE), 0);
	pte = lookup_pte(pgd, USER_VA);
	KT_ASSERT(pte);
	KT_EXPECT_EQ(*pte & PAGE_MASK, pa);
	KT_EXPECT_EQ(*pte & (PTE_PRESENT | PTE_WRITE | PTE_USER),
		     PTE_PRESENT | PTE_WRITE | PTE_USER);
	KT_EXPECT_EQ(pgd[USER_VA >> PGDIR_SHIFT] & ~PAGE_MASK & 7,
		     PTE_PRESENT | PTE_WRITE | PTE_USER);
	/* One directory and one page table besides the frame. */
	KT_EXPECT_EQ(nr_free_pages(), start - 3);
	/* The kernel's directory does not see the user mapping. */
	KT_EXPECT_EQ(mapped_frame(swapper_pg_dir, USER_VA), 0);

	switch_pgd(pgd);
	KT_EXPECT_EQ(current_cr3(), __pa(pgd));
	*uptr = 0xC0FFEE42;
	seen = *uptr;
	switch_pgd(swapper_pg_dir);
	KT_EXPECT_EQ(current_cr3(), __pa(swapper_pg_dir));
	KT_EXPECT_EQ(seen, 0xC0FFEE42);
	KT_EXPECT_EQ(*(u32 *)__va(pa), 0xC0FFEE42);

	KT_EXPECT_EQ(unmap_page(pgd, USER_VA), pa);
	KT_EXPECT_EQ(mapped_frame(pgd, USER_VA), 0);
	KT_EXPECT_EQ(unmap_page(pgd, USER_VA), 0);
	KT_EXPECT_EQ(unmap_page(pgd, USER_VA + PAGE_SIZE), 0);
	KT_EXPECT_EQ(free_page(pa), 0);
	pgd_free(pgd);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(paging, map_errors)
{
	unsigned long start = nr_free_pages();
	pde_t *pgd = pgd_alloc();
	phys_addr_t pa = alloc_page(), other = alloc_page();
	unsigned long before;

	KT_ASSERT(pgd && pa && other);
	before = nr_free_pages();
	/* The wrong half for the directory. */
	KT_EXPECT_EQ(map_page(swapper_pg_dir, USER_VA, pa, PTE_WRITE),
		     -EINVAL);
	KT_EXPECT_EQ(map_page(pgd, KERNEL_TEST_VA, pa, PTE_WRITE), -EINVAL);
	KT_EXPECT_EQ(map_page(pgd, PAGE_OFFSET, pa, PTE_WRITE), -EINVAL);
	/* Unaligned, or flags that are not a PTE's permissions. */
	KT_EXPECT_EQ(map_page(pgd, USER_VA + 1, pa, PTE_WRITE), -EINVAL);
	KT_EXPECT_EQ(map_page(pgd, USER_VA, pa + 4, PTE_WRITE), -EINVAL);
	KT_EXPECT_EQ(map_page(pgd, USER_VA, pa, PTE_PSE), -EINVAL);
	KT_EXPECT_EQ(map_page(swapper_pg_dir, KERNEL_TEST_VA, pa, PTE_USER),
		     -EINVAL);
	KT_EXPECT_EQ(map_page(NULL, USER_VA, pa, 0), -EINVAL);
	KT_EXPECT_EQ(unmap_page(pgd, PAGE_OFFSET), 0);	/* refused */
	KT_EXPECT_EQ(mapped_frame(swapper_pg_dir, PAGE_OFFSET + 0x100000),
		     0x100000);
	/* Nothing was mapped or allocated by the refusals. */
	KT_EXPECT_EQ(nr_free_pages(), before);
	KT_EXPECT_EQ(mapped_frame(pgd, USER_VA), 0);

	KT_EXPECT_EQ(map_page(pgd, USER_VA, pa, 0), 0);
	KT_EXPECT_EQ(map_page(pgd, USER_VA, pa, 0), -EEXIST);
	KT_EXPECT_EQ(map_page(pgd, USER_VA, other, PTE_WRITE), -EEXIST);
	KT_EXPECT_EQ(mapped_frame(pgd, USER_VA), pa);
	/* Lowmem is already mapped in the kernel half. */
	KT_EXPECT_EQ(map_page(swapper_pg_dir, PAGE_OFFSET + 0x100000, pa,
			      PTE_WRITE), -EEXIST);
	KT_EXPECT_EQ(unmap_page(pgd, USER_VA), pa);
	pgd_free(pgd);
	KT_EXPECT_EQ(free_page(pa), 0);
	KT_EXPECT_EQ(free_page(other), 0);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

/* pgd_free takes the page tables and directory, not the mapped frames. */
KTEST(paging, pgd_free_returns_tables)
{
	unsigned long start = nr_free_pages();
	pde_t *pgd = pgd_alloc();
	phys_addr_t pa = alloc_page();

	KT_ASSERT(pgd && pa);
	/* Four page tables: 0x400000 and 0x401000 share one. */
	KT_EXPECT_EQ(map_page(pgd, 0x400000, pa, PTE_USER), 0);
	KT_EXPECT_EQ(map_page(pgd, 0x401000, pa, PTE_USER), 0);
	KT_EXPECT_EQ(map_page(pgd, 0x10000000, pa, PTE_USER), 0);
	KT_EXPECT_EQ(map_page(pgd, 0x80000000, pa, PTE_USER), 0);
	KT_EXPECT_EQ(map_page(pgd, PAGE_OFFSET - PAGE_SIZE, pa, PTE_USER), 0);
	KT_EXPECT_EQ(nr_free_pages(), start - 2 - 4);
	pgd_free(pgd);
	KT_EXPECT_EQ(nr_free_pages(), start - 1);
	KT_EXPECT_EQ(page_ref_count(pa), 1);
	KT_EXPECT_EQ(free_page(pa), 0);
	KT_EXPECT_EQ(nr_free_pages(), start);
	/* The kernel's own directory is never freed. */
	pgd_free(swapper_pg_dir);
	KT_EXPECT(swapper_pg_dir[KERNEL_PGD_FIRST] & PTE_PRESENT);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

/*
 * A kernel mapping made after an address space was created is seen by
 * it: the kernel half's page tables are shared, not copied.
 */
KTEST(paging, later_kernel_mapping_shared)
{
	unsigned long start = nr_free_pages();
	pde_t *pgd = pgd_alloc();
	phys_addr_t pa = alloc_page();
	volatile u32 *kptr = (volatile u32 *)KERNEL_TEST_VA;
	u32 seen;

	KT_ASSERT(pgd && pa);
	*(u32 *)__va(pa) = 0x5eed;
	KT_ASSERT(map_page(swapper_pg_dir, KERNEL_TEST_VA, pa, PTE_WRITE) ==
		  0);
	KT_EXPECT(lookup_pte(pgd, KERNEL_TEST_VA) ==
		  lookup_pte(swapper_pg_dir, KERNEL_TEST_VA));
	KT_EXPECT_EQ(nr_free_pages(), start - 2);	/* no new page table */
	switch_pgd(pgd);
	seen = *kptr;
	*kptr = 0xbeef;
	switch_pgd(swapper_pg_dir);
	KT_EXPECT_EQ(seen, 0x5eed);
	KT_EXPECT_EQ(*(u32 *)__va(pa), 0xbeef);
	KT_EXPECT_EQ(unmap_page(swapper_pg_dir, KERNEL_TEST_VA), pa);
	KT_EXPECT_EQ(mapped_frame(pgd, KERNEL_TEST_VA), 0);
	pgd_free(pgd);
	KT_EXPECT_EQ(free_page(pa), 0);
	KT_EXPECT_EQ(nr_free_pages(), start);
}
