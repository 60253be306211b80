/*
 * The i386 half of signals, after Linux's arch/x86/kernel/signal.c:
 * what happens on the way back to user space when a signal is pending
 * (do_notify_resume, called from entry.S), the signal frames built on
 * the user stack, sigreturn and rt_sigreturn, and system-call restart.
 *
 * A handler starts with this on its stack (higher addresses first); the
 * frames are Linux's, byte for byte, because user space (libgcc's and
 * gdb's unwinders, programs reading uc_mcontext) depends on them:
 *
 *	struct sigframe (no SA_SIGINFO)	struct rt_sigframe (SA_SIGINFO
 *	  retcode[8]			or not: rt_sigaction users)
 *	  extramask (signals 33-64)	  retcode[8]
 *	  fpstate_unused		  ucontext uc (sigcontext inside)
 *	  sigcontext sc			  siginfo info
 *	  sig				  puc = &uc, pinfo = &info, sig
 *	  pretcode     <- esp		  pretcode     <- esp
 *
 * pretcode is the return address: sa_restorer if SA_RESTORER, else the
 * vDSO's __kernel_sigreturn / __kernel_rt_sigreturn (or retcode when
 * there is no vDSO). The handler gets eax = sig (and edx = &info, ecx =
 * &uc for the rt frame, as Linux's regparm(3) convention has it).
 * Which frame: an action set by rt_sigaction gets an rt frame; one set by
 * the old sigaction (67), the old frame; as Linux decides by SA_SIGINFO,
 * so do we: SA_SIGINFO gets rt_sigframe, otherwise sigframe.
 *
 * The FPU state (struct _fpstate_32, arch/i386/fpu.c) goes above the
 * frame, below the interrupted esp, as Linux places it; sc.fpstate points
 * to it, and the handler starts with a clean FPU.
 */
#include <asm/fpu.h>
#include <asm/processor-flags.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/sigcontext.h>
#include <asm/siginfo.h>
#include <asm/uaccess.h>
#include <asm/unistd_32.h>
#include <asm/vdso.h>
#include <asm/vdso_map.h>
#include <generated/vdso-sigframe.h>
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/sighand.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

/* EFLAGS bits a signal handler (and sigreturn) may change: Linux's FIX_EFLAGS. */
#define FIX_EFLAGS	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | \
			 X86_EFLAGS_TF | X86_EFLAGS_SF | X86_EFLAGS_ZF | \
			 X86_EFLAGS_AF | X86_EFLAGS_PF | X86_EFLAGS_CF | \
			 X86_EFLAGS_RF)

/* The i386 stack_t and ucontext, with the kernel's 64-bit sigset. */
struct kstack_t {
	u32 ss_sp;
	s32 ss_flags;
	u32 ss_size;
};

struct kucontext {
	u32 uc_flags;
	u32 uc_link;
	struct kstack_t uc_stack;
	struct sigcontext_32 uc_mcontext;
	u64 uc_sigmask;
};

struct sigframe {
	u32 pretcode;
	s32 sig;
	struct sigcontext_32 sc;
	struct _fpstate_32 fpstate_unused;	/* keeps extramask where it was */
	u32 extramask[1];
	u8 retcode[8];
};

struct rt_sigframe {
	u32 pretcode;
	s32 sig;
	u32 pinfo;
	u32 puc;
	siginfo_t info;
	struct kucontext uc;
	u8 retcode[8];
};

/* The layouts the vDSO's unwind information assumes (sigframe-offsets.c). */
_Static_assert(__builtin_offsetof(struct sigframe, sc) - 4 == SIGFRAME_SC,
	       "sigframe layout");
_Static_assert(__builtin_offsetof(struct rt_sigframe, uc.uc_mcontext) - 4 ==
	       RT_SIGFRAME_SC, "rt_sigframe layout");
_Static_assert(sizeof(struct sigcontext_32) == 88, "sigcontext is 88 bytes");
_Static_assert(__builtin_offsetof(struct sigframe, extramask) == 720,
	       "extramask where Linux has it");

/* popl %eax; movl $__NR_sigreturn, %eax; int $0x80 (gdb's signature). */
static const u8 sigreturn_code[8] = {
	0x58, 0xb8, __NR_sigreturn, 0, 0, 0, 0xcd, 0x80
};
/* movl $__NR_rt_sigreturn, %eax; int $0x80; pad. */
static const u8 rt_sigreturn_code[8] = {
	0xb8, __NR_rt_sigreturn, 0, 0, 0, 0xcd, 0x80, 0
};

