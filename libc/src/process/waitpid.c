#include <sys/wait.h>

/* wait4 without the resource usage: pid > 0 that child, -1 any child,
 * 0 / < -1 any in the caller's / that process group. */
pid_t
waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}
