/*
 * The two embedded vDSO images (vdso-images.S) as the kernel sees them:
 * where each starts, how long it is, and the offsets of the entry points
 * the kernel needs, from the generated vdso-offsets.h.
 */
#include <asm/page.h>
#include <asm/vdso.h>
#include <generated/vdso-offsets.h>

_Static_assert(VDSO_PAGE_SIZE == PAGE_SIZE, "asm/vdso.h: VDSO_PAGE_SIZE");

/* vdso-images.S */
extern const u8 vdso_int80_start[], vdso_sysenter_start[];

const struct vdso_image vdso_image_int80 = {
	.data = vdso_int80_start,
	.size = VDSO_INT80_SIZE,
	.sym_kernel_vsyscall = VDSO_INT80_KERNEL_VSYSCALL,
	.sym_kernel_sigreturn = VDSO_INT80_KERNEL_SIGRETURN,
	.sym_kernel_rt_sigreturn = VDSO_INT80_KERNEL_RT_SIGRETURN,
	.sym_sysenter_return = 0,	/* int $0x80 returns after itself */
	.name = "int80",
};

const struct vdso_image vdso_image_sysenter = {
	.data = vdso_sysenter_start,
	.size = VDSO_SYSENTER_SIZE,
	.sym_kernel_vsyscall = VDSO_SYSENTER_KERNEL_VSYSCALL,
	.sym_kernel_sigreturn = VDSO_SYSENTER_KERNEL_SIGRETURN,
	.sym_kernel_rt_sigreturn = VDSO_SYSENTER_KERNEL_RT_SIGRETURN,
	.sym_sysenter_return = VDSO_SYSENTER_SYSENTER_RETURN,
	.name = "sysenter",
};
