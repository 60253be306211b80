/*
 * The page-frame allocator: a binary buddy system over the RAM that the
 * multiboot loader reports as available, below LOWMEM_LIMIT.
 *
 * Every frame below max_low_pfn has a struct page in mem_map saying
 * whether it is reserved (never managed), the head of a free block, or
 * the head of an allocated block with its order and reference count.
 * A free block of 2^order frames sits on free_area[order]. Its buddy is
 * the block whose frame number differs only in bit `order`; when both
 * are free they merge into one block of the next order.
 *
 * page_alloc_init() runs with only the boot mapping (the first
 * EARLY_MAP_BYTES at PAGE_OFFSET), so the loader's data and mem_map must
 * lie there. The free frames themselves are never touched, which is why
 * the free lists are threaded through mem_map rather than the frames.
 */
#include <asm/irq.h>
#include <asm/page.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/multiboot.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>

/* Real-mode IVT, BIOS data, EBDA, VGA and ROMs: never handed out. */
#define LOW_RESERVED_END	0x100000

#define MAX_AVAIL	32	/* available ranges kept from the map */
#define MAX_RESERVED	64	/* kernel, boot data, modules, mem_map */

struct mem_range {
	phys_addr_t start, end;		/* [start, end), page aligned */
};

static struct mem_range avail[MAX_AVAIL];
static unsigned nr_avail;
static struct mem_range reserved[MAX_RESERVED];
static unsigned nr_reserved;

struct page *mem_map;
unsigned long max_low_pfn;

static struct page *free_area[MAX_ORDER + 1];
static unsigned long nr_free, nr_managed;

/* ---- gathering the memory layout ---- */

/* Keep the page-aligned part of available RAM [start, end) below lowmem. */
static void add_avail(u64 start, u64 end)
{
	if (end > LOWMEM_LIMIT)
		end = LOWMEM_LIMIT;
	start = ALIGN_UP(start, PAGE_SIZE);
	end = ALIGN_DOWN(end, PAGE_SIZE);
	if (start >= end)
		return;
	if (nr_avail == MAX_AVAIL) {
		pr_warn("mm: too many memory ranges, ignoring %08llx-%08llx\n",
			start, end - 1);
		return;
	}
	avail[nr_avail++] = (struct mem_range){ start, end };
}

/* Never hand out the frames that [start, start + len) touches. */
static void add_reserved(phys_addr_t start, u64 len)
{
	u64 end = ALIGN_UP((u64)start + len, PAGE_SIZE);

	if (!len || start >= LOWMEM_LIMIT)
		return;
	if (end > LOWMEM_LIMIT)
		end = LOWMEM_LIMIT;
	if (nr_reserved == MAX_RESERVED)
		panic("mm: more than %d reserved ranges", MAX_RESERVED);
	reserved[nr_reserved++] =
		(struct mem_range){ ALIGN_DOWN(start, PAGE_SIZE), end };
}

/*
 * The loader's data at pa, through the boot mapping: only the first
 * EARLY_MAP_BYTES are mapped until paging_init, so anything beyond is
 * unreadable now and the boot cannot go on.
 */
static const void *boot_data(phys_addr_t pa, u64 len)
{
	if ((u64)pa + len > EARLY_MAP_BYTES)
		panic("mm: boot data at %08x (+%llu) is beyond the boot map",
		      pa, len);
	return __va(pa);
}

/* Reserve a NUL-terminated string the loader left at pa. */
static void reserve_string(phys_addr_t pa)
{
	const char *s = boot_data(pa, 1);

	add_reserved(pa, strnlen(s, EARLY_MAP_BYTES - pa) + 1);
}

/* The memory-map type as Linux's e820 log names it. */
static const char *mmap_type_name(u32 type)
{
	switch (type) {
	case MULTIBOOT_MEMORY_AVAILABLE:
		return "usable";
	case 3:
		return "ACPI data";
	case 4:
		return "ACPI NVS";
	case 5:
		return "unusable";
	default:
		return "reserved";
	}
}

