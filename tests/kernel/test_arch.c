/*
 * Suites "cpu", "gdt", "traps", "irq", "timer": the i386 machinery that
 * arch/i386/ sets up at boot, checked from inside the running kernel.
 */
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/timer.h>
#include <asm/traps.h>
#include <kernel/errno.h>
#include <kernel/kallsyms.h>
#include <kernel/ktest.h>
#include <kernel/string.h>

KTEST(cpu, identified)
{
	KT_EXPECT(strlen(boot_cpu_data.vendor) == 12);
	KT_EXPECT(boot_cpu_data.max_leaf >= 1);
	KT_EXPECT(boot_cpu_data.family >= 6);	/* we are built for i686 */
	KT_EXPECT(boot_cpu_has(X86_FEATURE_TSC));
}

KTEST(cpu, sep_quirk_rule)
{
	/* Linux: family 6 with (model << 4 | stepping) < 0x33 lies. */
	KT_EXPECT(cpu_sep_is_broken(6, 1, 9));
	KT_EXPECT(cpu_sep_is_broken(6, 2, 2));
	KT_EXPECT(cpu_sep_is_broken(6, 3, 2));
	KT_EXPECT(!cpu_sep_is_broken(6, 3, 3));
	KT_EXPECT(!cpu_sep_is_broken(6, 6, 3));	/* QEMU's qemu32 */
	KT_EXPECT(!cpu_sep_is_broken(15, 1, 0));
	KT_EXPECT(!cpu_sep_is_broken(5, 2, 1));
}

static unsigned long read_seg(int which)
{
	unsigned long v = 0;

	switch (which) {
	case 0: __asm__("movl %%cs, %0" : "=r"(v)); break;
	case 1: __asm__("movl %%ds, %0" : "=r"(v)); break;
	case 2: __asm__("movl %%ss, %0" : "=r"(v)); break;
	case 3: __asm__("str %w0" : "=r"(v)); break;
	}
	return v & 0xffff;
}

KTEST(gdt, linux_layout_selectors)
{
	KT_EXPECT_EQ(__KERNEL_CS, 0x60);
	KT_EXPECT_EQ(__KERNEL_DS, 0x68);
	KT_EXPECT_EQ(__USER_CS, 0x73);
	KT_EXPECT_EQ(__USER_DS, 0x7b);
	KT_EXPECT_EQ(read_seg(0), __KERNEL_CS);
	KT_EXPECT_EQ(read_seg(1), __KERNEL_DS);
	KT_EXPECT_EQ(read_seg(2), __KERNEL_DS);
	KT_EXPECT_EQ(read_seg(3), __TSS_SEL);
}

KTEST(gdt, descriptors)
{
	/* sysexit needs user CS/SS at SYSENTER_CS + 16 / + 24. */
	KT_EXPECT_EQ(GDT_ENTRY_DEFAULT_USER_CS, GDT_ENTRY_KERNEL_CS + 2);
	KT_EXPECT_EQ(GDT_ENTRY_DEFAULT_USER_DS, GDT_ENTRY_KERNEL_CS + 3);
	/* Bit 0 is the "accessed" bit the CPU sets on first load. */
	KT_EXPECT_EQ(gdt[GDT_ENTRY_KERNEL_CS].access & ~1, 0x9A);
	KT_EXPECT_EQ(gdt[GDT_ENTRY_KERNEL_DS].access & ~1, 0x92);
	KT_EXPECT_EQ(gdt[GDT_ENTRY_DEFAULT_USER_CS].access & ~1, 0xFA);
	KT_EXPECT_EQ(gdt[GDT_ENTRY_DEFAULT_USER_DS].access & ~1, 0xF2);
	/* TLS slots start empty (not present). */
	for (int i = GDT_ENTRY_TLS_MIN; i <= GDT_ENTRY_TLS_MAX; i++)
		KT_EXPECT_EQ(gdt[i].access & 0x80, 0);
	/* The loaded TSS is marked busy (type 0xB) by ltr. */
	KT_EXPECT_EQ(gdt[GDT_ENTRY_TSS].access, 0x8B);
	KT_EXPECT_EQ(cpu_entry.tss.ss0, __KERNEL_DS);
	KT_EXPECT(cpu_entry.tss.esp0 > 0xC0000000);
}

static u32 gate_offset(const struct gate_struct *g)
{
	return g->offset_low | ((u32)g->offset_high << 16);
}

KTEST(traps, all_256_gates_present)
{
	struct gate_struct g;

	for (unsigned v = 0; v < 256; v++) {
		get_idt_gate(v, &g);
		if (!(g.type_attr & 0x80))
			ktest_fail(__FILE__, __LINE__, "vector %u not present", v);
	}
	get_idt_gate(14, &g);
	KT_EXPECT_EQ(gate_offset(&g), (u32)page_fault);
	KT_EXPECT_EQ(g.type_attr, GATE_INTERRUPT);
	KT_EXPECT_EQ(g.segment, __KERNEL_CS);
	get_idt_gate(3, &g);
	KT_EXPECT_EQ(g.type_attr, GATE_INTERRUPT | GATE_DPL3);
	get_idt_gate(8, &g);
	KT_EXPECT_EQ(g.type_attr, GATE_TASK);
	KT_EXPECT_EQ(g.segment, __DOUBLEFAULT_TSS_SEL);
	get_idt_gate(13, &g);
	KT_EXPECT_EQ(gate_offset(&g), (u32)general_protection);
	/* Hardware vectors are ring 0 only: user `int $0x20` must #GP. */
	get_idt_gate(0x20, &g);
	KT_EXPECT_EQ(g.type_attr, GATE_INTERRUPT);
}

