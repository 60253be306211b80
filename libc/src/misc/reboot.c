#include <sys/reboot.h>
#include "syscall.h"

/* Reboot, halt or power off (cmd = RB_* / LINUX_REBOOT_CMD_*). */
int
reboot(int cmd)
{
	return __syscall_ret(__syscall4(SYS_reboot, LINUX_REBOOT_MAGIC1,
					LINUX_REBOOT_MAGIC2, cmd, 0));
}
