/*
 * The IDT: all 256 gates. Vectors 0-31 are the CPU's exceptions, each
 * with a named entry stub in entry.S; 0x20-0x2f are the remapped 8259
 * IRQs; every other vector goes to a stub that do_IRQ() reports as
 * unexpected. The system-call gate (0x80) is installed by the syscall
 * code, which will overwrite that vector's "unexpected" gate.
 */
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/traps.h>
#include <kernel/printk.h>

static struct gate_struct idt_table[256] __aligned(8);

/* The stubs entry.S generates for vectors FIRST_EXTERNAL_VECTOR..255. */
extern const u32 interrupt_stubs[256 - FIRST_EXTERNAL_VECTOR];

void set_idt_gate(unsigned vector, void *handler, u8 type_attr)
{
	struct gate_struct *g = &idt_table[vector];

	g->offset_low = (u32)handler & 0xffff;
	g->offset_high = (u32)handler >> 16;
	g->segment = __KERNEL_CS;
	g->reserved = 0;
	g->type_attr = type_attr;
}

void set_task_gate(unsigned vector, u16 tss_selector)
{
	struct gate_struct *g = &idt_table[vector];

	g->offset_low = g->offset_high = 0;
	g->segment = tss_selector;
	g->reserved = 0;
	g->type_attr = GATE_TASK;
}

/* For tests: a copy of one gate. */
void get_idt_gate(unsigned vector, struct gate_struct *out)
{
	*out = idt_table[vector];
}

/*
 * Linux's choices: the page fault is an interrupt gate (CR2 must be read
 * before anything else can fault); NMI and debug too. int3 and into are
 * reachable from ring 3 (DPL 3), like Linux's set_system_intr_gate.
 */
static void set_exception_gates(void)
{
	set_idt_gate(0, divide_error, GATE_TRAP);
	set_idt_gate(1, debug, GATE_INTERRUPT);
	set_idt_gate(2, nmi, GATE_INTERRUPT);
	set_idt_gate(3, int3, GATE_INTERRUPT | GATE_DPL3);
	set_idt_gate(4, overflow, GATE_TRAP | GATE_DPL3);
	set_idt_gate(5, bounds, GATE_TRAP);
	set_idt_gate(6, invalid_op, GATE_TRAP);
	set_idt_gate(7, device_not_available, GATE_TRAP);
	set_task_gate(8, __DOUBLEFAULT_TSS_SEL);
	set_idt_gate(9, coprocessor_segment_overrun, GATE_TRAP);
	set_idt_gate(10, invalid_TSS, GATE_TRAP);
	set_idt_gate(11, segment_not_present, GATE_TRAP);
	set_idt_gate(12, stack_segment, GATE_TRAP);
	set_idt_gate(13, general_protection, GATE_TRAP);
	set_idt_gate(14, page_fault, GATE_INTERRUPT);
	set_idt_gate(15, spurious_interrupt_bug, GATE_TRAP);
	set_idt_gate(16, coprocessor_error, GATE_TRAP);
	set_idt_gate(17, alignment_check, GATE_TRAP);
	set_idt_gate(18, machine_check, GATE_INTERRUPT);
	set_idt_gate(19, simd_coprocessor_error, GATE_TRAP);
	set_idt_gate(20, virtualization_exception, GATE_TRAP);
	set_idt_gate(21, control_protection, GATE_TRAP);
	for (unsigned v = 22; v < 28; v++)
		set_idt_gate(v, reserved_exception, GATE_TRAP);
	set_idt_gate(28, hypervisor_injection, GATE_TRAP);
	set_idt_gate(29, vmm_communication, GATE_TRAP);
	set_idt_gate(30, security_exception, GATE_TRAP);
	set_idt_gate(31, reserved_exception, GATE_TRAP);
}

void trap_init(void)
{
	struct desc_ptr idtr = { sizeof(idt_table) - 1, (u32)idt_table };

	set_exception_gates();
	/* IRQs and the rest: interrupt gates, so handlers start with IF=0. */
	for (unsigned v = FIRST_EXTERNAL_VECTOR; v < 256; v++)
		set_idt_gate(v, (void *)interrupt_stubs[v - FIRST_EXTERNAL_VECTOR],
			     GATE_INTERRUPT);
	__asm__ __volatile__("lidt %0" : : "m"(idtr));
	pr_info("idt: 256 gates, exceptions 0-31, IRQs at 0x%x\n",
		FIRST_EXTERNAL_VECTOR);
}
