/*
 * Signal handler tables and the calls that set and read them:
 * rt_sigaction (174) and sigaction (67), with Linux's checks: signal
 * numbers 1..64, SIGKILL and SIGSTOP cannot be given a handler, the
 * sigset size must be 8, bad pointers give -EFAULT, and SIGKILL/SIGSTOP
 * never enter a handler's mask, and unknown flag bits are dropped.
 */
#include <asm/signal.h>
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/sighand.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

/*
 * The flags user space may set and read back (Linux's UAPI_SA_FLAGS on
 * x86): others are cleared, so a program can tell what is supported.
 */
#define UAPI_SA_FLAGS	(SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | \
			 SA_ONSTACK | SA_RESTART | SA_NODEFER | \
			 SA_RESETHAND | SA_EXPOSE_TAGBITS | SA_RESTORER)

struct sighand_struct *alloc_sighand(void)
{
	struct sighand_struct *sh = kzalloc(sizeof(*sh));

	if (sh)
		sh->count = 1;
	return sh;
}

struct sighand_struct *copy_sighand(const struct sighand_struct *old)
{
	struct sighand_struct *sh = alloc_sighand();

	if (sh)
		memcpy(sh->action, old->action, sizeof(sh->action));
	return sh;
}

void put_sighand(struct sighand_struct *sh)
{
	if (--sh->count == 0)
		kfree(sh);
}

void flush_signal_handlers(struct sighand_struct *sh)
{
	for (int i = 0; i < KERNEL_NSIG; i++) {
		struct k_sigaction *ka = &sh->action[i];

		if (ka->handler != SIG_IGN_VALUE)
			ka->handler = SIG_DFL_VALUE;
		ka->flags = 0;
		ka->restorer = 0;
		ka->mask = 0;
	}
}

/* Swap in act (if given) for sig, returning the old action in oact. */
static int do_sigaction(int sig, const struct k_sigaction *act,
			struct k_sigaction *oact)
{
	struct sighand_struct *sh = current->sighand;

	if (sig < 1 || sig > KERNEL_NSIG)
		return -EINVAL;
	if (act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (!sh)
		return -EINVAL;
	if (oact)
		*oact = sh->action[sig - 1];
	if (act) {
		sh->action[sig - 1] = *act;
		sh->action[sig - 1].mask &= ~SIG_KERNEL_ONLY_MASK;
		sh->action[sig - 1].flags &= UAPI_SA_FLAGS;
		/* POSIX: setting a pending signal to be ignored discards it,
		 * blocked or not (Linux's do_sigaction). */
		if (act->handler == SIG_IGN_VALUE ||
		    (act->handler == SIG_DFL_VALUE && sig_default_ignored(sig)))
			flush_pending_signal(current, sig);
	}
	return 0;
}

long sys_rt_sigaction(int sig, const struct k_sigaction __user *uact,
		      struct k_sigaction __user *uoact, size_t sigsetsize)
{
	struct k_sigaction act, oact;
	int err;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (uact && copy_from_user(&act, uact, sizeof(act)))
		return -EFAULT;
	err = do_sigaction(sig, uact ? &act : NULL, uoact ? &oact : NULL);
	if (!err && uoact && copy_to_user(uoact, &oact, sizeof(oact)))
		return -EFAULT;
	return err;
}

long sys_sigaction(int sig, const struct old_sigaction __user *uact,
		   struct old_sigaction __user *uoact)
{
	struct k_sigaction act, oact;
	struct old_sigaction old;
	int err;

	if (uact) {
		if (copy_from_user(&old, uact, sizeof(old)))
			return -EFAULT;
		act.handler = old.handler;
		act.flags = old.flags;
		act.restorer = old.restorer;
		act.mask = old.mask;
	}
	err = do_sigaction(sig, uact ? &act : NULL, uoact ? &oact : NULL);
	if (!err && uoact) {
		old.handler = oact.handler;
		old.flags = oact.flags;
		old.restorer = oact.restorer;
		old.mask = (u32)oact.mask;
		if (copy_to_user(uoact, &old, sizeof(old)))
			return -EFAULT;
	}
	return err;
}
