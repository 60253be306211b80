/*
 * panic() and die(): report, then stop. The report is the message, the
 * registers (the trapped ones for die()), and a backtrace that follows
 * the saved frame pointers (the kernel is built with them) and names
 * each return address from the kernel's symbol table.
 */
#include <asm/page.h>
#include <asm/power.h>
#include <asm/ptrace.h>
#include <kernel/kallsyms.h>
#include <kernel/ktest.h>
#include <kernel/panic.h>
#include <kernel/printk.h>

#define BACKTRACE_MAX_FRAMES 32

static bool in_panic;

static void print_symbol(const char *prefix, unsigned long addr)
{
	uintptr_t off;
	const char *name = kallsyms_lookup(addr, &off);

	if (name)
		printk(KERN_EMERG "%s[<%08lx>] %s+0x%lx\n", prefix, addr, name,
		       (unsigned long)off);
	else
		printk(KERN_EMERG "%s[<%08lx>] ?\n", prefix, addr);
}

/* A frame pointer is worth following only if it lies in kernel memory. */
static bool plausible_frame(unsigned long ebp)
{
	return ebp >= PAGE_OFFSET && ebp < (unsigned long)_end &&
	       !(ebp & 3);
}

void dump_stack_from(unsigned long pc, unsigned long ebp)
{
	printk(KERN_EMERG "Call Trace:\n");
	if (pc)
		print_symbol(" ", pc);
	for (int i = 0; i < BACKTRACE_MAX_FRAMES && plausible_frame(ebp);
	     i++) {
		unsigned long *frame = (unsigned long *)ebp;

		/* frame[0] = caller's ebp, frame[1] = return address */
		print_symbol(" ", frame[1]);
		if (frame[0] <= ebp)
			break;	/* stacks grow down: callers sit higher */
		ebp = frame[0];
	}
}

void show_regs(const struct pt_regs *regs)
{
	unsigned long cr0, cr2, cr3, cr4 = 0;

	__asm__ __volatile__("mov %%cr0, %0; mov %%cr2, %1; mov %%cr3, %2"
			     : "=r"(cr0), "=r"(cr2), "=r"(cr3));
	if (cr0 & 0x80000000)	/* CR4 exists on every CPU that pages here */
		__asm__ __volatile__("mov %%cr4, %0" : "=r"(cr4));
	print_symbol("EIP: ", regs->eip);
	printk(KERN_EMERG "EIP: %04lx:%08lx EFLAGS: %08lx\n",
	       regs->cs & 0xffff, regs->eip, regs->eflags);
	printk(KERN_EMERG "EAX: %08lx EBX: %08lx ECX: %08lx EDX: %08lx\n",
	       regs->eax, regs->ebx, regs->ecx, regs->edx);
	printk(KERN_EMERG "ESI: %08lx EDI: %08lx EBP: %08lx ESP: %08lx\n",
	       regs->esi, regs->edi, regs->ebp,
	       user_mode(regs) ? regs->esp :
	       (unsigned long)&regs->esp);
	printk(KERN_EMERG "DS: %04lx ES: %04lx FS: %04lx GS: %04lx SS: %04lx"
	       " orig_eax: %08lx\n", regs->ds & 0xffff, regs->es & 0xffff,
	       regs->fs & 0xffff, regs->gs & 0xffff,
	       user_mode(regs) ? regs->ss & 0xffff : 0x68, regs->orig_eax);
	printk(KERN_EMERG "CR0: %08lx CR2: %08lx CR3: %08lx CR4: %08lx\n",
	       cr0, cr2, cr3, cr4);
}

/*
 * Capture the caller's registers into a pt_regs, for panic(). The
 * general registers are stored first, before C code can change them.
 */
static __noinline void capture_regs(struct pt_regs *r)
{
	__asm__ __volatile__(
		"movl %%ebx, %0\n\t"
		"movl %%ecx, %1\n\t"
		"movl %%edx, %2\n\t"
		"movl %%esi, %3\n\t"
		"movl %%edi, %4\n\t"
		"movl %%eax, %5\n\t"
		"pushfl\n\t"
		"popl %6"
		: "=m"(r->ebx), "=m"(r->ecx), "=m"(r->edx), "=m"(r->esi),
		  "=m"(r->edi), "=m"(r->eax), "=m"(r->eflags));
	/* Our caller's frame: its ebp, and where it will return to. */
	r->ebp = ((unsigned long *)__builtin_frame_address(0))[0];
	r->eip = (unsigned long)__builtin_return_address(0);
	__asm__ __volatile__("movl %%ds, %0; movl %%es, %1; movl %%fs, %2;"
			     "movl %%gs, %3; movl %%cs, %4"
			     : "=r"(r->ds), "=r"(r->es), "=r"(r->fs),
			       "=r"(r->gs), "=r"(r->cs));
	r->orig_eax = -1;
	r->esp = r->ss = 0;
}

/* Halt for good, or end the test run with the failure code. */
static __noreturn void stop_after_panic(void)
{
	if (ktest_running())
		machine_exit(TEST_EXIT_FAIL);
	machine_halt();
}

static __noreturn void panic_finish(unsigned long pc, unsigned long ebp)
{
	dump_stack_from(pc, ebp);
	printk(KERN_EMERG "---[ end Kernel panic ]---\n");
	stop_after_panic();
}

__noreturn void panic(const char *fmt, ...)
{
	struct pt_regs regs;
	char msg[256];
	va_list ap;

	__asm__ __volatile__("cli");
	if (in_panic)
		stop_after_panic();
	in_panic = true;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", msg);
	capture_regs(&regs);
	show_regs(&regs);
	panic_finish(0, (unsigned long)__builtin_frame_address(0));
}

__noreturn void die(const struct pt_regs *regs, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	__asm__ __volatile__("cli");
	if (in_panic)
		stop_after_panic();
	in_panic = true;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", msg);
	show_regs(regs);
	/* Walk from the trapped frame, not from die()'s own. */
	panic_finish(regs->eip, regs->ebp);
}
