/* Fatal kernel errors. */
#ifndef _KERNEL_PANIC_H
#define _KERNEL_PANIC_H

#include <kernel/compiler.h>

struct pt_regs;

/*
 * Print the message, the registers and a symbolized backtrace, then stop:
 * halt for good, or, when a test run is under way, leave the emulator
 * with the failure code.
 */
__noreturn void panic(const char *fmt, ...) __printf(1, 2);

/* panic() for a trap: prints the trapped context `regs` as well. */
__noreturn void die(const struct pt_regs *regs, const char *fmt, ...)
	__printf(2, 3);

/* Print a backtrace: pc first (if not 0), then the frames from ebp up. */
void dump_stack_from(unsigned long pc, unsigned long ebp);
void show_regs(const struct pt_regs *regs);

#define BUG() panic("BUG at %s:%d", __FILE__, __LINE__)
#define BUG_ON(cond) do { if (unlikely(cond)) BUG(); } while (0)

#endif
