/*
 * The FPU, MMX and SSE state of user tasks (include/asm/fpu.h): set-up
 * at boot, eager switching, fork and exec, and the state in signal
 * frames, as Linux's arch/x86/kernel/fpu/ does it for i386 without XSAVE.
 */
#include <asm/cpu.h>
#include <asm/fpu.h>
#include <asm/sigcontext.h>
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/string.h>

#define CR0_MP		0x00000002	/* WAIT/FWAIT honour TS */
#define CR0_EM		0x00000004	/* no FPU: emulate (trap) */
#define CR0_TS		0x00000008	/* task switched: trap on FPU use */
#define CR0_NE		0x00000020	/* x87 errors as #MF, not IRQ 13 */
#define CR4_OSFXSR	0x00000200	/* fxsave/fxrstor and SSE allowed */
#define CR4_OSXMMEXCPT	0x00000400	/* SIMD exceptions as #XM */

#define FSAVE_HEADER	112	/* struct _fpstate_32 up to _fxsr_env */
#define FX_SW_BYTES	464	/* fxsave leaves 464..511 to software */
#define MXCSR_DEFAULT	0x1f80	/* all SIMD exceptions masked */

_Static_assert(sizeof(struct _fpstate_32) == FPU_FRAME_SIZE,
	       "Linux's i386 FPU frame is 624 bytes");
_Static_assert(__builtin_offsetof(struct _fpstate_32, _fxsr_env) == FSAVE_HEADER,
	       "the fxsave image follows the legacy header");

static bool have_fxsr;
static u32 mxcsr_feature_mask;
static union fpu_state init_fpstate __attribute__((aligned(16)));

static void save_live(union fpu_state *s)
{
	if (have_fxsr) {
		__asm__ __volatile__("fxsave %0" : "=m"(s->fxsave));
	} else {
		/* fnsave also re-initialises the FPU: load the state back. */
		__asm__ __volatile__("fnsave %0; frstor %0" : "+m"(s->fsave));
	}
}

static void load_live(const union fpu_state *s)
{
	if (have_fxsr)
		__asm__ __volatile__("fxrstor %0" : : "m"(s->fxsave));
	else	/* no pending x87 error may fire here */
		__asm__ __volatile__("fnclex; frstor %0" : : "m"(s->fsave));
}

void fpu_init(void)
{
	unsigned long cr0, cr4;

	have_fxsr = boot_cpu_has(X86_FEATURE_FXSR);
	__asm__ __volatile__("movl %%cr0, %0" : "=r"(cr0));
	cr0 = (cr0 & ~(CR0_EM | CR0_TS)) | CR0_MP | CR0_NE;
	__asm__ __volatile__("movl %0, %%cr0" : : "r"(cr0));
	if (have_fxsr) {
		__asm__ __volatile__("movl %%cr4, %0" : "=r"(cr4));
		cr4 |= CR4_OSFXSR;
		if (boot_cpu_has(X86_FEATURE_SSE))
			cr4 |= CR4_OSXMMEXCPT;
		__asm__ __volatile__("movl %0, %%cr4" : : "r"(cr4));
	}
	__asm__ __volatile__("fninit");
	save_live(&init_fpstate);
	if (have_fxsr) {
		/* The MXCSR bits fxrstor accepts: a user's others would #GP. */
		mxcsr_feature_mask = init_fpstate.fxsave.mxcsr_mask ?: 0xffbf;
		init_fpstate.fxsave.mxcsr = boot_cpu_has(X86_FEATURE_SSE) ?
					    MXCSR_DEFAULT : 0;
		memset((u8 *)&init_fpstate.fxsave + FX_SW_BYTES, 0,
		       sizeof(init_fpstate.fxsave) - FX_SW_BYTES);
		load_live(&init_fpstate);
	}
	pr_info("fpu: x87%s, saved with %s at every task switch\n",
		boot_cpu_has(X86_FEATURE_SSE) ? " and SSE" : "",
		have_fxsr ? "fxsave" : "fnsave");
}

union fpu_state *fpu_alloc(bool copy_current)
{
	union fpu_state *s = kmalloc(sizeof(*s));	/* 512-aligned object */

	if (!s)
		return NULL;
	if (copy_current && current->fpu) {
		save_live(current->fpu);
		*s = *current->fpu;
	} else {
		*s = init_fpstate;
	}
	return s;
}

void fpu_free(union fpu_state *fpu)
{
	kfree(fpu);
}

void fpu_reset_current(void)
{
	if (!current->fpu)
		return;
	*current->fpu = init_fpstate;
	load_live(current->fpu);
}

void fpu_switch(struct task_struct *prev, struct task_struct *next)
{
	if (prev->fpu)
		save_live(prev->fpu);
	if (next->fpu)
		load_live(next->fpu);
}

