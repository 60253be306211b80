/*
 * The kernel heap: kmalloc() for objects of 1..KMALLOC_MAX bytes.
 *
 * A request is rounded up to a power-of-two size class, 16 to 2048
 * bytes, and each class carves whole frames into equal objects (a
 * minimal slab allocator). A slab's bookkeeping lives in its frame's
 * struct page (PG_slab, class, objects in use, first free object), not
 * in the frame, so the objects fill the page and each is aligned to its
 * size. Free objects are chained by their offset in the page and carry
 * KFREE_MAGIC, which makes a double kfree cheap to suspect and then
 * certain (the object is on the chain). A slab whose last object is
 * freed goes straight back to the page allocator: an idle heap holds no
 * frames. Bigger requests (and size 0) get NULL; allocate whole frames
 * with alloc_pages() instead.
 */
#include <asm/irq.h>
#include <asm/page.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define KMALLOC_MIN	16
#define KMALLOC_CLASSES	8		/* 16, 32, ..., 2048 */
#define SLAB_END	0xffff		/* slab_free: no free object */
#define KFREE_MAGIC	0xf4eef4ee	/* in every free object */
#define POISON_FREE	0x6b		/* the rest of a free object */

/* The head of a free object; the smallest class has room for it. */
struct free_object {
	u32 next;		/* offset of the next free one, or SLAB_END */
	u32 magic;
};

struct kmem_cache {
	unsigned size;
	struct page *partial;		/* slabs with a free object */
};

static struct kmem_cache caches[KMALLOC_CLASSES];

/* Refused kfree calls (bad pointer, double free): tests read this. */
unsigned long kfree_refused;

/* Set each class's object size; the caches start with no slabs. */
void kheap_init(void)
{
	for (unsigned i = 0; i < KMALLOC_CLASSES; i++)
		caches[i].size = KMALLOC_MIN << i;
	pr_info("kheap: size classes %u..%u bytes\n", caches[0].size,
		caches[KMALLOC_CLASSES - 1].size);
}

/* Slabs with a free object sit on their class's partial list. */
static void partial_add(struct kmem_cache *cache, struct page *slab)
{
	slab->prev = NULL;
	slab->next = cache->partial;
	if (slab->next)
		slab->next->prev = slab;
	cache->partial = slab;
}

/* Off the partial list: the slab is full, or going back as a frame. */
static void partial_del(struct kmem_cache *cache, struct page *slab)
{
	if (slab->prev)
		slab->prev->next = slab->next;
	else
		cache->partial = slab->next;
	if (slab->next)
		slab->next->prev = slab->prev;
	slab->next = slab->prev = NULL;
}

/* The slab's frame through the linear map: objects start here. */
static char *slab_base(const struct page *slab)
{
	return __va(page_to_phys(slab));
}

/* A fresh frame cut into free objects chained in address order. */
static struct page *new_slab(struct kmem_cache *cache, unsigned class)
{
	phys_addr_t pa = alloc_page();
	struct page *slab;
	char *base;

	if (!pa)
		return NULL;
	slab = phys_to_page(pa);
	base = __va(pa);
	for (unsigned off = 0; off < PAGE_SIZE; off += cache->size) {
		struct free_object *obj = (struct free_object *)(base + off);

		obj->next = off + cache->size < PAGE_SIZE ?
			    off + cache->size : SLAB_END;
		obj->magic = KFREE_MAGIC;
	}
	slab->flags |= PG_slab;
	slab->slab_class = class;
	slab->slab_inuse = 0;
	slab->slab_free = 0;
	partial_add(cache, slab);
	return slab;
}