static void save_sigcontext(struct sigcontext_32 *sc,
			    const struct pt_regs *regs, u64 mask, u32 fpstate)
{
	const struct thread_struct *th = &current->thread;

	memset(sc, 0, sizeof(*sc));
	sc->gs = regs->gs;
	sc->fs = regs->fs;
	sc->es = regs->es;
	sc->ds = regs->ds;
	sc->di = regs->edi;
	sc->si = regs->esi;
	sc->bp = regs->ebp;
	sc->sp = regs->esp;
	sc->bx = regs->ebx;
	sc->dx = regs->edx;
	sc->cx = regs->ecx;
	sc->ax = regs->eax;
	sc->trapno = th->trap_nr;
	sc->err = th->error_code;
	sc->ip = regs->eip;
	sc->cs = regs->cs;
	sc->flags = regs->eflags;
	sc->sp_at_signal = regs->esp;
	sc->ss = regs->ss;
	sc->fpstate = fpstate;
	sc->oldmask = (u32)mask;
	sc->cr2 = th->cr2;
}

/*
 * Where the frame goes: below the interrupted esp, or at the top of the
 * alternate stack for SA_ONSTACK (unless already on it). First the FPU
 * state (its fxsave part 64-byte aligned, the legacy header below it, as
 * Linux's fpu__alloc_mathframe), then the frame, aligned so that esp + 4
 * is a multiple of 16 at the handler's entry, as after a call. *fpstate
 * gets the FPU state's address. On the alternate stack and out of room:
 * an address that always faults.
 */
static unsigned long get_sigframe(const struct k_sigaction *ka,
				  const struct pt_regs *regs, size_t size,
				  u32 *fpstate)
{
	const struct sigaltstack_state *sas = &current->sas;
	unsigned long sp = regs->esp;
	bool onsigstack = on_sig_stack(sp);

	if ((ka->flags & SA_ONSTACK) && sas_ss_flags(sp) == 0) {
		sp = sas->sp + sas->size;
		onsigstack = true;
	}
	sp = ((sp - (FPU_FRAME_SIZE - 112)) & ~63UL) - 112;
	*fpstate = sp;
	sp = ((sp - size + 4) & ~15UL) - 4;
	/* Would overflow the alternate stack (SS_AUTODISARM or not). */
	if (onsigstack && !(sp > sas->sp && sp - sas->sp <= sas->size))
		return ~0UL;
	return sp;
}

/* The alternate-stack record of the ucontext: the settings as they were
 * set (Linux's save_altstack; never SS_ONSTACK unless the user said so). */
static void save_altstack(struct kstack_t *st)
{
	st->ss_sp = current->sas.sp;
	st->ss_size = current->sas.size;
	st->ss_flags = current->sas.flags;
}

static u32 restorer_for(const struct k_sigaction *ka, u32 vdso_sym,
			u32 retcode)
{
	unsigned long base = current->mm ? current->mm->vdso_base : 0;

	if (ka->flags & SA_RESTORER)
		return ka->restorer;
	return base ? base + vdso_sym : retcode;
}

/* Point the registers at the handler, with the user's segments. */
static void start_handler(struct pt_regs *regs, const struct k_sigaction *ka,
			  unsigned long frame, int sig)
{
	regs->esp = frame;
	regs->eip = ka->handler;
	regs->eax = sig;
	regs->ds = __USER_DS;
	regs->es = __USER_DS;
	regs->ss = __USER_DS;
	regs->cs = __USER_CS;
}

static int setup_frame(int sig, const struct k_sigaction *ka, u64 mask,
		       struct pt_regs *regs)
{
	u32 fp;
	unsigned long addr = get_sigframe(ka, regs, sizeof(struct sigframe), &fp);
	struct sigframe *frame = (struct sigframe *)addr;
	struct sigcontext_32 sc;
	u32 head[2], extramask = (u32)(mask >> 32);

