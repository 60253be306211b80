/* What CPUID says about the boot CPU (arch/i386/cpu.c). */
#ifndef _ASM_CPU_H
#define _ASM_CPU_H

#include <asm/syscall_mode.h>
#include <kernel/types.h>

/* Feature bits: word 0 is CPUID(1).EDX, as in Linux's X86_FEATURE_*. */
#define X86_FEATURE_FPU		0
#define X86_FEATURE_VME		1
#define X86_FEATURE_DE		2
#define X86_FEATURE_PSE		3
#define X86_FEATURE_TSC		4
#define X86_FEATURE_MSR		5
#define X86_FEATURE_PAE		6
#define X86_FEATURE_CX8		8
#define X86_FEATURE_APIC	9
#define X86_FEATURE_SEP		11
#define X86_FEATURE_PGE		13
#define X86_FEATURE_CMOV	15
#define X86_FEATURE_FXSR	24
#define X86_FEATURE_SSE		25
#define X86_FEATURE_SSE2	26

struct cpuinfo_x86 {
	char vendor[13];
	char model_name[49];	/* brand string, empty if the CPU has none */
	u32 max_leaf;
	u8 family, model, stepping;
	u32 features_edx;	/* CPUID(1).EDX, after quirk fixes */
	u32 features_ecx;	/* CPUID(1).ECX */
};

extern struct cpuinfo_x86 boot_cpu_data;

static inline bool boot_cpu_has(unsigned bit)
{
	return boot_cpu_data.features_edx & (1u << bit);
}

/* Identify the CPU and log it. */
void cpu_init(void);

/*
 * Linux's SEP rule: Pentium Pro family 6 parts with model < 3 and
 * stepping < 3 report SEP but do not implement sysenter correctly.
 */
bool cpu_sep_is_broken(u8 family, u8 model, u8 stepping);

static inline void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
			     : "a"(leaf), "c"(0));
}

static inline u64 rdtsc(void)
{
	u64 v;

	__asm__ __volatile__("rdtsc" : "=A"(v));
	return v;
}

#endif
