#include <errno.h>
#include <signal.h>

/* Send sig to process group pgrp (0: the caller's): kill(-pgrp). */
int
killpg(pid_t pgrp, int sig)
{
	if (pgrp < 0) {
		errno = EINVAL;
		return -1;
	}
	return kill(-pgrp, sig);
}