	if (!access_ok(frame, sizeof(*frame)) ||
	    !access_ok((void __user *)fp, FPU_FRAME_SIZE))
		return -EFAULT;
	save_sigcontext(&sc, regs, mask, fp);
	head[0] = restorer_for(ka, vdso_image->sym_kernel_sigreturn,
			       (u32)frame->retcode);
	head[1] = sig;
	/* In pieces: the whole frame (740 bytes) is much for a kernel stack. */
	if (copy_to_user(frame, head, sizeof(head)) ||
	    copy_to_user(&frame->sc, &sc, sizeof(sc)) ||
	    clear_user(&frame->fpstate_unused, sizeof(frame->fpstate_unused)) ||
	    copy_to_user(frame->extramask, &extramask, sizeof(extramask)) ||
	    copy_to_user(frame->retcode, sigreturn_code,
			 sizeof(sigreturn_code)) ||
	    fpu_save_to_sigframe((void __user *)fp))
		return -EFAULT;
	start_handler(regs, ka, addr, sig);
	regs->edx = 0;
	regs->ecx = 0;
	return 0;
}

static int setup_rt_frame(int sig, const struct k_sigaction *ka,
			  const struct ksiginfo *info, u64 mask,
			  struct pt_regs *regs)
{
	u32 fp, head[4];
	unsigned long addr = get_sigframe(ka, regs, sizeof(struct rt_sigframe),
					  &fp);
	struct rt_sigframe *frame = (struct rt_sigframe *)addr;
	struct kucontext uc;

	if (!access_ok(frame, sizeof(*frame)) ||
	    !access_ok((void __user *)fp, FPU_FRAME_SIZE))
		return -EFAULT;
	memset(&uc, 0, sizeof(uc));
	save_altstack(&uc.uc_stack);
	save_sigcontext(&uc.uc_mcontext, regs, mask, fp);
	uc.uc_sigmask = mask;
	head[0] = restorer_for(ka, vdso_image->sym_kernel_rt_sigreturn,
			       (u32)frame->retcode);
	head[1] = sig;
	head[2] = (u32)&frame->info;
	head[3] = (u32)&frame->uc;
	if (copy_to_user(frame, head, sizeof(head)) ||
	    copy_siginfo_to_user(&frame->info, info) ||
	    copy_to_user(&frame->uc, &uc, sizeof(uc)) ||
	    copy_to_user(frame->retcode, rt_sigreturn_code,
			 sizeof(rt_sigreturn_code)) ||
	    fpu_save_to_sigframe((void __user *)fp))
		return -EFAULT;
	/* SS_AUTODISARM: the stack is disarmed while the handler runs on it
	 * (uc_stack keeps it, for rt_sigreturn to re-arm). */
	if (current->sas.flags & SS_AUTODISARM)
		current->sas = SAS_RESET;
	start_handler(regs, ka, addr, sig);
	regs->edx = head[2];
	regs->ecx = head[3];
	return 0;
}

/* The mask to restore after the handler: sigsuspend's, or the current. */
static u64 sigmask_to_save(void)
{
	return current->restore_sigmask ? current->saved_sigmask :
					  current->blocked;
}

/*
 * Make the interrupted system call run again on the way out: eax = nr and
 * eip back over the 2-byte instruction that entered, `int $0x80` itself,
 * or after sysenter the vDSO's `jmp` just before SYSENTER_RETURN.
 */
static void restart_syscall_as(struct pt_regs *regs, unsigned long nr)
{
	regs->eax = nr;
	regs->eip -= 2;
}

/* Settle an interrupted system call for a handler that is about to run. */
static void restart_for_handler(const struct k_sigaction *ka,
				struct pt_regs *regs)
{
	if ((long)regs->orig_eax < 0)
		return;		/* not a system call */
	switch ((long)regs->eax) {
	case -ERESTART_RESTARTBLOCK:
	case -ERESTARTNOHAND:
		regs->eax = -EINTR;
		break;
	case -ERESTARTSYS:
		if (!(ka->flags & SA_RESTART)) {
			regs->eax = -EINTR;
			break;
		}
		/* fall through */
	case -ERESTARTNOINTR:
		restart_syscall_as(regs, regs->orig_eax);
		break;
	}
}

/* No handler will run: every interrupted call restarts. */
static void restart_without_handler(struct pt_regs *regs)
{
	if ((long)regs->orig_eax < 0)
		return;
	switch ((long)regs->eax) {
	case -ERESTARTNOHAND:
	case -ERESTARTSYS:
	case -ERESTARTNOINTR:
		restart_syscall_as(regs, regs->orig_eax);
		break;
	case -ERESTART_RESTARTBLOCK:
		restart_syscall_as(regs, __NR_restart_syscall);
		break;
	}
}

