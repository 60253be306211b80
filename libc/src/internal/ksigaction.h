/*
 * ksigaction.h (internal): the kernel's side of the signal calls.
 *
 * Every rt_sig* system call is given the kernel's sigset size, _NSIG / 8
 * = 8 bytes (64 signals): only the first two words of a sigset_t.
 * rt_sigaction takes the i386 kernel's struct sigaction, not the libc's:
 * the mask comes last and is 8 bytes.
 */
#ifndef _LIBC_INTERNAL_KSIGACTION_H
#define _LIBC_INTERNAL_KSIGACTION_H

#include <signal.h>
#include "libc.h"

#define KSIGSET_SIZE	(_NSIG / 8)

struct k_sigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask[KSIGSET_SIZE / sizeof(unsigned long)];
};

/*
 * The return addresses sigaction gives the kernel (SA_RESTORER): a
 * handler returns into them and they end the signal with sigreturn
 * (frames of handlers without SA_SIGINFO) or rt_sigreturn (with it).
 * arch/i386/__restore.S, __restore_rt.S.
 */
hidden void __restore(void);
hidden void __restore_rt(void);

/* *set = every signal (1..64). */
static inline void
__sigset_all(sigset_t *set)
{
	unsigned i;

	for (i = 0; i < sizeof set->__val / sizeof set->__val[0]; i++)
		set->__val[i] = i < KSIGSET_SIZE / sizeof(unsigned long) ? ~0UL : 0;
}

#endif