/*
 * fnsave's full tag word from fxsave's abridged one: two bits per
 * physical register, 00 valid, 01 zero, 10 special, 11 empty, judged
 * from the register's contents as the FPU itself would (Intel SDM vol. 1,
 * 8.1.7). fxsave keeps registers in stack order (ST0 first), the tags in
 * physical order: physical register p is ST((p - TOP) & 7).
 */
static u32 full_tag_word(const struct fxregs_state *fx)
{
	unsigned int top = (fx->swd >> 11) & 7;
	u32 word = 0xffff0000;

	for (unsigned int p = 0; p < 8; p++) {
		const u16 *r = (const u16 *)((const u8 *)fx->st_space +
					     16 * ((p - top) & 7));
		unsigned int exponent = r[4] & 0x7fff, tag = 3;

		if (fx->twd & (1u << p)) {
			if (exponent == 0x7fff)
				tag = 2;	/* infinity, NaN */
			else if (exponent == 0)
				tag = r[0] | r[1] | r[2] | r[3] ? 2 : 1;
			else
				tag = r[3] & 0x8000 ? 0 : 2;	/* J bit */
		}
		word |= tag << (2 * p);
	}
	return word;
}

/* fxsave's abridged tag: a register is in use unless tagged empty (11). */
static u16 abridged_tag(u32 word)
{
	u16 tags = 0;

	for (unsigned int p = 0; p < 8; p++)
		if (((word >> (2 * p)) & 3) != 3)
			tags |= 1u << p;
	return tags;
}

int fpu_save_to_sigframe(void __user *frame)
{
	union fpu_state *s = current->fpu;
	struct _fpstate_32 f;

	if (!s)
		return clear_user(frame, sizeof(f)) ? -EFAULT : 0;
	save_live(s);
	memset(&f, 0, sizeof(f));
	if (have_fxsr) {
		const struct fxregs_state *fx = &s->fxsave;

		/* The legacy header, as fnsave would have written it. */
		f.cw = fx->cwd | 0xffff0000;
		f.sw = fx->swd | 0xffff0000;
		f.tag = full_tag_word(fx);
		f.ipoff = fx->fip;
		f.cssel = fx->fcs | (u32)fx->fop << 16;
		f.dataoff = fx->foo;
		f.datasel = fx->fos | 0xffff0000;
		for (int i = 0; i < 8; i++)
			memcpy(&f._st[i], (const u8 *)fx->st_space + 16 * i, 10);
		f.status = fx->swd;
		f.magic = X86_FXSR_MAGIC;
		/* Then the fxsave image itself, without software bytes. */
		memcpy((u8 *)&f + FSAVE_HEADER, fx, FX_SW_BYTES);
	} else {
		memcpy(&f, &s->fsave, sizeof(s->fsave));
		f.status = s->fsave.swd;
		f.magic = 0xffff;	/* regular FPU data only */
	}
	if (copy_to_user(frame, &f, sizeof(f)))
		return -EFAULT;
	/* The handler starts with a clean FPU (Linux: fpu__clear_user_states). */
	fpu_reset_current();
	return 0;
}

bool fpu_restore_from_sigframe(u32 fpstate)
{
	union fpu_state *s = current->fpu;
	struct _fpstate_32 f;

	if (!fpstate) {		/* no FPU state: start clean */
		fpu_reset_current();
		return true;
	}
	if (copy_from_user(&f, (const void __user *)fpstate, sizeof(f)))
		return false;
	if (!s)
		return true;
	if (have_fxsr) {
		struct fxregs_state *fx = &s->fxsave;

		memcpy(fx, (const u8 *)&f + FSAVE_HEADER, FX_SW_BYTES);
		memset((u8 *)fx + FX_SW_BYTES, 0, sizeof(*fx) - FX_SW_BYTES);
		fx->mxcsr &= mxcsr_feature_mask;	/* else fxrstor faults */
		/* The legacy header wins, as in Linux's convert_to_fxsr:
		 * what a handler edits through uc_mcontext.fpregs counts. */
		fx->cwd = f.cw;
		fx->swd = f.sw;
		fx->twd = abridged_tag(f.tag);
		fx->fop = f.cssel >> 16;
		fx->fip = f.ipoff;
		fx->fcs = f.cssel & 0xffff;
		fx->foo = f.dataoff;
		fx->fos = f.datasel;
		for (int i = 0; i < 8; i++) {
			u8 *r = (u8 *)fx->st_space + 16 * i;

			memcpy(r, &f._st[i], 10);
			memset(r + 10, 0, 6);
		}
	} else {
		memcpy(&s->fsave, &f, sizeof(s->fsave));
	}
	load_live(s);
	return true;
}
