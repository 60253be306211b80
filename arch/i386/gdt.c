/*
 * The GDT, in Linux's i386 layout (include/asm/segment.h), and the TSS.
 *
 * The TSS supplies esp0/ss0, the kernel stack the CPU switches to when an
 * interrupt or exception arrives in ring 3. A second TSS serves the
 * double-fault task gate: a double fault (for example a kernel stack
 * overflow) switches to a fresh stack and a clean state, so the kernel
 * can still report it.
 */
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>

struct desc_struct gdt[GDT_ENTRIES] __aligned(8);
struct cpu_entry_area cpu_entry __aligned(128);
static struct tss_struct doublefault_tss __aligned(128);
static u8 doublefault_stack[4096] __aligned(16);

extern char boot_stack_top[];

/* access: P DPL S type; flags: G=4K granularity, D=32-bit. */
#define ACCESS_KERNEL_CODE	0x9A	/* present, ring 0, code, read */
#define ACCESS_KERNEL_DATA	0x92	/* present, ring 0, data, write */
#define ACCESS_USER_CODE	0xFA	/* present, ring 3, code, read */
#define ACCESS_USER_DATA	0xF2	/* present, ring 3, data, write */
#define ACCESS_TSS		0x89	/* present, ring 0, 32-bit TSS, available */
#define FLAGS_4K_32BIT		0xC
#define FLAGS_BYTE		0x0

static void set_desc(unsigned entry, u32 base, u32 limit, u8 access, u8 flags)
{
	struct desc_struct *d = &gdt[entry];

	d->limit0 = limit & 0xffff;
	d->base0 = base & 0xffff;
	d->base1 = (base >> 16) & 0xff;
	d->access = access;
	d->limit1_flags = ((limit >> 16) & 0x0f) | (flags << 4);
	d->base2 = base >> 24;
}

void tss_set_esp0(unsigned long esp0)
{
	cpu_entry.tss.esp0 = esp0;
}

/*
 * The double-fault task. The CPU switched here through the task gate and
 * saved the faulting context in cpu_entry.tss: report that, then panic.
 */
static __noreturn void doublefault_fn(void)
{
	struct pt_regs regs = {
		.eax = cpu_entry.tss.eax, .ebx = cpu_entry.tss.ebx, .ecx = cpu_entry.tss.ecx,
		.edx = cpu_entry.tss.edx, .esi = cpu_entry.tss.esi, .edi = cpu_entry.tss.edi,
		.ebp = cpu_entry.tss.ebp, .ds = cpu_entry.tss.ds, .es = cpu_entry.tss.es,
		.fs = cpu_entry.tss.fs, .gs = cpu_entry.tss.gs, .orig_eax = -1,
		.eip = cpu_entry.tss.eip, .cs = cpu_entry.tss.cs,
		.eflags = cpu_entry.tss.eflags, .esp = cpu_entry.tss.esp,
		.ss = cpu_entry.tss.ss,
	};

	die(&regs, "double fault (kernel stack overflow?), esp=%08x",
	    cpu_entry.tss.esp);
}

static void doublefault_tss_init(void)
{
	struct tss_struct *t = &doublefault_tss;

	t->esp0 = t->esp = (u32)(doublefault_stack + sizeof(doublefault_stack));
	t->ss0 = t->ss = __KERNEL_DS;
	t->ds = t->es = __KERNEL_DS;
	t->cs = __KERNEL_CS;
	t->eip = (u32)doublefault_fn;
	t->eflags = 0x2;		/* reserved bit 1; IF clear */
	t->cr3 = __pa(swapper_pg_dir);
	t->io_bitmap_base = sizeof(*t);
}

void gdt_init(void)
{
	struct desc_ptr gdtr = { sizeof(gdt) - 1, (u32)gdt };

	set_desc(GDT_ENTRY_KERNEL_CS, 0, 0xfffff, ACCESS_KERNEL_CODE,
		 FLAGS_4K_32BIT);
	set_desc(GDT_ENTRY_KERNEL_DS, 0, 0xfffff, ACCESS_KERNEL_DATA,
		 FLAGS_4K_32BIT);
	set_desc(GDT_ENTRY_DEFAULT_USER_CS, 0, 0xfffff, ACCESS_USER_CODE,
		 FLAGS_4K_32BIT);
	set_desc(GDT_ENTRY_DEFAULT_USER_DS, 0, 0xfffff, ACCESS_USER_DATA,
		 FLAGS_4K_32BIT);

	cpu_entry.tss.ss0 = __KERNEL_DS;
	cpu_entry.tss.esp0 = (u32)boot_stack_top;
	/* An I/O bitmap offset past the limit: no user port access. */
	cpu_entry.tss.io_bitmap_base = sizeof(cpu_entry.tss);
	set_desc(GDT_ENTRY_TSS, (u32)&cpu_entry.tss, sizeof(cpu_entry.tss) - 1,
		 ACCESS_TSS, FLAGS_BYTE);

	doublefault_tss_init();
	set_desc(GDT_ENTRY_DOUBLEFAULT_TSS, (u32)&doublefault_tss,
		 sizeof(doublefault_tss) - 1, ACCESS_TSS, FLAGS_BYTE);

	/* Load it, reload every segment register, then the task register. */
	__asm__ __volatile__(
		"lgdt %0\n\t"
		"ljmp %1, $1f\n"
		"1:\tmovl %2, %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		"movl %%eax, %%ss\n\t"
		"xorl %%eax, %%eax\n\t"
		"movl %%eax, %%fs\n\t"
		"movl %%eax, %%gs\n\t"
		"ltr %w3"
		: : "m"(gdtr), "i"(__KERNEL_CS), "i"(__KERNEL_DS),
		    "r"(__TSS_SEL)
		: "eax", "memory");
	pr_info("gdt: kernel cs/ds 0x%x/0x%x, user cs/ds 0x%x/0x%x, tss 0x%x\n",
		__KERNEL_CS, __KERNEL_DS, __USER_CS, __USER_DS, __TSS_SEL);
}
