/* Small system calls about the process and the machine. */
#include <asm/power.h>
#include <linux/reboot.h>
#include <linux/utsname.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/version.h>

long sys_getpid(void)
{
	return current->tgid;
}

long sys_gettid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	return current->parent ? current->parent->tgid : 0;
}

long sys_sched_yield(void)
{
	schedule();
	return 0;
}

/*
 * uname says "Linux" and a 6.1 release: that is the ABI this kernel
 * implements, and C libraries (glibc's "kernel too old" check) read the
 * release number. The version field names this kernel.
 */
long sys_uname(struct new_utsname __user *name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "Linux", sizeof(u.sysname));
	strlcpy(u.nodename, KERNEL_NAME, sizeof(u.nodename));
	strlcpy(u.release, "6.1.0-" KERNEL_NAME, sizeof(u.release));
	strlcpy(u.version, "#1 " KERNEL_NAME " " KERNEL_VERSION,
		sizeof(u.version));
	strlcpy(u.machine, "i686", sizeof(u.machine));
	strlcpy(u.domainname, "(none)", sizeof(u.domainname));
	if (copy_to_user(name, &u, sizeof(u)))
		return -EFAULT;
	return 0;
}

/* reboot(2): Linux's magic numbers; power off, halt and restart. */
long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg)
{
	if ((unsigned)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_POWER_OFF:
		pr_notice("reboot: Power down\n");
		machine_power_off();
	case LINUX_REBOOT_CMD_HALT:
		pr_notice("reboot: System halted\n");
		machine_halt();
	case LINUX_REBOOT_CMD_RESTART:
		pr_notice("reboot: Restarting system\n");
		machine_restart();
	default:
		return -EINVAL;
	}
}
