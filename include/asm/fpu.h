/*
 * The x87/MMX/SSE state of user tasks (arch/i386/fpu.c).
 *
 * Every user task owns a save area. The state is switched eagerly: the
 * outgoing task's registers are saved and the incoming task's loaded at
 * every task switch (the kernel itself never touches them: it is built
 * with -mgeneral-regs-only). With FXSR the area holds an fxsave image
 * (x87, MMX, XMM0-7, MXCSR); without it, an fnsave image (x87 only).
 *
 * Signal frames carry the state as Linux's i386 `struct _fpstate_32`: the
 * legacy fsave-format header, then (with FXSR, magic 0) the fxsave image;
 * sigreturn loads it back, taking the legacy header's values over the
 * fxsave copy's as Linux does, so a handler may edit either.
 */
#ifndef _ASM_FPU_H
#define _ASM_FPU_H

#include <asm/uaccess.h>	/* __user */
#include <kernel/types.h>

/* The fxsave image (Intel SDM vol. 1, 10.5.1). */
struct fxregs_state {
	u16 cwd;
	u16 swd;
	u16 twd;		/* abridged: one bit per register, 1 = in use */
	u16 fop;
	u32 fip;
	u32 fcs;
	u32 foo;
	u32 fos;
	u32 mxcsr;
	u32 mxcsr_mask;
	u32 st_space[32];	/* 8 registers, 16 bytes each (10 used) */
	u32 xmm_space[32];	/* XMM0-7 */
	u32 padding[56];	/* XMM8-15 area (64-bit only), reserved, software */
} __attribute__((aligned(16)));

/* The fnsave image (108 bytes), for CPUs without FXSR. */
struct fregs_state {
	u32 cwd, swd, twd, fip, fcs, foo, fos;
	u8 st_space[80];
};

union fpu_state {
	struct fxregs_state fxsave;
	struct fregs_state fsave;
};

_Static_assert(sizeof(struct fxregs_state) == 512, "fxsave area is 512 bytes");

struct task_struct;

/* Boot: CR0/CR4 for the FPU and SSE, and the initial state. */
void fpu_init(void);
/* A new user task's area: a copy of current's live state (fork), or the
 * initial state (no source); NULL when out of memory. */
union fpu_state *fpu_alloc(bool copy_current);
void fpu_free(union fpu_state *fpu);
/* execve: the current task starts over with the initial state. */
void fpu_reset_current(void);
/* Task switch: save prev's registers, load next's. */
void fpu_switch(struct task_struct *prev, struct task_struct *next);

/* Bytes a signal frame's FPU state takes (struct _fpstate_32). */
#define FPU_FRAME_SIZE	624
/* Save current's live state at user address `frame` (Linux's layout) and
 * give the handler the initial state; -EFAULT if it cannot be written. */
int fpu_save_to_sigframe(void __user *frame);
/* sigreturn: load current's state from a frame's fpstate (0: the initial
 * state); false if it cannot be read (then SIGSEGV). */
bool fpu_restore_from_sigframe(u32 fpstate);

#endif
