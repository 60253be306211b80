#include <setjmp.h>
#include <signal.h>
#include "ksigaction.h"
#include "syscall.h"

/*
 * Back to sigsetjmp's return with val (1 if val is 0), restoring the
 * signal mask first if sigsetjmp saved it. A signal the mask unblocks is
 * handled here, before the jump: it was pending, and becomes deliverable
 * as the mask is set.
 */
_Noreturn void
siglongjmp(sigjmp_buf env, int val)
{
	if (env->__mask_was_saved)
		__syscall4(SYS_rt_sigprocmask, SIG_SETMASK,
			   (long)&env->__saved_mask, 0, KSIGSET_SIZE);
	longjmp(env, val);
}