/* Log the loader's memory map and collect its available ranges. */
static void read_memory_map(const struct multiboot_info *mbi)
{
	if (mbi->flags & MULTIBOOT_INFO_MEM_MAP) {
		phys_addr_t pa = mbi->mmap_addr;
		phys_addr_t end = pa + mbi->mmap_length;

		boot_data(pa, mbi->mmap_length);
		/* `size` counts the entry without itself, and may exceed 20. */
		while (pa + sizeof(struct multiboot_mmap_entry) <= end) {
			const struct multiboot_mmap_entry *e = __va(pa);

			if (e->len) {
				pr_info("mm: [mem 0x%09llx-0x%09llx] %s\n",
					e->addr, e->addr + e->len - 1,
					mmap_type_name(e->type));
				if (e->type == MULTIBOOT_MEMORY_AVAILABLE)
					add_avail(e->addr, e->addr + e->len);
			}
			pa += e->size + sizeof(e->size);
		}
	} else if (mbi->flags & MULTIBOOT_INFO_MEMORY) {
		pr_info("mm: no memory map; mem_lower=%uK mem_upper=%uK\n",
			mbi->mem_lower, mbi->mem_upper);
		add_avail(0, (u64)mbi->mem_lower << 10);
		add_avail(LOW_RESERVED_END,
			  LOW_RESERVED_END + ((u64)mbi->mem_upper << 10));
	} else {
		panic("mm: the boot loader reported no memory");
	}
	if (!nr_avail)
		panic("mm: no usable RAM below %lu MiB", LOWMEM_LIMIT >> 20);
}

/* Everything the kernel still needs from boot, and the low megabyte. */
static void reserve_boot_data(const struct multiboot_info *mbi)
{
	add_reserved(0, LOW_RESERVED_END);
	add_reserved(KERNEL_PHYS_LOAD, __pa(_end) - KERNEL_PHYS_LOAD);
	add_reserved(__pa(mbi), sizeof(*mbi));
	if (mbi->flags & MULTIBOOT_INFO_CMDLINE)
		reserve_string(mbi->cmdline);
	if (mbi->flags & MULTIBOOT_INFO_LOADER)
		reserve_string(mbi->boot_loader_name);
	if (mbi->flags & MULTIBOOT_INFO_MEM_MAP)
		add_reserved(mbi->mmap_addr, mbi->mmap_length);
	if (mbi->flags & MULTIBOOT_INFO_MODS) {
		u64 len = (u64)mbi->mods_count *
			  sizeof(struct multiboot_module);
		const struct multiboot_module *mod =
			boot_data(mbi->mods_addr, len);

		add_reserved(mbi->mods_addr, len);
		for (u32 i = 0; i < mbi->mods_count; i++) {
			/* The initramfs lives here; it is read after boot. */
			if (mod[i].mod_end > mod[i].mod_start)
				add_reserved(mod[i].mod_start,
					     mod[i].mod_end - mod[i].mod_start);
			if (mod[i].string)
				reserve_string(mod[i].string);
		}
	}
}

/* The reserved range overlapping [start, end), or NULL. */
static const struct mem_range *overlap(phys_addr_t start, phys_addr_t end)
{
	for (unsigned i = 0; i < nr_reserved; i++)
		if (reserved[i].start < end && start < reserved[i].end)
			return &reserved[i];
	return NULL;
}

/*
 * Frames [0, max_low_pfn) get a struct page and the linear map: all RAM,
 * the holes between, and any boot data above the last RAM range.
 */
static void find_max_low_pfn(void)
{
	phys_addr_t top = LOW_RESERVED_END;

	for (unsigned i = 0; i < nr_avail; i++)
		if (avail[i].end > top)
			top = avail[i].end;
	for (unsigned i = 0; i < nr_reserved; i++)
		if (reserved[i].end > top)
			top = reserved[i].end;
	max_low_pfn = top >> PAGE_SHIFT;
}