KTEST(traps, exception_entries_are_named)
{
	uintptr_t off;

	KT_EXPECT_STREQ(kallsyms_lookup((uintptr_t)page_fault, &off),
			"page_fault");
	KT_EXPECT_EQ(off, 0);
	KT_EXPECT_STREQ(kallsyms_lookup((uintptr_t)divide_error, &off),
			"divide_error");
	KT_EXPECT_EQ(kallsyms_lookup_name("do_page_fault") != 0, 1);
}

/*
 * int3 goes through the full exception path (stub, error_code, C
 * handler, restore_all, iret). Every general register must come back.
 */
KTEST(traps, int3_returns_with_registers_intact)
{
	unsigned long before = int3_count;
	u32 out[6];

	__asm__ __volatile__(
		"pushl %%ebp\n\t"
		"movl $0x11111111, %%eax\n\t"
		"movl $0x22222222, %%ebx\n\t"
		"movl $0x33333333, %%ecx\n\t"
		"movl $0x44444444, %%edx\n\t"
		"movl $0x55555555, %%esi\n\t"
		"movl $0x66666666, %%ebp\n\t"
		"int3\n\t"
		"movl %%eax, 0(%%edi)\n\t"
		"movl %%ebx, 4(%%edi)\n\t"
		"movl %%ecx, 8(%%edi)\n\t"
		"movl %%edx, 12(%%edi)\n\t"
		"movl %%esi, 16(%%edi)\n\t"
		"movl %%ebp, 20(%%edi)\n\t"
		"popl %%ebp"
		: : "D"(out) : "eax", "ebx", "ecx", "edx", "esi", "memory");
	KT_EXPECT_EQ(int3_count, before + 1);
	KT_EXPECT_EQ(out[0], 0x11111111);
	KT_EXPECT_EQ(out[1], 0x22222222);
	KT_EXPECT_EQ(out[2], 0x33333333);
	KT_EXPECT_EQ(out[3], 0x44444444);
	KT_EXPECT_EQ(out[4], 0x55555555);
	KT_EXPECT_EQ(out[5], 0x66666666);
}

KTEST(traps, page_fault_error_decoding)
{
	char buf[96];

	decode_pf_error(X86_PF_WRITE, buf, sizeof(buf));
	KT_EXPECT_STREQ(buf, "not-present page, write, kernel mode");
	decode_pf_error(X86_PF_PROT | X86_PF_USER, buf, sizeof(buf));
	KT_EXPECT_STREQ(buf, "protection violation, read, user mode");
	decode_pf_error(X86_PF_INSTR | X86_PF_RSVD, buf, sizeof(buf));
	KT_EXPECT_STREQ(buf, "not-present page, instruction fetch, "
			"kernel mode, reserved bit set");
}

KTEST(irq, unexpected_vector_is_counted)
{
	unsigned long before = unexpected_vector_count;

	__asm__ __volatile__("int $0x90");
	__asm__ __volatile__("int $0xff");
	KT_EXPECT_EQ(unexpected_vector_count, before + 2);
}

/*
 * A software int on IRQ 7's vector looks to the PIC like a spurious
 * IRQ 7: its in-service bit is clear. It must be counted as spurious,
 * not dispatched and not acknowledged (or real IRQs would be lost).
 */
KTEST(irq, spurious_irq7_and_irq15)
{
	unsigned long s7 = spurious_irq_count[7], s15 = spurious_irq_count[15];
	unsigned long ticks = jiffies;

	__asm__ __volatile__("int $0x27");
	__asm__ __volatile__("int $0x2f");
	KT_EXPECT_EQ(spurious_irq_count[7], s7 + 1);
	KT_EXPECT_EQ(spurious_irq_count[15], s15 + 1);
	/* The timer still ticks afterwards: no interrupt was lost. */
	for (int i = 0; i < 1000 && jiffies == ticks; i++)
		__asm__ __volatile__("hlt");
	KT_EXPECT(jiffies != ticks);
}

static void dummy_handler(unsigned irq, struct pt_regs *regs)
{
}

KTEST(irq, request_irq_checks)
{
	KT_EXPECT_EQ(request_irq(IRQ_TIMER, dummy_handler, "dup"), -EBUSY);
	KT_EXPECT_EQ(request_irq(NR_IRQS, dummy_handler, "big"), -EINVAL);
	KT_EXPECT_EQ(request_irq(5, NULL, "null"), -EINVAL);
}

KTEST(timer, jiffies_advance)
{
	unsigned long start = jiffies, irqs = irq_count[IRQ_TIMER];

	/* Interrupts are on; each hlt ends at the next interrupt. */
	for (int i = 0; i < 1000 && jiffies < start + 3; i++)
		__asm__ __volatile__("hlt");
	KT_EXPECT(jiffies >= start + 3);
	KT_EXPECT(irq_count[IRQ_TIMER] >= irqs + 3);
}
