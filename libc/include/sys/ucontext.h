/*
 * sys/ucontext.h: what a SA_SIGINFO handler's third argument points at,
 * glibc's i386 layout, which is the kernel's struct ucontext (uc_flags,
 * uc_link, uc_stack, the struct sigcontext_32 as uc_mcontext, 8 bytes of
 * uc_sigmask) with the mask widened to sigset_t and room after it:
 *
 *	((ucontext_t *)uc)->uc_mcontext.gregs[REG_EIP]
 *
 * gregs[] are the sigcontext's first 19 words in its order (the REG_*
 * indices); the libc checks that order against <asm/sigcontext.h>. In a
 * signal frame only the first 8 bytes of uc_sigmask are the kernel's.
 */
#ifndef _SYS_UCONTEXT_H
#define _SYS_UCONTEXT_H

#include <signal.h>

typedef int greg_t;

#define NGREG	19
typedef greg_t gregset_t[NGREG];

/* Each is also a macro, so #ifdef REG_EIP works (as on glibc). */
enum {
	REG_GS = 0,
#define REG_GS		REG_GS
	REG_FS,
#define REG_FS		REG_FS
	REG_ES,
#define REG_ES		REG_ES
	REG_DS,
#define REG_DS		REG_DS
	REG_EDI,
#define REG_EDI		REG_EDI
	REG_ESI,
#define REG_ESI		REG_ESI
	REG_EBP,
#define REG_EBP		REG_EBP
	REG_ESP,
#define REG_ESP		REG_ESP
	REG_EBX,
#define REG_EBX		REG_EBX
	REG_EDX,
#define REG_EDX		REG_EDX
	REG_ECX,
#define REG_ECX		REG_ECX
	REG_EAX,
#define REG_EAX		REG_EAX
	REG_TRAPNO,
#define REG_TRAPNO	REG_TRAPNO
	REG_ERR,
#define REG_ERR		REG_ERR
	REG_EIP,
#define REG_EIP		REG_EIP
	REG_CS,
#define REG_CS		REG_CS
	REG_EFL,
#define REG_EFL		REG_EFL
	REG_UESP,
#define REG_UESP	REG_UESP
	REG_SS
#define REG_SS		REG_SS
};

/* The i387 state the kernel saves (fnsave's layout). */
struct _libc_fpreg {
	unsigned short significand[4];
	unsigned short exponent;
};

struct _libc_fpstate {
	unsigned long cw;
	unsigned long sw;
	unsigned long tag;
	unsigned long ipoff;
	unsigned long cssel;
	unsigned long dataoff;
	unsigned long datasel;
	struct _libc_fpreg _st[8];
	unsigned long status;
};

typedef struct _libc_fpstate *fpregset_t;

typedef struct {
	gregset_t gregs;
	fpregset_t fpregs;	/* NULL when the thread had no FPU state */
	unsigned long oldmask;
	unsigned long cr2;	/* the faulting address of a page fault */
} mcontext_t;

typedef struct ucontext_t {
	unsigned long uc_flags;
	struct ucontext_t *uc_link;
	stack_t uc_stack;
	mcontext_t uc_mcontext;
	sigset_t uc_sigmask;
	struct _libc_fpstate __fpregs_mem;
	unsigned long __ssp[4];
} ucontext_t;

#endif
