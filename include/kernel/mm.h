/*
 * Memory management: physical page frames, the kernel heap, and page
 * tables. Implemented in mm/ (page_alloc.c, kheap.c, paging.c).
 *
 * Physical memory below LOWMEM_LIMIT is mapped once, at PAGE_OFFSET, in
 * every address space; __va()/__pa() convert. Page frames are named by
 * physical address; 0 is never a valid frame (the BIOS owns page 0), so
 * it doubles as "no page".
 */
#ifndef _KERNEL_MM_H
#define _KERNEL_MM_H

#include <asm/page.h>
#include <kernel/types.h>

struct multiboot_info;

/* Bring up the page allocator, the final kernel page tables and the heap. */
void mm_init(const struct multiboot_info *mbi);

/* ---- page frames (mm/page_alloc.c) ---- */

/* 2^order physically contiguous frames, or 0 when memory is exhausted. */
phys_addr_t alloc_pages(unsigned order);
static inline phys_addr_t alloc_page(void) { return alloc_pages(0); }
/*
 * Give frames back. Freeing a frame that is not allocated (a double free,
 * or an address the allocator never handed out) is refused: it logs an
 * error and returns -EINVAL without touching the allocator's state.
 */
int free_pages(phys_addr_t pa, unsigned order);
static inline int free_page(phys_addr_t pa) { return free_pages(pa, 0); }

/*
 * Reference counts, for frames shared between address spaces (copy-on-
 * write). alloc_pages hands out a block holding one reference; free_pages
 * drops one, and the block returns to the allocator with the last. All
 * three take the block's first frame and return -EINVAL (or 0 for
 * page_ref_count) when pa does not start an allocated block.
 */
int page_ref_count(phys_addr_t pa);
int page_ref_inc(phys_addr_t pa);	/* the new count */
int page_ref_dec(phys_addr_t pa);	/* the new count; 0 = freed */

/* A zero-filled frame through the kernel map, or NULL. */
void *get_zeroed_page(void);
void free_zeroed_page(void *va);

unsigned long nr_free_pages(void);	/* frames free right now */
unsigned long nr_managed_pages(void);	/* frames the allocator manages */

/* ---- kernel heap (mm/kheap.c) ---- */

/* Small objects up to KMALLOC_MAX bytes, 8-byte aligned; NULL on failure. */
#define KMALLOC_MAX	2048
void *kmalloc(size_t size);
void *kzalloc(size_t size);
/* Free an object from kmalloc; NULL is fine, a bad pointer is refused. */
void kfree(const void *ptr);

/* ---- page tables (mm/paging.c) ---- */

typedef u32 pde_t;
typedef u32 pte_t;

#define PTE_PRESENT	0x001
#define PTE_WRITE	0x002
#define PTE_USER	0x004
#define PTE_PWT		0x008
#define PTE_PCD		0x010
#define PTE_ACCESSED	0x020
#define PTE_DIRTY	0x040
#define PTE_PSE		0x080	/* in a PDE: 4 MiB page */
#define PTE_GLOBAL	0x100
/*
 * Software bit, in a not-present PTE only: the page of a PROT_NONE VMA,
 * whose frame the entry keeps (Linux's _PAGE_PROTNONE). Every access
 * faults; mprotect makes it present again, munmap frees the frame.
 */
#define PTE_PROTNONE	0x200

#define PGDIR_SHIFT	22
#define PTRS_PER_PGD	1024
#define PTRS_PER_PTE	1024
#define KERNEL_PGD_FIRST (PAGE_OFFSET >> PGDIR_SHIFT)	/* 768 */

/* The kernel's page directory (built in boot/multiboot.asm, then mm/). */
extern pde_t swapper_pg_dir[PTRS_PER_PGD];

/* A new address space: empty user half, kernel half shared. NULL if OOM. */
pde_t *pgd_alloc(void);
/* Free an address space: its user page tables, not the frames they map. */
void pgd_free(pde_t *pgd);

/*
 * Map one page va -> pa with PTE_* flags (PTE_PRESENT is implied),
 * allocating a page table if needed. va must be a user address for a
 * pgd other than swapper_pg_dir. Returns 0, -ENOMEM, -EEXIST (already
 * mapped) or -EINVAL (unaligned or wrong half).
 */
