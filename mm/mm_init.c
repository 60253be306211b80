/*
 * mm_init: bring memory management up, in dependency order. Nothing
 * here needs interrupts; start_kernel calls it before enabling them.
 */
#include <kernel/mm.h>
#include <kernel/printk.h>

/* Frames, then the kernel map, then the heap; each needs the last. */
void mm_init(const struct multiboot_info *mbi)
{
	/* Frames first: it reads the loader's map through the boot mapping. */
	page_alloc_init(mbi);
	/* Then all of lowmem at PAGE_OFFSET, which get_zeroed_page needs. */
	paging_init();
	/* The heap carves frames it reaches through that linear map. */
	kheap_init();
	pr_info("mm: %lu pages free of %lu managed (%lu MiB)\n",
		nr_free_pages(), nr_managed_pages(),
		nr_managed_pages() >> (20 - PAGE_SHIFT));
}
