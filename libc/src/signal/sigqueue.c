#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "syscall.h"

/* Send sig with a value to process pid (rt_sigqueueinfo): the receiver's
 * siginfo has si_code SI_QUEUE, our pid and uid, and si_value. */
int
sigqueue(pid_t pid, int sig, const union sigval value)
{
	siginfo_t si;

	memset(&si, 0, sizeof si);
	si.si_signo = sig;
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value = value;
	return __syscall_ret(__syscall3(SYS_rt_sigqueueinfo, pid, sig, (long)&si));
}
