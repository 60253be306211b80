/* syscall=int80|sysenter|auto: which entry the kernel offers user space. */
#include <asm/syscall_mode.h>
#include <kernel/errno.h>
#include <kernel/param.h>
#include <kernel/string.h>

enum syscall_mode syscall_mode = SYSCALL_MODE_AUTO;

static const char *const mode_names[] = {
	[SYSCALL_MODE_AUTO] = "auto",
	[SYSCALL_MODE_INT80] = "int80",
	[SYSCALL_MODE_SYSENTER] = "sysenter",
};

const char *syscall_mode_name(void)
{
	return mode_names[syscall_mode];
}

static int set_syscall_mode(const char *val)
{
	for (unsigned i = 0; i < ARRAY_SIZE(mode_names); i++) {
		if (val && !strcmp(val, mode_names[i])) {
			syscall_mode = i;
			return 0;
		}
	}
	return -EINVAL;
}
kernel_param("syscall", set_syscall_mode, "auto",
	     "system-call mechanism: int80, sysenter or auto");
