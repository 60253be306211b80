/*
 * Page tables: the kernel's final mapping, and address spaces that
 * share it.
 *
 * The kernel half of every page directory, PDEs 768..1023, points at
 * the same 256 page tables. They are allocated once, here, and never
 * change; so a kernel mapping made later (a PTE filled in one of them)
 * is seen by every address space, including ones created before it, and
 * pgd_alloc() need only copy 256 PDEs. The first EARLY_TABLES of them
 * are the boot page tables from boot/multiboot.asm, which already map
 * the first EARLY_MAP_BYTES; the rest are static (1 MiB in .bss), so
 * building them needs no memory that is not mapped yet.
 *
 * Every mapping uses 4 KiB pages, so lookup_pte() always finds a PTE.
 * Kernel text stays writable for now: the linker script page-aligns
 * _text and _etext, so clearing PTE_WRITE over them is a later step.
 */
#include <asm/page.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define KERNEL_PDES	(PTRS_PER_PGD - KERNEL_PGD_FIRST)	/* 256 */
#define EARLY_TABLES	(EARLY_MAP_BYTES >> PGDIR_SHIFT)

/* The flags a caller may pass to map_page. */
#define PTE_MAP_FLAGS	(PTE_PRESENT | PTE_WRITE | PTE_USER | PTE_PWT | \
			 PTE_PCD)

/* boot/multiboot.asm's page tables for the first EARLY_MAP_BYTES. */
extern pte_t early_page_tables[EARLY_TABLES][PTRS_PER_PTE];

static pte_t kernel_page_tables[KERNEL_PDES - EARLY_TABLES][PTRS_PER_PTE]
	__aligned(PAGE_SIZE);

/* The page table behind kernel PDE KERNEL_PGD_FIRST + i. */
static pte_t *kernel_page_table(unsigned i)
{
	if (i < EARLY_TABLES)
		return early_page_tables[i];
	return kernel_page_tables[i - EARLY_TABLES];
}

/* The physical address of the current page directory. */
static phys_addr_t read_cr3(void)
{
	phys_addr_t cr3;

	__asm__ __volatile__("mov %%cr3, %0" : "=r"(cr3));
	return cr3;
}

/* Loading CR3 flushes every TLB entry (no global pages are in use). */
static void write_cr3(phys_addr_t cr3)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(cr3) : "memory");
}

/*
 * Map frames [0, max_low_pfn) at PAGE_OFFSET through all 256 kernel page
 * tables, then drop the boot identity map so that a NULL (or any low)
 * pointer dereference in the kernel faults. Runs on the boot mapping:
 * the code, stack and page tables are all in the kernel image.
 */
void paging_init(void)
{
	unsigned long pfn = 0;

	for (unsigned i = 0; i < KERNEL_PDES; i++) {
		pte_t *pt = kernel_page_table(i);

		for (unsigned j = 0; j < PTRS_PER_PTE; j++, pfn++)
			pt[j] = pfn < max_low_pfn ?
				(pfn << PAGE_SHIFT) | PTE_PRESENT | PTE_WRITE :
				0;
		/* No PTE_USER: user mode never reaches the kernel half. */
		swapper_pg_dir[KERNEL_PGD_FIRST + i] =
			__pa(pt) | PTE_PRESENT | PTE_WRITE;
	}
	for (unsigned i = 0; i < KERNEL_PGD_FIRST; i++)
		swapper_pg_dir[i] = 0;
	write_cr3(__pa(swapper_pg_dir));
	pr_info("paging: %lu MiB of lowmem at %08x, identity map removed\n",
		max_low_pfn >> (20 - PAGE_SHIFT), PAGE_OFFSET);
}

/* swapper_pg_dir holds kernel mappings only; others, user ones only. */
static bool va_in_half_of(const pde_t *pgd, uintptr_t va)
{
	return (va >= PAGE_OFFSET) == (pgd == swapper_pg_dir);
}

/* A zeroed directory whose kernel half points at the shared tables. */
pde_t *pgd_alloc(void)
{
	pde_t *pgd = get_zeroed_page();

	if (!pgd)
		return NULL;
	memcpy(&pgd[KERNEL_PGD_FIRST], &swapper_pg_dir[KERNEL_PGD_FIRST],
	       KERNEL_PDES * sizeof(pde_t));
	return pgd;
}

