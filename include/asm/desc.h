/* Descriptor tables: the GDT with its TSS (gdt.c) and the IDT (idt.c). */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#include <asm/segment.h>
#include <kernel/compiler.h>
#include <kernel/types.h>

/* One 8-byte segment descriptor. */
struct desc_struct {
	u16 limit0;
	u16 base0;
	u8 base1;
	u8 access;		/* P, DPL, S, type */
	u8 limit1_flags;	/* G, D/B, L, AVL, limit 19:16 */
	u8 base2;
} __packed;

/* One 8-byte interrupt/trap/task gate. */
struct gate_struct {
	u16 offset_low;
	u16 segment;
	u8 reserved;
	u8 type_attr;		/* P, DPL, 0, type */
	u16 offset_high;
} __packed;

struct desc_ptr {
	u16 size;
	u32 address;
} __packed;

/* The 32-bit task-state segment (Intel SDM vol. 3, 7.2.1). */
struct tss_struct {
	u16 back_link, __blh;
	u32 esp0;
	u16 ss0, __ss0h;
	u32 esp1;
	u16 ss1, __ss1h;
	u32 esp2;
	u16 ss2, __ss2h;
	u32 cr3, eip, eflags;
	u32 eax, ecx, edx, ebx, esp, ebp, esi, edi;
	u16 es, __esh, cs, __csh, ss, __ssh, ds, __dsh, fs, __fsh, gs, __gsh;
	u16 ldt, __ldth;
	u16 trace, io_bitmap_base;
} __packed;

/*
 * The TSS and, right after it, the stack sysenter arrives on: the MSR
 * SYSENTER_ESP points at the end of this structure, and sysenter_entry's
 * first instruction moves to the task's kernel stack (tss.esp0, reached
 * at a fixed negative offset). Only traps taken before that instruction
 * completes (a user single-stepping into sysenter) run on entry_stack.
 */
struct cpu_entry_area {
	struct tss_struct tss;
	unsigned long entry_stack[1024];
};

extern struct desc_struct gdt[GDT_ENTRIES];
extern struct cpu_entry_area cpu_entry;

/* Gate types (with P=1). */
#define GATE_INTERRUPT	0x8E	/* clears IF on entry */
#define GATE_TRAP	0x8F	/* leaves IF alone */
#define GATE_TASK	0x85
#define GATE_DPL3	0x60

void gdt_init(void);
/* The kernel stack the CPU switches to on entry from ring 3. */
void tss_set_esp0(unsigned long esp0);

/* Fill the IDT: exceptions, IRQs, and the rest as "unexpected". */
void trap_init(void);
void set_idt_gate(unsigned vector, void *handler, u8 type_attr);
void set_task_gate(unsigned vector, u16 tss_selector);

#endif
