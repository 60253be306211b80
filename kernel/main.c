/*
 * start_kernel: the first C code. boot/multiboot.asm calls it on the boot
 * stack with paging on and interrupts off. It brings the machine up in
 * dependency order, says "ready", then runs the selected tests or idles.
 */
#include <asm/fpu.h>
#include <asm/boot.h>
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/page.h>
#include <asm/timer.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/multiboot.h>
#include <kernel/panic.h>
#include <kernel/param.h>
#include <kernel/printk.h>
#include <kernel/ramfs.h>
#include <kernel/sched.h>
#include <kernel/spawn.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/version.h>

const struct multiboot_info *boot_info;

/* init=PATH: the first user program (run from the syscall issue on). */
static char init_path[128] = "/init";

static int set_init(const char *val)
{
	if (!val || val[0] != '/' || strlen(val) >= sizeof(init_path))
		return -EINVAL;
	strlcpy(init_path, val, sizeof(init_path));
	return 0;
}
kernel_param("init", set_init, "/init", "path of the first user program");

/*
 * Start init and wait for it. Like Linux, the kernel has nothing left to
 * do if init ends; it says so and stops.
 */
static __noreturn void run_init(void)
{
	const char *argv[] = { init_path, NULL };
	struct task_struct *init;
	int err, status;

	init = spawn_user(init_path, argv, &err);
	if (!init) {
		pr_err("init: cannot run %s (error %d); idling\n", init_path,
		       err);
		for (;;)
			__asm__ __volatile__("hlt");
	}
	pr_info("init: started %s as pid %d\n", init_path, init->pid);
	status = reap_child(init, NULL, 0);
	panic("Attempted to kill init! exitcode=0x%08x", status);
}

static void save_command_line(void)
{
	if (boot_info->flags & MULTIBOOT_INFO_CMDLINE)
		strlcpy(boot_command_line, __va(boot_info->cmdline),
			sizeof(boot_command_line));
}

__noreturn void start_kernel(u32 magic, phys_addr_t mbi_phys);

__noreturn void start_kernel(u32 magic, phys_addr_t mbi_phys)
{
	serial_console_init();
	debugcon_init();
	vga_console_init();

	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("not started by a multiboot loader (eax=%08x)", magic);
	boot_info = __va(mbi_phys);
	save_command_line();

	pr_notice("%s version %s (%s)\n", KERNEL_NAME, KERNEL_VERSION,
		  KERNEL_BUILD_INFO);
	pr_notice("Command line: %s\n", boot_command_line);
	parse_boot_params();
	if (boot_image_path)
		pr_info("Kernel image: %s\n", boot_image_path);
	if (boot_info->flags & MULTIBOOT_INFO_LOADER)
		pr_info("Loaded by: %s\n",
			(const char *)__va(boot_info->boot_loader_name));

	sched_init();
	cpu_init();
	fpu_init();
	gdt_init();
	trap_init();
	init_IRQ();
	mm_init(boot_info);
	pr_info("syscall: mechanism requested: %s\n", syscall_mode_name());
	syscall_init();
	initramfs_init();
	time_init();
	timekeeping_init();
	local_irq_enable();

	pr_notice("kernel: ready\n");

	ktest_run_selected();
	run_init();
}
