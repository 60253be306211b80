/*
 * syscall=int80|sysenter|auto: which entry the kernel offers user space,
 * and syscall_init(), which sets it up: the int $0x80 trap gate always,
 * the SYSENTER MSRs and the sysenter vDSO only when sysenter is chosen.
 */
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/syscall_mode.h>
#include <asm/vdso_map.h>
#include <kernel/errno.h>
#include <kernel/param.h>
#include <kernel/printk.h>
#include <kernel/string.h>

void system_call(void);
void sysenter_entry(void);

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

#define MSR_IA32_SYSENTER_CS	0x174
#define MSR_IA32_SYSENTER_ESP	0x175
#define MSR_IA32_SYSENTER_EIP	0x176
#define SYSCALL_VECTOR		0x80

bool sysenter_in_use;

static void wrmsr(u32 msr, u32 value)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr), "a"(value), "d"(0));
}

/* Should this boot use sysenter? Says why not, when it was asked for. */
static bool want_sysenter(void)
{
	bool sep = boot_cpu_has(X86_FEATURE_SEP);

	switch (syscall_mode) {
	case SYSCALL_MODE_INT80:
		return false;
	case SYSCALL_MODE_SYSENTER:
		if (!sep)
			pr_warn("syscall: syscall=sysenter, but the CPU has no "
				"working SEP: falling back to int $0x80\n");
		return sep;
	case SYSCALL_MODE_AUTO:
	default:
		return sep;
	}
}

void syscall_init(void)
{
	/* int $0x80 works in every mode: it is the ABI. */
	set_idt_gate(SYSCALL_VECTOR, system_call, GATE_TRAP | GATE_DPL3);

	sysenter_in_use = want_sysenter();
	if (sysenter_in_use) {
		/* sysexit takes user CS/SS from SYSENTER_CS + 16 / + 24. */
		wrmsr(MSR_IA32_SYSENTER_CS, __KERNEL_CS);
		wrmsr(MSR_IA32_SYSENTER_ESP, (u32)(&cpu_entry + 1));
		wrmsr(MSR_IA32_SYSENTER_EIP, (u32)sysenter_entry);
		vdso_image = &vdso_image_sysenter;
		sysenter_return = vdso_user_base() +
				  vdso_image->sym_sysenter_return;
	} else {
		vdso_image = &vdso_image_int80;
	}
	pr_notice("syscall: using %s (syscall=%s); vDSO %s variant at %08lx, "
		  "__kernel_vsyscall at %08lx\n",
		  sysenter_in_use ? "sysenter" : "int $0x80",
		  syscall_mode_name(), vdso_image->name, vdso_user_base(),
		  vdso_user_base() + vdso_image->sym_kernel_vsyscall);
}
