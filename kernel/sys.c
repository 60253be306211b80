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

/* getuid, geteuid, getgid, getegid and their 32-bit forms: all root. */
long sys_getuid(void)
{
	return 0;
}

long sys_gettid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	return current->parent ? current->parent->tgid : 0;
}

/* getpgid(2): 0 means the caller. */
long sys_getpgid(pid_t pid)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;

	if (pid < 0 || !t)
		return -ESRCH;
	return t->pgid;
}

long sys_getpgrp(void)
{
	return current->pgid;
}

/*
 * setpgid(2), Linux's checks without sessions: the target is the caller
 * or one of its children (else ESRCH); the group is the target's own pid
 * or a group some task is already in (else EPERM).
 */
long sys_setpgid(pid_t pid, pid_t pgid)
{
	struct task_struct *t, *o;
	bool exists = false;

	if (pgid < 0)
		return -EINVAL;
	t = pid ? find_task_by_pid(pid) : current;
	if (pid < 0 || !t || (t != current && t->parent != current) ||
	    t->pid != t->tgid)
		return -ESRCH;
	if (!pgid)
		pgid = t->pid;
	for_each_task(o)
		if (o != &init_task && o->pgid == pgid)
			exists = true;
	if (pgid != t->pid && !exists)
		return -EPERM;
	t->pgid = pgid;
	return 0;
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