/* An object from the first partial slab of the class, or a new slab. */
void *kmalloc(size_t size)
{
	unsigned class = 0;
	struct kmem_cache *cache;
	struct free_object *obj = NULL;
	struct page *slab;
	unsigned long flags;

	if (!size || size > KMALLOC_MAX)
		return NULL;
	while ((size_t)(KMALLOC_MIN << class) < size)
		class++;
	cache = &caches[class];

	flags = local_irq_save();
	slab = cache->partial ? cache->partial : new_slab(cache, class);
	if (slab) {
		obj = (struct free_object *)(slab_base(slab) + slab->slab_free);
		/* Written to after kfree: the chain is not safe. */
		if (obj->magic != KFREE_MAGIC ||
		    (obj->next != SLAB_END && obj->next >= PAGE_SIZE))
			panic("kmalloc: free object %p overwritten "
			      "(use after free?)", obj);
		slab->slab_free = obj->next;
		obj->magic = 0;		/* live now: no free marker */
		slab->slab_inuse++;
		if (slab->slab_free == SLAB_END)
			partial_del(cache, slab);
	}
	local_irq_restore(flags);
	return obj;
}

/* kmalloc, zeroed over the size asked for. */
void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

/*
 * Is the object at offset off on the slab's free chain? The walk is
 * bounded so that a chain damaged by a use after free cannot loop.
 */
static bool on_free_chain(const struct page *slab, unsigned off)
{
	const char *base = slab_base(slab);
	unsigned o = slab->slab_free;

	for (unsigned n = 0; o < PAGE_SIZE && n < PAGE_SIZE / KMALLOC_MIN;
	     n++) {
		if (o == off)
			return true;
		o = ((const struct free_object *)(base + o))->next;
	}
	return false;
}

/*
 * The slab that ptr is an allocated object of, or NULL after logging
 * why ptr cannot be freed.
 */
static struct page *slab_of_live_object(const void *ptr)
{
	uintptr_t va = (uintptr_t)ptr;
	struct page *slab;
	unsigned off;

	if (va < PAGE_OFFSET ||
	    va - PAGE_OFFSET >= (uintptr_t)max_low_pfn << PAGE_SHIFT) {
		pr_err("kfree(%p): not a kernel heap address\n", ptr);
		return NULL;
	}
	slab = phys_to_page(__pa(ptr));
	if (!(slab->flags & PG_slab)) {
		pr_err("kfree(%p): not from kmalloc (or already freed)\n",
		       ptr);
		return NULL;
	}
	off = va & ~PAGE_MASK;
	if (off & (caches[slab->slab_class].size - 1)) {
		pr_err("kfree(%p): not the start of a %u-byte object\n", ptr,
		       caches[slab->slab_class].size);
		return NULL;
	}
	if (((const struct free_object *)ptr)->magic == KFREE_MAGIC &&
	    on_free_chain(slab, off)) {
		pr_err("kfree(%p): double free\n", ptr);
		return NULL;
	}
	return slab;
}

/*
 * Put the object back on its slab's chain, and the slab back with the
 * page allocator once empty. Refused frees only log and count.
 */
void kfree(const void *ptr)
{
	struct kmem_cache *cache;
	struct free_object *obj = (struct free_object *)ptr;
	struct page *slab;
	unsigned long flags;
	bool was_full;

	if (!ptr)
		return;
	flags = local_irq_save();
	slab = slab_of_live_object(ptr);
	if (!slab) {
		kfree_refused++;
		local_irq_restore(flags);
		return;
	}
	cache = &caches[slab->slab_class];
	/* Poison the body so a use after free shows up as 0x6b bytes. */
	memset(obj + 1, POISON_FREE, cache->size - sizeof(*obj));
	obj->magic = KFREE_MAGIC;
	obj->next = slab->slab_free;
	was_full = slab->slab_free == SLAB_END;
	slab->slab_free = (uintptr_t)ptr & ~PAGE_MASK;
	slab->slab_inuse--;
	if (!slab->slab_inuse) {
		if (!was_full)
			partial_del(cache, slab);
		slab->flags &= ~PG_slab;
		free_page(page_to_phys(slab));
	} else if (was_full) {
		partial_add(cache, slab);
	}
	local_irq_restore(flags);
}