static void handle_signal(int sig, const struct ksiginfo *info,
			  const struct k_sigaction *ka, struct pt_regs *regs)
{
	u64 mask = sigmask_to_save();
	int err;

	restart_for_handler(ka, regs);
	if (ka->flags & SA_SIGINFO)
		err = setup_rt_frame(sig, ka, info, mask, regs);
	else
		err = setup_frame(sig, ka, mask, regs);
	if (err) {
		force_sigsegv("cannot write the signal frame");
		return;
	}
	/* The handler starts with DF clear, no trace flag, no resume flag. */
	regs->eflags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	current->restore_sigmask = false;
	signal_delivered(sig, ka);
}

/* Called by entry.S with interrupts on when current->sigpending is set. */
void do_notify_resume(struct pt_regs *regs);
void do_notify_resume(struct pt_regs *regs)
{
	struct ksiginfo info;
	struct k_sigaction ka;
	int sig = get_signal(&info, &ka);

	if (sig) {
		handle_signal(sig, &info, &ka, regs);
		return;
	}
	restart_without_handler(regs);
	if (current->restore_sigmask) {
		current->restore_sigmask = false;
		set_current_blocked(current->saved_sigmask);
	}
}

/* --- sigreturn -------------------------------------------------------- */

/*
 * Load the registers from a sigcontext, trusting none of it: cs and ss
 * get RPL 3, only FIX_EFLAGS come from the user, and a data selector
 * that cannot be loaded becomes null on the way out (entry.S's fixups),
 * while a bad cs or ss makes iret fail, which is SIGILL (Linux's
 * iret_error). orig_eax = -1: nothing to restart. The FPU state comes
 * from sc->fpstate (a clean FPU if it is 0); false (SIGSEGV) if it
 * cannot be read.
 */
static bool restore_sigcontext(struct pt_regs *regs,
			       const struct sigcontext_32 *sc)
{
	if (!fpu_restore_from_sigframe(sc->fpstate))
		return false;
	regs->gs = sc->gs;
	regs->fs = sc->fs;
	regs->es = sc->es;
	regs->ds = sc->ds;
	regs->edi = sc->di;
	regs->esi = sc->si;
	regs->ebp = sc->bp;
	regs->esp = sc->sp;
	regs->ebx = sc->bx;
	regs->edx = sc->dx;
	regs->ecx = sc->cx;
	regs->eax = sc->ax;
	regs->eip = sc->ip;
	regs->cs = sc->cs | 3;
	regs->ss = sc->ss | 3;
	regs->eflags = (regs->eflags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	regs->orig_eax = -1;
	current->restart_block.fn = do_no_restart_syscall;
	return true;
}

/* The old frame: its sc is at esp - 8 + 8 once the trampoline popped sig. */
long sys_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct sigframe *frame = (struct sigframe *)(regs->esp - 8);
	struct sigcontext_32 sc;
	u32 extramask;

	if (copy_from_user(&sc, &frame->sc, sizeof(sc)) ||
	    copy_from_user(&extramask, &frame->extramask[0], sizeof(extramask)))
		goto bad;
	set_current_blocked((u64)extramask << 32 | sc.oldmask);
	if (!restore_sigcontext(regs, &sc))
		goto bad;
	return regs->eax;
bad:
	force_sigsegv("sigreturn: bad frame");
	return 0;
}

/* The rt frame: pretcode was popped by the handler's ret. */
long sys_rt_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct rt_sigframe *frame = (struct rt_sigframe *)(regs->esp - 4);
	struct kucontext uc;

	if (copy_from_user(&uc, &frame->uc, sizeof(uc)))
		goto bad;
	set_current_blocked(uc.uc_sigmask);
	if (!restore_sigcontext(regs, &uc.uc_mcontext))
		goto bad;
	/* Errors other than EFAULT are ignored, as Linux's restore_altstack. */
	if (do_sigaltstack(&frame->uc.uc_stack, NULL, regs->esp) == -EFAULT)
		goto bad;
	return regs->eax;
bad:
	force_sigsegv("rt_sigreturn: bad frame");
	return 0;
}
