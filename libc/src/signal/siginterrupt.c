#include <signal.h>

/*
 * flag != 0: system calls interrupted by sig fail with EINTR (clear
 * SA_RESTART in its action); flag == 0: they restart. The handler and
 * the rest of the action stay.
 */
int
siginterrupt(int sig, int flag)
{
	struct sigaction act;

	if (sigaction(sig, 0, &act) < 0)
		return -1;
	if (flag)
		act.sa_flags &= ~SA_RESTART;
	else
		act.sa_flags |= SA_RESTART;
	return sigaction(sig, &act, 0);
}
