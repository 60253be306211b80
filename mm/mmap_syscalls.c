/*
 * mmap2(2), the old i386 mmap(2) and munmap(2), with Linux 6.1's checks
 * in Linux's order (mm/mmap.c ksys_mmap_pgoff and do_mmap), so every
 * errno is the one Linux gives:
 *
 *	MAP_HUGETLB		-ENOMEM anonymous (no huge pages are
 *				reserved), -EINVAL on a file
 *	file mapping		-EBADF for a bad descriptor
 *	len			-EINVAL when 0, -ENOMEM when it overflows or
 *				does not fit below TASK_SIZE
 *	pgoff + pages		-EOVERFLOW when it wraps
 *	address			get_unmapped_area (mm/mmap.c); -EEXIST for
 *				MAP_FIXED_NOREPLACE over anything mapped
 *	file			MAP_SHARED_VALIDATE with an unknown flag
 *				-EOPNOTSUPP, access mode -EACCES, then -ENODEV:
 *				no file here (console, pipes) can be mapped
 *	anonymous		MAP_SHARED or MAP_PRIVATE, else -EINVAL (6.1
 *				refuses MAP_SHARED_VALIDATE here too);
 *				MAP_SHARED with MAP_GROWSDOWN -EINVAL
 *
 * Unknown PROT_* bits and unknown MAP_* flags of the legacy types are
 * ignored, as Linux ignores them (only mprotect validates prot).
 * MAP_LOCKED, MAP_POPULATE, MAP_NORESERVE and the like change nothing:
 * pages come on first touch and never leave.
 */
#include <linux/mman.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/file.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>

/* The flags mmap(2) has always accepted (Linux's LEGACY_MAP_MASK). */
#define LEGACY_MAP_MASK	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | \
			 MAP_ANONYMOUS | MAP_DENYWRITE | MAP_EXECUTABLE | \
			 MAP_UNINITIALIZED | MAP_GROWSDOWN | MAP_LOCKED | \
			 MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK | \
			 MAP_STACK | MAP_HUGETLB)
/* log2 of the one huge page size without PAE: 4 MiB. */
#define HPAGE_SHIFT	22

/* The old mmap's argument block (Linux's struct mmap_arg_struct). */
struct mmap_arg_struct {
	unsigned long addr;
	unsigned long len;
	unsigned long prot;
	unsigned long flags;
	unsigned long fd;
	unsigned long offset;
};

/* A hint below MMAP_MIN_ADDR is raised to it; 0 stays "no hint". */
static unsigned long round_hint_to_min(unsigned long hint)
{
	hint &= PAGE_MASK;
	if (hint && hint < MMAP_MIN_ADDR)
		return MMAP_MIN_ADDR;
	return hint;
}

/*
 * The checks for a file mapping, after the address is known. No file
 * in this kernel has an mmap operation, so the end is always an error.
 */
static long file_mmap_check(struct file *file, unsigned long prot,
			    unsigned long flags)
{
	unsigned int fmode = file_fmode(file);

	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
		flags &= LEGACY_MAP_MASK;
		/* fall through */
	case MAP_SHARED_VALIDATE:
		if (flags & ~LEGACY_MAP_MASK)
			return -EOPNOTSUPP;
		if ((prot & PROT_WRITE) && !(fmode & FMODE_WRITE))
			return -EACCES;
		/* fall through */
	case MAP_PRIVATE:
		if (!(fmode & FMODE_READ))
			return -EACCES;
		return -ENODEV;
	default:
		return -EINVAL;
	}
}

unsigned long do_mmap(struct mm_struct *mm, struct file *file,
		      unsigned long addr, unsigned long len, unsigned long prot,
		      unsigned long flags, unsigned long pgoff)
{
	unsigned long vm_flags;
	long err;

	if (!len)
		return -EINVAL;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if (!(flags & MAP_FIXED))
		addr = round_hint_to_min(addr);
	len = ALIGN_UP(len, PAGE_SIZE);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	addr = get_unmapped_area(mm, addr, len, flags);
	if (mmap_is_err(addr))
		return addr;
	if (flags & MAP_FIXED_NOREPLACE) {
		struct vm_area_struct *vma = vma_above(mm, addr);

		if (vma && vma->vm_start < addr + len)
			return -EEXIST;
	}

	vm_flags = (prot & PROT_READ ? VM_READ : 0) |
		   (prot & PROT_WRITE ? VM_WRITE : 0) |
		   (prot & PROT_EXEC ? VM_EXEC : 0) |
		   (flags & MAP_GROWSDOWN ? VM_GROWSDOWN : 0);
	if (file) {
		err = file_mmap_check(file, prot, flags);
		if (err)
			return err;
	}
	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
		if (vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		vm_flags |= VM_SHARED;
		break;
	case MAP_PRIVATE:
		break;
	default:
		return -EINVAL;
	}
	return mmap_region(mm, addr, len, vm_flags);
}

/* Linux's ksys_mmap_pgoff: the descriptor and MAP_HUGETLB, then do_mmap. */
static long ksys_mmap_pgoff(unsigned long addr, unsigned long len,
			    unsigned long prot, unsigned long flags,
			    unsigned long fd, unsigned long pgoff)
{
	struct file *file = NULL;

	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
		if (flags & MAP_HUGETLB)
			return -EINVAL;	/* not a hugetlbfs file */
	} else if (flags & MAP_HUGETLB) {
		unsigned long shift = (flags >> MAP_HUGE_SHIFT) & MAP_HUGE_MASK;

		/* A size Linux does not have, or the pool (empty) is short. */
		return shift && shift != HPAGE_SHIFT ? -EINVAL : -ENOMEM;
	}
	return do_mmap(current->mm, file, addr, len, prot, flags, pgoff);
}

long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	return ksys_mmap_pgoff(addr, len, prot, flags, fd, pgoff);
}

long sys_old_mmap(struct mmap_arg_struct __user *arg)
{
	struct mmap_arg_struct a;

	if (copy_from_user(&a, arg, sizeof(a)))
		return -EFAULT;
	if (a.offset & ~PAGE_MASK)
		return -EINVAL;
	return ksys_mmap_pgoff(a.addr, a.len, a.prot, a.flags, a.fd,
			       a.offset >> PAGE_SHIFT);
}

long sys_munmap(unsigned long addr, size_t len)
{
	return do_munmap(current->mm, addr, len);
}
