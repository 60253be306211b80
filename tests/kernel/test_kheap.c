/*
 * Tests for the kernel heap (mm/kheap.c): every size class, alignment,
 * no overlap, reuse, kzalloc, refused frees, and no frame leaked once
 * everything is freed. Every test frees all it allocates.
 */
#include <asm/page.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/string.h>

#define NR_MIXED	200

/* The size class kmalloc(size) uses. */
static size_t class_size(size_t size)
{
	size_t c = 16;

	while (c < size)
		c <<= 1;
	return c;
}

KTEST(kheap, every_size_class)
{
	unsigned long start = nr_free_pages();
	void *p1;

	for (size_t size = 16; size <= KMALLOC_MAX; size <<= 1) {
		size_t sizes[] = { size / 2 + 1, size - 1, size };

		for (unsigned i = 0; i < ARRAY_SIZE(sizes); i++) {
			u8 *p = kmalloc(sizes[i]);

			KT_ASSERT(p);
			KT_EXPECT_EQ((uintptr_t)p & 7, 0);
			/* Objects are aligned to their class size. */
			KT_EXPECT_EQ((uintptr_t)p & (class_size(sizes[i]) - 1),
				     0);
			memset(p, 0x5a, sizes[i]);
			KT_EXPECT_EQ(p[sizes[i] - 1], 0x5a);
			kfree(p);
		}
	}
	p1 = kmalloc(1);
	KT_EXPECT(p1);
	kfree(p1);
	/* Documented: size 0 and anything above KMALLOC_MAX get NULL. */
	KT_EXPECT(!kmalloc(0));
	KT_EXPECT(!kmalloc(KMALLOC_MAX + 1));
	KT_EXPECT(!kzalloc(KMALLOC_MAX + 1));
	KT_EXPECT(!kmalloc(0x7fffffff));
	KT_EXPECT_EQ(nr_free_pages(), start);
}

/* Mixed sizes at once: each object keeps its own fill pattern. */
KTEST(kheap, no_overlap)
{
	u8 *obj[NR_MIXED];
	size_t size[NR_MIXED];
	unsigned long start = nr_free_pages();
	int corrupt = 0;

	for (int i = 0; i < NR_MIXED; i++) {
		size[i] = 1 + (i * 97) % KMALLOC_MAX;
		obj[i] = kmalloc(size[i]);
		KT_ASSERT(obj[i]);
		memset(obj[i], i & 0xff, size[i]);
	}
	for (int i = 0; i < NR_MIXED; i++)
		for (size_t j = 0; j < size[i]; j++)
			corrupt += obj[i][j] != (i & 0xff);
	KT_EXPECT_EQ(corrupt, 0);
	for (int i = 0; i < NR_MIXED; i++)
		for (int j = 0; j < i; j++)
			KT_EXPECT(obj[i] + size[i] <= obj[j] ||
				  obj[j] + size[j] <= obj[i]);
	for (int i = 0; i < NR_MIXED; i++)
		kfree(obj[i]);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(kheap, free_and_reuse)
{
	/* `keep` holds the slab so the freed slot stays in it. */
	void *keep = kmalloc(64), *p = kmalloc(64), *q;

	KT_ASSERT(keep && p);
	kfree(p);
	q = kmalloc(64);
	KT_EXPECT(q == p);
	kfree(q);
	kfree(keep);
}

KTEST(kheap, kzalloc_zeroes)
{
	void *keep = kmalloc(128);
	u8 *p = kmalloc(128), *q;
	int nonzero = 0;

	KT_ASSERT(keep && p);
	memset(p, 0xff, 128);
	kfree(p);
	q = kzalloc(100);
	KT_ASSERT(q);
	KT_EXPECT(q == p);	/* the dirty slot, reused */
	for (int i = 0; i < 100; i++)
		nonzero += q[i] != 0;
	KT_EXPECT_EQ(nonzero, 0);
	kfree(q);
	kfree(keep);
}

KTEST(kheap, double_free_detected)
{
	unsigned long refused = kfree_refused, start;
	void *keep = kmalloc(32), *p = kmalloc(32), *a, *b;

	KT_ASSERT(keep && p);
	kfree(p);
	start = nr_free_pages();
	kfree(p);
	KT_EXPECT_EQ(kfree_refused, refused + 1);
	KT_EXPECT_EQ(nr_free_pages(), start);
	/* Had p gone onto the free chain twice, it would come back twice. */
	a = kmalloc(32);
	b = kmalloc(32);
	KT_EXPECT(a && b && a != b);
	kfree(a);
	kfree(b);
	kfree(keep);
	/* Its slab now gone, keep is no heap object any more. */
	kfree(keep);
	KT_EXPECT_EQ(kfree_refused, refused + 2);
}

KTEST(kheap, bad_pointer_detected)
{
	unsigned long refused = kfree_refused, start;
	phys_addr_t frame = alloc_page();
	u8 *p = kmalloc(64);
	int local;

	KT_ASSERT(p && frame);
	start = nr_free_pages();
	kfree(&local);				/* the stack, in .bss */
	kfree(p + 8);				/* inside an object */
	kfree((void *)0x1000);			/* not a kernel address */
	kfree(__va(0xB8000));			/* VGA: reserved frame */
	kfree(__va(frame));			/* from alloc_page */
	KT_EXPECT_EQ(kfree_refused, refused + 5);
	KT_EXPECT_EQ(nr_free_pages(), start);
	KT_EXPECT_EQ(page_ref_count(frame), 1);
	kfree(p);
	KT_EXPECT_EQ(kfree_refused, refused + 5);
	KT_EXPECT_EQ(free_page(frame), 0);
}

/* Many objects of every class, chained through their first word. */
KTEST(kheap, no_page_leak)
{
	unsigned long start = nr_free_pages();
	void *head = NULL;
	int n = 0;

	for (size_t size = 16; size <= KMALLOC_MAX; size <<= 1)
		for (int i = 0; i < 300; i++) {
			void **p = kmalloc(size);

			KT_ASSERT(p);
			*p = head;
			head = p;
			n++;
		}
	/* 300 2048-byte objects alone fill 150 frames. */
	KT_EXPECT(nr_free_pages() + 150 <= start);
	while (head) {
		void *next = *(void **)head;

		kfree(head);
		head = next;
	}
	KT_EXPECT_EQ(n, 8 * 300);
	KT_EXPECT_EQ(nr_free_pages(), start);
}