/* First fit for mem_map in available RAM that the boot mapping covers. */
static void place_mem_map(void)
{
	phys_addr_t size = ALIGN_UP(max_low_pfn * sizeof(struct page),
				    PAGE_SIZE);

	for (unsigned i = 0; i < nr_avail; i++) {
		phys_addr_t pa = avail[i].start;

		if (pa < LOW_RESERVED_END)
			pa = LOW_RESERVED_END;
		while ((u64)pa + size <= avail[i].end &&
		       pa + size <= EARLY_MAP_BYTES) {
			const struct mem_range *r = overlap(pa, pa + size);

			if (!r) {
				add_reserved(pa, size);
				mem_map = __va(pa);
				return;
			}
			pa = r->end;
		}
	}
	panic("mm: no room for mem_map (%u KiB) below %u MiB", size >> 10,
	      EARLY_MAP_BYTES >> 20);
}

/* ---- the buddy system ---- */

/* Put page on the free list of its order, as the head of a free block. */
static void free_list_add(struct page *page, unsigned order)
{
	page->flags = PG_buddy;
	page->order = order;
	page->prev = NULL;
	page->next = free_area[order];
	if (page->next)
		page->next->prev = page;
	free_area[order] = page;
}

/* Take a free block's head off its list; it keeps no flags. */
static void free_list_del(struct page *page)
{
	if (page->prev)
		page->prev->next = page->next;
	else
		free_area[page->order] = page->next;
	if (page->next)
		page->next->prev = page->prev;
	page->next = page->prev = NULL;
	page->flags = 0;
}

/*
 * Return the block of 2^order frames at pfn (no flags on any of them)
 * to the free lists, merging it with its buddy for as long as the buddy
 * is a free block of the same order.
 */
static void buddy_free(unsigned long pfn, unsigned order)
{
	while (order < MAX_ORDER) {
		unsigned long buddy = pfn ^ (1UL << order);

		if (buddy >= max_low_pfn ||
		    !(mem_map[buddy].flags & PG_buddy) ||
		    mem_map[buddy].order != order)
			break;
		free_list_del(&mem_map[buddy]);
		pfn &= ~(1UL << order);
		order++;
	}
	free_list_add(&mem_map[pfn], order);
}

/* Free frames [start, end) in the largest aligned blocks that fit. */
static void free_range(unsigned long start, unsigned long end)
{
	while (start < end) {
		unsigned order = MAX_ORDER;

		while ((start & ((1UL << order) - 1)) ||
		       start + (1UL << order) > end)
			order--;
		buddy_free(start, order);
		nr_free += 1UL << order;
		nr_managed += 1UL << order;
		start += 1UL << order;
	}
}

/*
 * Mark every frame reserved, then free each run of available frames
 * that no reserved range covers. A frame already freed (overlapping
 * entries in a buggy BIOS map) is no longer PG_reserved and is skipped.
 */
static void init_free_lists(void)
{
	memset(mem_map, 0, max_low_pfn * sizeof(struct page));
	for (unsigned long pfn = 0; pfn < max_low_pfn; pfn++)
		mem_map[pfn].flags = PG_reserved;

	for (unsigned i = 0; i < nr_avail; i++) {
		unsigned long pfn = avail[i].start >> PAGE_SHIFT;
		unsigned long end = avail[i].end >> PAGE_SHIFT;
		unsigned long run = pfn;

		for (; pfn <= end; pfn++) {
			phys_addr_t pa = pfn << PAGE_SHIFT;

			if (pfn < end && (mem_map[pfn].flags & PG_reserved) &&
			    !overlap(pa, pa + PAGE_SIZE)) {
				mem_map[pfn].flags = 0;
				continue;
			}
			free_range(run, pfn);
			run = pfn + 1;
		}
	}
}

/*
 * Read the map, reserve what boot left behind, place mem_map, then free
 * every remaining available frame into the buddy lists.
 */
void page_alloc_init(const struct multiboot_info *mbi)
{
	read_memory_map(mbi);
	reserve_boot_data(mbi);
	find_max_low_pfn();
	place_mem_map();
	init_free_lists();
	if (!nr_managed)
		panic("mm: no free memory after the kernel and boot data");
	pr_info("mm: mem_map at %08x, %lu KiB for %lu frames\n",
		__pa(mem_map), (max_low_pfn * sizeof(struct page)) >> 10,
		max_low_pfn);
}