/*
 * Free the user page tables and the directory. The kernel half's tables
 * are shared, so never freed; an address space in use is refused.
 */
void pgd_free(pde_t *pgd)
{
	if (!pgd)
		return;
	if (pgd == swapper_pg_dir || __pa(pgd) == read_cr3()) {
		pr_err("paging: pgd_free(%p): directory is in use\n", pgd);
		return;
	}
	for (unsigned i = 0; i < KERNEL_PGD_FIRST; i++)
		if (pgd[i] & PTE_PRESENT)
			free_page(pgd[i] & PAGE_MASK);
	free_zeroed_page(pgd);
}

/* Walk the two levels; no page table (or a 4 MiB page) gives NULL. */
pte_t *lookup_pte(pde_t *pgd, uintptr_t va)
{
	pde_t pde = pgd[va >> PGDIR_SHIFT];
	pte_t *pt;

	if (!(pde & PTE_PRESENT) || (pde & PTE_PSE))
		return NULL;
	pt = __va(pde & PAGE_MASK);
	return &pt[(va >> PAGE_SHIFT) & (PTRS_PER_PTE - 1)];
}

/* Fill the PTE for va, allocating a user page table on first use. */
int map_page(pde_t *pgd, uintptr_t va, phys_addr_t pa, u32 flags)
{
	pde_t *pde;
	pte_t *pte;

	if (!pgd || (va & ~PAGE_MASK) || (pa & ~PAGE_MASK) ||
	    (flags & ~PTE_MAP_FLAGS) || !va_in_half_of(pgd, va))
		return -EINVAL;
	if (va >= PAGE_OFFSET && (flags & PTE_USER))
		return -EINVAL;
	pde = &pgd[va >> PGDIR_SHIFT];
	if (!(*pde & PTE_PRESENT)) {
		/* Only a user PDE can be empty: kernel ones are preset. */
		pte_t *pt = get_zeroed_page();

		if (!pt)
			return -ENOMEM;
		/* Permissive here; each PTE carries the real permission. */
		*pde = __pa(pt) | PTE_USER | PTE_WRITE | PTE_PRESENT;
	}
	pte = lookup_pte(pgd, va);
	if (*pte & PTE_PRESENT)
		return -EEXIST;
	/* A not-present entry is never cached in the TLB: no flush. */
	*pte = pa | flags | PTE_PRESENT;
	return 0;
}

/*
 * Clear va's PTE and flush it where it may be cached. The frame goes
 * back to the caller, who owns it; empty page tables stay until pgd_free.
 */
phys_addr_t unmap_page(pde_t *pgd, uintptr_t va)
{
	pte_t *pte;
	phys_addr_t pa;

	if (!pgd || (va & ~PAGE_MASK) || !va_in_half_of(pgd, va)) {
		pr_err("paging: unmap_page(%p, %08lx): bad address\n", pgd,
		       (unsigned long)va);
		return 0;
	}
	pte = lookup_pte(pgd, va);
	if (!pte || !(*pte & PTE_PRESENT))
		return 0;
	pa = *pte & PAGE_MASK;
	*pte = 0;
	/* Kernel PTEs are live in every address space, including this one. */
	if (va >= PAGE_OFFSET || __pa(pgd) == read_cr3())
		flush_tlb_one(va);
	return pa;
}

/* The kernel half is the same everywhere, so the kernel runs on. */
void switch_pgd(pde_t *pgd)
{
	BUG_ON(!pgd);
	write_cr3(__pa(pgd));
}

int kernel_page_set_present(void *va, bool present)
{
	pte_t *pte = lookup_pte(swapper_pg_dir, (uintptr_t)va);

	if ((uintptr_t)va < PAGE_OFFSET || ((uintptr_t)va & ~PAGE_MASK) || !pte)
		return -EINVAL;
	if (present)
		*pte |= PTE_PRESENT;
	else
		*pte &= ~PTE_PRESENT;
	flush_tlb_one((uintptr_t)va);
	return 0;
}
