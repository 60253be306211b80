/*
 * Access to user memory from the kernel. Every function checks that the
 * whole range lies below TASK_SIZE, and every access that can fault is
 * listed in the exception table (__ex_table), so a bad pointer makes the
 * call fail with -EFAULT instead of crashing the kernel. A fault on a
 * user page that a VMA allows but that is not populated yet is served by
 * the page-fault handler first, and the copy goes on.
 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <kernel/mm.h>
#include <kernel/types.h>

#define __user	/* marks user pointers, for the reader */

/* One exception-table entry: a faulting instruction and where to resume. */
struct exception_table_entry {
	unsigned long insn;
	unsigned long fixup;
};

#define _ASM_EXTABLE(from, to)					\
	".pushsection __ex_table, \"a\"\n\t"			\
	".long " #from ", " #to "\n\t"				\
	".popsection\n\t"

static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

/* Both return the number of bytes NOT copied (0 on success), as Linux's. */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
/* Clear n user bytes; returns the number not cleared. */
unsigned long clear_user(void __user *to, unsigned long n);
/*
 * Copy a NUL-terminated string of at most count bytes (NUL included).
 * Returns its length without the NUL, count if it did not fit (dst is
 * then not terminated), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);
/* 0 or -EFAULT. */
int get_user_u32(u32 *val, const u32 __user *uptr);
int put_user_u32(u32 val, u32 __user *uptr);

/* Find the fixup for a faulting kernel eip, or 0 (kernel/extable.c). */
unsigned long search_exception_tables(unsigned long eip);

#endif