int map_page(pde_t *pgd, uintptr_t va, phys_addr_t pa, u32 flags);
/* Unmap one page; returns the frame it mapped, or 0 if none. */
phys_addr_t unmap_page(pde_t *pgd, uintptr_t va);
/* The PTE mapping va, or NULL when no page table covers it. */
pte_t *lookup_pte(pde_t *pgd, uintptr_t va);

/*
 * Unmap (present = false) or map again one page of the kernel's linear
 * map, in every address space at once: a guard page below a kernel
 * stack. 0 or -EINVAL.
 */
int kernel_page_set_present(void *va, bool present);

/* Switch to an address space (loads CR3) and flush one TLB entry. */
void switch_pgd(pde_t *pgd);
static inline void flush_tlb_one(uintptr_t va)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(va) : "memory");
}

/* The end of addr's page table's 4 MiB, or end if that comes first. */
static inline unsigned long pgd_addr_end(unsigned long addr, unsigned long end)
{
	unsigned long next = (addr + (1UL << PGDIR_SHIFT)) &
			     ~((1UL << PGDIR_SHIFT) - 1);

	return next - 1 < end - 1 ? next : end;
}


/* ---- mm internals, for mm/ and its tests ---- */

/*
 * One per physical frame below max_low_pfn: mem_map[pa >> PAGE_SHIFT].
 * Only the first frame of a block (free or allocated) carries its order
 * and reference count; the others have no flags.
 */
struct page {
	u16 flags;			/* PG_* */
	u8 order;			/* PG_buddy, PG_head: log2(frames) */
	u8 slab_class;			/* PG_slab: kmalloc size class */
	int count;			/* PG_head: references held */
	struct page *next, *prev;	/* free list or kheap partial list */
	u16 slab_inuse;			/* PG_slab: objects handed out */
	u16 slab_free;			/* PG_slab: first free (offset) */
};

#define PG_reserved	0x01	/* never managed: firmware, kernel, boot data */
#define PG_buddy	0x02	/* heads a free block on a free list */
#define PG_head		0x04	/* heads an allocated block */
#define PG_slab		0x08	/* an allocated frame that kheap carves up */

#define MAX_ORDER	10	/* largest block: 2^10 frames = 4 MiB */

extern struct page *mem_map;
extern unsigned long max_low_pfn;	/* frames [0, max_low_pfn) are mapped */

/* The frame's struct page, or NULL if pa is beyond mem_map. */
static inline struct page *phys_to_page(phys_addr_t pa)
{
	unsigned long pfn = pa >> PAGE_SHIFT;

	return pfn < max_low_pfn ? &mem_map[pfn] : NULL;
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return (phys_addr_t)(page - mem_map) << PAGE_SHIFT;
}

/* kfree calls refused as a bad pointer or a double free (mm/kheap.c). */
extern unsigned long kfree_refused;

/* mm_init's three steps, in order. */
void page_alloc_init(const struct multiboot_info *mbi);
void paging_init(void);
void kheap_init(void);

/* ---- user address spaces (mm/mmap.c, mm/fault.c) ---- */

/* User space is everything below the kernel half. */
#define TASK_SIZE	PAGE_OFFSET

#define VM_READ		0x01
#define VM_WRITE	0x02
#define VM_EXEC		0x04
#define VM_SHARED	0x08	/* MAP_SHARED: fork shares the pages, no COW */
#define VM_SPECIAL	0x10	/* frames belong to the kernel (vDSO): never freed */
#define VM_GROWSDOWN	0x20	/* MAP_GROWSDOWN (for PROT_GROWSDOWN) */

/* One mapped range [vm_start, vm_end), page aligned; pages come on demand. */
struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
	unsigned long vm_flags;
	struct vm_area_struct *vm_next;	/* sorted by address */
};

struct mm_struct {
	pde_t *pgd;
	struct vm_area_struct *mmap;	/* the VMAs, sorted */
	unsigned long start_brk, brk;	/* the heap: [start_brk, brk) */
	unsigned long start_stack;
	unsigned long vdso_base;	/* AT_SYSINFO_EHDR */
	int users;
};

