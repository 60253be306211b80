/*
 * Tests for the page-frame allocator (mm/page_alloc.c): alignment,
 * exact free counts, contiguous orders, exhaustion, refused frees,
 * reserved frames and reference counts. Each test gives back what it
 * took, so the free count ends where it started.
 */
#include <asm/page.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/multiboot.h>
#include <kernel/string.h>

#define NR_FRAMES	64

/* The frame lies in managed memory and is page aligned. */
static bool frame_in_range(phys_addr_t pa)
{
	return pa && !(pa & ~PAGE_MASK) && pa >= 0x100000 &&
	       (pa >> PAGE_SHIFT) < max_low_pfn;
}

/* [pa, pa + PAGE_SIZE) overlaps something the allocator must keep. */
static bool frame_is_reserved_area(phys_addr_t pa)
{
	phys_addr_t map = __pa(mem_map);
	phys_addr_t map_end = map + max_low_pfn * sizeof(struct page);

	return pa < 0x100000 ||
	       (pa + PAGE_SIZE > KERNEL_PHYS_LOAD && pa < __pa(_end)) ||
	       (pa + PAGE_SIZE > map && pa < map_end) ||
	       (pa == (__pa(boot_info) & PAGE_MASK));
}

KTEST(page_alloc, single_frames)
{
	phys_addr_t pa[NR_FRAMES];
	unsigned long start = nr_free_pages();

	for (int i = 0; i < NR_FRAMES; i++) {
		pa[i] = alloc_page();
		KT_ASSERT(pa[i]);
		KT_EXPECT(frame_in_range(pa[i]));
		KT_EXPECT(!frame_is_reserved_area(pa[i]));
		KT_EXPECT_EQ(page_ref_count(pa[i]), 1);
		for (int j = 0; j < i; j++)
			KT_EXPECT(pa[i] != pa[j]);
	}
	KT_EXPECT_EQ(nr_free_pages(), start - NR_FRAMES);
	for (int i = 0; i < NR_FRAMES; i++)
		KT_EXPECT_EQ(free_page(pa[i]), 0);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(page_alloc, orders_contiguous_and_aligned)
{
	unsigned long start = nr_free_pages();

	for (unsigned order = 0; order <= MAX_ORDER; order++) {
		unsigned long n = 1UL << order;
		phys_addr_t pa = alloc_pages(order);

		KT_ASSERT(pa);
		KT_EXPECT(frame_in_range(pa));
		KT_EXPECT((pa >> PAGE_SHIFT) + n <= max_low_pfn);
		KT_EXPECT_EQ(pa & ((PAGE_SIZE << order) - 1), 0);
		KT_EXPECT_EQ(nr_free_pages(), start - n);
		/* Contiguous: every frame of the block is ours to write. */
		for (unsigned long i = 0; i < n; i++)
			*(u32 *)__va(pa + i * PAGE_SIZE) = pa + i;
		for (unsigned long i = 0; i < n; i++)
			KT_EXPECT_EQ(*(u32 *)__va(pa + i * PAGE_SIZE), pa + i);
		if (order) {
			/* Only the head frame names the block. */
			KT_EXPECT_EQ(free_page(pa + PAGE_SIZE), -EINVAL);
			KT_EXPECT_EQ(page_ref_count(pa + PAGE_SIZE), 0);
		}
		KT_EXPECT_EQ(free_pages(pa, order), 0);
		KT_EXPECT_EQ(nr_free_pages(), start);
	}
	KT_EXPECT_EQ(alloc_pages(MAX_ORDER + 1), 0);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

/*
 * Take every free frame, chaining them through their first word (the
 * linear map reaches them all), then give them all back. Frames must
 * merge again: a MAX_ORDER block is available afterwards.
 */
KTEST(page_alloc, exhaustion)
{
	unsigned long start = nr_free_pages(), n = 0, bad = 0, refused = 0;
	phys_addr_t head = 0, pa;

	while ((pa = alloc_page())) {
		if (!frame_in_range(pa) || frame_is_reserved_area(pa))
			bad++;
		*(phys_addr_t *)__va(pa) = head;
		head = pa;
		n++;
	}
	KT_EXPECT_EQ(n, start);
	KT_EXPECT_EQ(bad, 0);
	KT_EXPECT_EQ(nr_free_pages(), 0);
	KT_EXPECT_EQ(alloc_pages(0), 0);
	KT_EXPECT(!get_zeroed_page());
	while (head) {
		pa = head;
		head = *(phys_addr_t *)__va(pa);
		if (free_page(pa))
			refused++;
	}
	KT_EXPECT_EQ(refused, 0);
	KT_EXPECT_EQ(nr_free_pages(), start);
	pa = alloc_pages(MAX_ORDER);
	KT_EXPECT(pa);
	if (pa)
		KT_EXPECT_EQ(free_pages(pa, MAX_ORDER), 0);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(page_alloc, double_free)
{
	phys_addr_t pa = alloc_pages(2);
	unsigned long start;

	KT_ASSERT(pa);
	KT_EXPECT_EQ(free_pages(pa, 2), 0);
	start = nr_free_pages();
	KT_EXPECT_EQ(free_pages(pa, 2), -EINVAL);
	KT_EXPECT_EQ(free_page(pa), -EINVAL);
	KT_EXPECT_EQ(nr_free_pages(), start);
	/* The refused frees left the lists intact: all of it comes back. */
	KT_EXPECT_EQ(alloc_pages(2), pa);
	KT_EXPECT_EQ(free_pages(pa, 2), 0);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(page_alloc, bad_free)
{
	phys_addr_t pa = alloc_pages(1);
	unsigned long start = nr_free_pages();

	KT_ASSERT(pa);
	KT_EXPECT_EQ(free_page(0), -EINVAL);
	KT_EXPECT_EQ(free_page(0x1000), -EINVAL);		/* < 1 MiB */
	KT_EXPECT_EQ(free_page(0xB8000), -EINVAL);		/* VGA */
	KT_EXPECT_EQ(free_page(__pa(_text)), -EINVAL);		/* kernel */
	KT_EXPECT_EQ(free_page(__pa(mem_map)), -EINVAL);	/* metadata */
	KT_EXPECT_EQ(free_page(max_low_pfn << PAGE_SHIFT), -EINVAL);
	KT_EXPECT_EQ(free_page(0xFFFFF000), -EINVAL);
	KT_EXPECT_EQ(free_pages(pa + 1, 1), -EINVAL);		/* misaligned */
	KT_EXPECT_EQ(free_pages(pa, 0), -EINVAL);	/* wrong order */
	KT_EXPECT_EQ(free_pages(pa, 3), -EINVAL);
	KT_EXPECT_EQ(free_pages(pa, 99), -EINVAL);
	KT_EXPECT_EQ(nr_free_pages(), start);
	KT_EXPECT_EQ(page_ref_count(pa), 1);
	KT_EXPECT_EQ(free_pages(pa, 1), 0);
	KT_EXPECT_EQ(nr_free_pages(), start + 2);
}

KTEST(page_alloc, reserved_frames)
{
	phys_addr_t map = __pa(mem_map);

	for (phys_addr_t pa = 0; pa < 0x100000; pa += PAGE_SIZE)
		KT_EXPECT(phys_to_page(pa)->flags & PG_reserved);
	for (phys_addr_t pa = KERNEL_PHYS_LOAD; pa < __pa(_end);
	     pa += PAGE_SIZE)
		KT_EXPECT(phys_to_page(pa)->flags & PG_reserved);
	for (phys_addr_t pa = map & PAGE_MASK;
	     pa < map + max_low_pfn * sizeof(struct page); pa += PAGE_SIZE)
		KT_EXPECT(phys_to_page(pa)->flags & PG_reserved);
	KT_EXPECT(phys_to_page(__pa(boot_info))->flags & PG_reserved);
	if (boot_info->flags & MULTIBOOT_INFO_CMDLINE)
		KT_EXPECT(phys_to_page(boot_info->cmdline)->flags &
			  PG_reserved);
	if (boot_info->flags & MULTIBOOT_INFO_MODS) {
		const struct multiboot_module *mod = __va(boot_info->mods_addr);

		for (u32 i = 0; i < boot_info->mods_count; i++)
			for (phys_addr_t pa = mod[i].mod_start & PAGE_MASK;
			     pa < mod[i].mod_end; pa += PAGE_SIZE)
				KT_EXPECT(phys_to_page(pa)->flags &
					  PG_reserved);
	}
	KT_EXPECT_EQ(page_ref_count(0), 0);
	KT_EXPECT_EQ(page_ref_inc(__pa(_text)), -EINVAL);
	KT_EXPECT(nr_managed_pages() >= nr_free_pages());
	KT_EXPECT(nr_managed_pages() < max_low_pfn);
}

KTEST(page_alloc, refcount)
{
	unsigned long start = nr_free_pages();
	phys_addr_t pa = alloc_page();

	KT_ASSERT(pa);
	KT_EXPECT_EQ(page_ref_count(pa), 1);
	KT_EXPECT_EQ(page_ref_inc(pa), 2);
	KT_EXPECT_EQ(page_ref_inc(pa), 3);
	KT_EXPECT_EQ(page_ref_count(pa), 3);
	/* A shared frame outlives all but the last free. */
	KT_EXPECT_EQ(free_page(pa), 0);
	KT_EXPECT_EQ(page_ref_count(pa), 2);
	KT_EXPECT_EQ(page_ref_dec(pa), 1);
	KT_EXPECT_EQ(nr_free_pages(), start - 1);
	KT_EXPECT_EQ(page_ref_dec(pa), 0);
	KT_EXPECT_EQ(nr_free_pages(), start);
	KT_EXPECT_EQ(page_ref_count(pa), 0);
	KT_EXPECT_EQ(page_ref_inc(pa), -EINVAL);
	KT_EXPECT_EQ(page_ref_dec(pa), -EINVAL);
	KT_EXPECT_EQ(page_ref_inc(pa + 4), -EINVAL);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(page_alloc, zeroed_page)
{
	unsigned long start = nr_free_pages();
	phys_addr_t pa = alloc_page();
	const u8 *p;
	int nonzero = 0;

	KT_ASSERT(pa);
	memset(__va(pa), 0xAA, PAGE_SIZE);
	KT_EXPECT_EQ(free_page(pa), 0);
	/* The free lists are LIFO: the dirty frame is likely the next one. */
	p = get_zeroed_page();
	KT_ASSERT(p);
	for (unsigned i = 0; i < PAGE_SIZE; i++)
		nonzero += p[i] != 0;
	KT_EXPECT_EQ(nonzero, 0);
	KT_EXPECT_EQ(page_ref_count(__pa(p)), 1);
	free_zeroed_page((void *)p);
	KT_EXPECT_EQ(nr_free_pages(), start);
}