/* The smallest free block that fits, split down to 2^order frames. */
phys_addr_t alloc_pages(unsigned order)
{
	unsigned long flags, pfn;
	struct page *page;
	unsigned o;

	if (order > MAX_ORDER)
		return 0;
	flags = local_irq_save();
	for (o = order; o <= MAX_ORDER && !free_area[o]; o++)
		;
	if (o > MAX_ORDER) {
		local_irq_restore(flags);
		return 0;
	}
	page = free_area[o];
	free_list_del(page);
	pfn = page - mem_map;
	/* Keep the lower half, give back the upper halves. */
	while (o > order) {
		o--;
		free_list_add(&mem_map[pfn + (1UL << o)], o);
	}
	page->flags = PG_head;
	page->order = order;
	page->count = 1;
	nr_free -= 1UL << order;
	local_irq_restore(flags);
	return pfn << PAGE_SHIFT;
}

/*
 * The head of the allocated block at pa that a caller may drop a
 * reference to, or NULL after logging why not (as `who`).
 */
static struct page *owned_block(phys_addr_t pa, const char *who)
{
	struct page *page = phys_to_page(pa);

	if (pa & ~PAGE_MASK) {
		pr_err("mm: %s(%08x): not page aligned\n", who, pa);
		return NULL;
	}
	if (!page || (page->flags & PG_reserved)) {
		pr_err("mm: %s(%08x): not a managed frame\n", who, pa);
		return NULL;
	}
	if (!(page->flags & PG_head)) {
		pr_err("mm: %s(%08x): frame not allocated (double free?)\n",
		       who, pa);
		return NULL;
	}
	if (page->flags & PG_slab) {
		pr_err("mm: %s(%08x): frame belongs to kmalloc\n", who, pa);
		return NULL;
	}
	return page;
}

/* Drop a reference; the last one returns the block. The new count. */
static int put_block(struct page *page)
{
	unsigned order = page->order;

	if (--page->count)
		return page->count;
	page->flags = 0;
	nr_free += 1UL << order;
	buddy_free(page - mem_map, order);
	return 0;
}

/* Drop the caller's reference; refuse anything but a live block's head. */
int free_pages(phys_addr_t pa, unsigned order)
{
	unsigned long flags = local_irq_save();
	struct page *page = owned_block(pa, "free_pages");
	int ret = -EINVAL;

	if (page && page->order != order)
		pr_err("mm: free_pages(%08x, %u): block has order %u\n", pa,
		       order, page->order);
	else if (page) {
		put_block(page);
		ret = 0;
	}
	local_irq_restore(flags);
	return ret;
}

/* Quiet: a free or unmanaged frame simply has no references. */
int page_ref_count(phys_addr_t pa)
{
	struct page *page = phys_to_page(pa);

	if (!page || (pa & ~PAGE_MASK) || !(page->flags & PG_head))
		return 0;
	return page->count;
}

/* Another owner for a live block (a frame shared copy-on-write). */
int page_ref_inc(phys_addr_t pa)
{
	unsigned long flags = local_irq_save();
	struct page *page = owned_block(pa, "page_ref_inc");
	int ret = page ? ++page->count : -EINVAL;

	local_irq_restore(flags);
	return ret;
}

/* free_pages for a block of any order, returning the count left. */
int page_ref_dec(phys_addr_t pa)
{
	unsigned long flags = local_irq_save();
	struct page *page = owned_block(pa, "page_ref_dec");
	int ret = page ? put_block(page) : -EINVAL;

	local_irq_restore(flags);
	return ret;
}

/* Uses the linear map: valid once paging_init has mapped all lowmem. */
void *get_zeroed_page(void)
{
	phys_addr_t pa = alloc_page();

	if (!pa)
		return NULL;
	memset(__va(pa), 0, PAGE_SIZE);
	return __va(pa);
}

/* Give back a get_zeroed_page() page by its kernel address; NULL is fine. */
void free_zeroed_page(void *va)
{
	if (va)
		free_page(__pa(va));
}

/* Exact: updated whenever a block moves onto or off the free lists. */
unsigned long nr_free_pages(void)
{
	return nr_free;
}

/* Frames given to the buddy lists at boot, allocated or not: fixed. */
unsigned long nr_managed_pages(void)
{
	return nr_managed;
}
