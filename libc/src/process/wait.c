#include <sys/wait.h>

/* Wait for any child to end; its status in *status (if status). */
pid_t
wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}