/* An empty address space (kernel half shared), or NULL. */
struct mm_struct *mm_alloc(void);
/* Drop a reference; the last one frees every page, table and VMA. */
void mmput(struct mm_struct *mm);
/*
 * fork: a copy of mm whose private writable pages are shared
 * copy-on-write (read-only in both, reference counted); VM_SHARED pages
 * are shared writable. NULL if out of memory (mm unchanged).
 */
struct mm_struct *dup_mm(struct mm_struct *mm);
/* Add [start, end) with VM_* flags. -EINVAL if it overlaps or is not user. */
int vma_insert(struct mm_struct *mm, unsigned long start, unsigned long end,
	       unsigned long flags);
/* Unmap [start, end), wherever it is mapped (brk shrinking). */
int vma_shrink(struct mm_struct *mm, unsigned long start, unsigned long end);
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/*
 * Resolve a fault at addr (a write if write): allocate and map a zeroed
 * page if a VMA allows the access. 0, -EFAULT (no VMA or not allowed)
 * or -ENOMEM.
 */
int handle_mm_fault(struct mm_struct *mm, unsigned long addr, bool write);
/* The frame mapped at addr (allocating it if the VMA allows), or 0. */
phys_addr_t user_page(struct mm_struct *mm, unsigned long addr, bool write);
/*
 * For the kernel building an address space (exec): the frame at addr,
 * allocated and mapped with the VMA's permissions if it is not there
 * yet, even in a read-only VMA. 0 if no VMA covers addr or no memory.
 */
phys_addr_t mm_populate_page(struct mm_struct *mm, unsigned long addr);
/* Copy into any address space through the kernel map: 0 or -EFAULT. */
int mm_copy_to(struct mm_struct *mm, unsigned long uaddr, const void *src,
	       size_t len);

/* ---- mmap, munmap, mprotect (mm/mmap.c, mmap_syscalls.c, mprotect.c) ---- */

/* Linux's legacy i386 layout: mmap searches upwards from here. */
#define TASK_UNMAPPED_BASE	(TASK_SIZE / 3)
/* Nothing is mapped below this (Linux's vm.mmap_min_addr default). */
#define MMAP_MIN_ADDR		0x10000UL

struct file;

/* An address, or -errno (-4095..-1) cast to unsigned long. */
static inline bool mmap_is_err(unsigned long v)
{
	return v >= (unsigned long)-4095;
}

/*
 * mmap in mm, Linux's do_mmap: prot PROT_*, flags MAP_*, file NULL for
 * MAP_ANONYMOUS, pgoff in pages. The new address or -errno.
 */
unsigned long do_mmap(struct mm_struct *mm, struct file *file,
		      unsigned long addr, unsigned long len, unsigned long prot,
		      unsigned long flags, unsigned long pgoff);
/* munmap in mm, with munmap(2)'s checks: 0 or -errno. */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
/* mprotect in mm, with mprotect(2)'s checks: 0 or -errno. */
int do_mprotect(struct mm_struct *mm, unsigned long start, size_t len,
		unsigned long prot);

/*
 * Where len bytes can go: a free hint (rounded up to a page), else the
 * lowest gap above TASK_UNMAPPED_BASE; with MAP_FIXED, addr itself.
 * The address, -ENOMEM, -EINVAL (MAP_FIXED, unaligned) or -EPERM (below
 * MMAP_MIN_ADDR).
 */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr,
				unsigned long len, unsigned long flags);
/*
 * Map [addr, addr + len) with vm_flags, replacing (unmapping) whatever
 * is there. addr, or -ENOMEM with nothing changed.
 */
unsigned long mmap_region(struct mm_struct *mm, unsigned long addr,
			  unsigned long len, unsigned long vm_flags);
/* The first VMA that ends above addr (it may start above it), or NULL. */
struct vm_area_struct *vma_above(struct mm_struct *mm, unsigned long addr);
/* Cut vma in two at addr (inside it, page aligned): 0, -EINVAL or -ENOMEM. */
int vma_split(struct vm_area_struct *vma, unsigned long addr);
/*
 * Join neighbours with the same flags (never VM_SPECIAL ones) whose
 * common boundary lies in [start, end].
 */
void vma_merge_range(struct mm_struct *mm, unsigned long start,
		     unsigned long end);

#endif
