/*
 * CPU identification with CPUID: vendor, family/model/stepping, brand
 * string and feature flags, with Linux's correction for early Pentium
 * Pro parts that report SEP (sysenter) without implementing it.
 */
#include <asm/cpu.h>
#include <asm/processor-flags.h>
#include <kernel/printk.h>
#include <kernel/string.h>

struct cpuinfo_x86 boot_cpu_data;

/* CPUID exists if software can flip EFLAGS.ID. */
static bool have_cpuid(void)
{
	u32 before, after;

	__asm__ __volatile__(
		"pushfl\n\t"
		"popl %0\n\t"
		"movl %0, %1\n\t"
		"xorl %2, %1\n\t"
		"pushl %1\n\t"
		"popfl\n\t"
		"pushfl\n\t"
		"popl %1\n\t"
		"pushl %0\n\t"
		"popfl"
		: "=&r"(before), "=&r"(after) : "i"(X86_EFLAGS_ID));
	return (before ^ after) & X86_EFLAGS_ID;
}

/*
 * Linux (arch/x86/kernel/cpu/intel.c): "SEP CPUID bug: Pentium Pro
 * reports SEP but doesn't have it until model 3 mask 3" -- i.e. family 6
 * with (model, stepping) below (3, 3).
 */
bool cpu_sep_is_broken(u8 family, u8 model, u8 stepping)
{
	return family == 6 && ((model << 4) | stepping) < 0x33;
}

static const char *const edx_flag_names[32] = {
	"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce",
	"cx8", "apic", NULL, "sep", "mtrr", "pge", "mca", "cmov",
	"pat", "pse36", "pn", "clflush", NULL, "dts", "acpi", "mmx",
	"fxsr", "sse", "sse2", "ss", "ht", "tm", "ia64", "pbe",
};

static void read_brand_string(struct cpuinfo_x86 *c)
{
	u32 max_ext, *out = (u32 *)c->model_name, d;
	char *s;

	cpuid(0x80000000, &max_ext, &d, &d, &d);
	if (max_ext < 0x80000004)
		return;
	for (u32 leaf = 0x80000002; leaf <= 0x80000004; leaf++, out += 4)
		cpuid(leaf, &out[0], &out[1], &out[2], &out[3]);
	c->model_name[48] = '\0';
	/* Brand strings are often right-justified with spaces. */
	for (s = c->model_name; *s == ' '; s++)
		;
	memmove(c->model_name, s, strlen(s) + 1);
}

void cpu_init(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;
	u32 eax, ebx, ecx, edx;
	char flags[160];
	size_t len = 0;

	if (!have_cpuid()) {
		strlcpy(c->vendor, "unknown", sizeof(c->vendor));
		pr_warn("cpu: no CPUID instruction\n");
		return;
	}
	cpuid(0, &c->max_leaf, &ebx, &ecx, &edx);
	memcpy(c->vendor, &ebx, 4);
	memcpy(c->vendor + 4, &edx, 4);
	memcpy(c->vendor + 8, &ecx, 4);
	c->vendor[12] = '\0';

	if (c->max_leaf >= 1) {
		cpuid(1, &eax, &ebx, &c->features_ecx, &c->features_edx);
		c->family = (eax >> 8) & 0xf;
		c->model = (eax >> 4) & 0xf;
		c->stepping = eax & 0xf;
		if (c->family == 0xf)
			c->family += (eax >> 20) & 0xff;
		if (c->family >= 6)
			c->model += ((eax >> 16) & 0xf) << 4;
	}
	read_brand_string(c);

	if (boot_cpu_has(X86_FEATURE_SEP) &&
	    !strcmp(c->vendor, "GenuineIntel") &&
	    cpu_sep_is_broken(c->family, c->model, c->stepping)) {
		c->features_edx &= ~(1u << X86_FEATURE_SEP);
		pr_info("cpu: SEP reported but broken on this model, cleared\n");
	}

	flags[0] = '\0';
	for (unsigned bit = 0; bit < 32; bit++)
		if (edx_flag_names[bit] && boot_cpu_has(bit))
			len += snprintf(flags + len, sizeof(flags) - len,
					" %s", edx_flag_names[bit]);
	pr_info("cpu: %s family %u model %u stepping %u \"%s\"\n", c->vendor,
		c->family, c->model, c->stepping, c->model_name);
	pr_info("cpu: flags:%s\n", flags);
	pr_info("cpu: sysenter (SEP) %s\n",
		boot_cpu_has(X86_FEATURE_SEP) ? "available" : "not available");
}
