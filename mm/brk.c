/*
 * brk(2): move the end of the heap. Linux's semantics: the call returns
 * the new break on success and the old one on any failure (below the
 * start, into another mapping, out of memory); brk(0) just asks. Pages
 * come on first touch; shrinking frees them at once.
 */
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>

/* Keep at least this much between the heap and the stack area. */
#define BRK_STACK_GAP	(16 * PAGE_SIZE)

/* Does any VMA intersect [start, end)? */
static bool range_in_use(struct mm_struct *mm, unsigned long start,
			 unsigned long end)
{
	for (struct vm_area_struct *v = mm->mmap; v; v = v->vm_next)
		if (v->vm_start < end + BRK_STACK_GAP && v->vm_end > start)
			return true;
	return false;
}

long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long oldbrk, newbrk;

	if (!mm || brk < mm->start_brk || brk >= TASK_SIZE)
		return mm ? mm->brk : 0;
	oldbrk = ALIGN_UP(mm->brk, PAGE_SIZE);
	newbrk = ALIGN_UP(brk, PAGE_SIZE);
	if (newbrk < oldbrk) {
		if (vma_shrink(mm, newbrk, oldbrk))
			return mm->brk;
	} else if (newbrk > oldbrk) {
		if (range_in_use(mm, oldbrk, newbrk) ||
		    vma_insert(mm, oldbrk, newbrk, VM_READ | VM_WRITE))
			return mm->brk;
	}
	mm->brk = brk;
	return brk;
}
