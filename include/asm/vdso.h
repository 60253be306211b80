/*
 * The vDSO: what the kernel and the vDSO itself share (arch/i386/vdso/).
 *
 * Layout in a process, lowest address first:
 *
 *	base - 4096	[vvar]	one data page, struct vdso_data, read-only
 *				for the user, written by the kernel each tick
 *	base		[vdso]	the image (an ELF shared object, linked at 0,
 *				virtual address = file offset), R+X,
 *				VDSO_PAGES(image) pages
 *
 * AT_SYSINFO_EHDR = base, AT_SYSINFO = base + sym_kernel_vsyscall.
 * The vDSO reaches the data page PC-relatively through the hidden
 * linker-script symbol vvar_page = (its own base) - VVAR_SIZE, so the
 * image has no relocations and works wherever it is mapped, provided the
 * data page sits exactly VVAR_SIZE below it.
 *
 * The vDSO compiles this header too (with -DBUILD_VDSO, as user code):
 * it may include only UAPI headers. vdso.lds.S includes it as well, so
 * everything outside the __ASSEMBLER__ guard must be plain numbers.
 */
#ifndef _ASM_VDSO_H
#define _ASM_VDSO_H

/* = PAGE_SIZE; asm/page.h is C-only and kernel-only, hence a copy. */
#define VDSO_PAGE_SIZE	4096
/* The data area below the image: one page. */
#define VVAR_PAGES	1
#define VVAR_SIZE	(VVAR_PAGES * VDSO_PAGE_SIZE)

/* vdso_data.clock_mode */
#define VDSO_CLOCK_NONE	0	/* nothing valid yet: always make the syscall */
#define VDSO_CLOCK_TICK	1	/* the times below are valid, tick resolution */

#ifndef __ASSEMBLER__

#include <linux/types.h>

/*
 * The data page. The kernel updates the times on every timer tick
 * (HZ = 100: 10 ms resolution; between ticks the clocks stand still, so
 * they never go backwards but two reads in one tick are equal). All
 * times use the i386 ABI's 32-bit time_t. There is no suspend, so
 * CLOCK_BOOTTIME = CLOCK_MONOTONIC.
 *
 * Seqlock: the kernel makes seq odd before it writes and even again
 * after (vdso_write_begin/end); a reader takes seq, copies, and retries
 * while seq was odd or has changed (vdso_read_begin/retry). x86 keeps
 * loads in order with loads and stores with stores, so only the compiler
 * needs fencing. A zeroed page (clock_mode = VDSO_CLOCK_NONE) is safe:
 * every vDSO call then falls back to the real system call.
 */
struct vdso_data {
	__u32 seq;		/* odd while the kernel is writing */
	__u32 clock_mode;	/* VDSO_CLOCK_NONE or VDSO_CLOCK_TICK */
	__s32 realtime_sec;	/* CLOCK_REALTIME at the last tick */
	__s32 realtime_nsec;	/* 0 .. 999999999 */
	__s32 monotonic_sec;	/* CLOCK_MONOTONIC at the last tick */
	__s32 monotonic_nsec;
	__s32 tz_minuteswest;	/* settimeofday's struct timezone, */
	__s32 tz_dsttime;	/* for gettimeofday(tv, tz) */
};

_Static_assert(sizeof(struct vdso_data) <= VVAR_SIZE,
	       "struct vdso_data must fit in the data page");

/* Reader: wait for an even seq and return it. */
static inline __u32
vdso_read_begin(const volatile struct vdso_data *vd)
{
	__u32 seq;

	while ((seq = vd->seq) & 1)
		__asm__ __volatile__("pause");
	__asm__ __volatile__("" ::: "memory");
	return seq;
}

/* Reader: nonzero if the kernel wrote since vdso_read_begin gave `start`. */
static inline int
vdso_read_retry(const volatile struct vdso_data *vd, __u32 start)
{
	__asm__ __volatile__("" ::: "memory");
	return vd->seq != start;
}

/* Writer (the kernel, interrupts off): bracket every update with these. */
static inline void
vdso_write_begin(volatile struct vdso_data *vd)
{
	vd->seq++;
	__asm__ __volatile__("" ::: "memory");
}

static inline void
vdso_write_end(volatile struct vdso_data *vd)
{
	__asm__ __volatile__("" ::: "memory");
	vd->seq++;
}

#ifndef BUILD_VDSO
#include <kernel/types.h>

/*
 * One vDSO image embedded in the kernel (arch/i386/vdso/vdso-images.S).
 * data is page-aligned and the image owns its pages to the end (zero
 * padding), so they may be mapped into user space as they are. The sym_*
 * fields are offsets from the image base; sym_sysenter_return is 0 in an
 * image without sysenter (offset 0 is the ELF header, never code).
 */
struct vdso_image {
	const u8 *data;
	u32 size;			/* bytes; map VDSO_PAGES(image) pages */
	u32 sym_kernel_vsyscall;	/* AT_SYSINFO = base + this (ELF entry) */
	u32 sym_kernel_sigreturn;	/* sa_restorer default, no SA_SIGINFO */
	u32 sym_kernel_rt_sigreturn;	/* sa_restorer default, SA_SIGINFO */
	u32 sym_sysenter_return;	/* where sysexit returns (edx) */
	const char *name;		/* "int80" or "sysenter" */
};

#define VDSO_PAGES(image) \
	(((image)->size + VDSO_PAGE_SIZE - 1) / VDSO_PAGE_SIZE)

extern const struct vdso_image vdso_image_int80, vdso_image_sysenter;
#endif /* !BUILD_VDSO */

#endif /* !__ASSEMBLER__ */

#endif
