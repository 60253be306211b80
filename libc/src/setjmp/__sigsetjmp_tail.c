#include <setjmp.h>
#include <signal.h>
#include "ksigaction.h"
#include "syscall.h"

hidden int __sigsetjmp_tail(sigjmp_buf env, int savemask);

/*
 * The end of sigsetjmp (arch/i386/sigsetjmp.S) when savemask != 0: the
 * registers are in env; add the calling thread's signal mask. Entered by
 * a jump from sigsetjmp, so it returns straight to sigsetjmp's caller,
 * with 0 (a first return). Reading the mask cannot fail.
 */
int
__sigsetjmp_tail(sigjmp_buf env, int savemask)
{
	(void)savemask;
	__syscall4(SYS_rt_sigprocmask, SIG_BLOCK, 0, (long)&env->__saved_mask,
		   KSIGSET_SIZE);
	env->__mask_was_saved = 1;
	return 0;
}
