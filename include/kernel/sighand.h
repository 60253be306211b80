/*
 * Signal handler tables: what each of the 64 signals does for a thread
 * group. Shared and reference counted (CLONE_SIGHAND), copied by fork,
 * reset by execve, as Linux's struct sighand_struct. The handlers are
 * set and read here (rt_sigaction, sigaction) and used by kernel/signal.c
 * and arch/i386/signal.c.
 */
#ifndef _KERNEL_SIGHAND_H
#define _KERNEL_SIGHAND_H

#include <kernel/signal.h>
#include <kernel/types.h>

/*
 * rt_sigaction's structure on i386 (arch/x86/include/asm/signal.h, the
 * kernel's view): handler, flags, restorer, then a 64-bit mask.
 */
struct k_sigaction {
	u32 handler;
	u32 flags;
	u32 restorer;
	u64 mask;
} __attribute__((packed));

/* sigaction(2)'s older structure: a 32-bit mask, in a different place. */
struct old_sigaction {
	u32 handler;
	u32 mask;
	u32 flags;
	u32 restorer;
};

struct sighand_struct {
	int count;
	struct k_sigaction action[KERNEL_NSIG];	/* action[sig - 1] */
};

/* A table with every signal at SIG_DFL, or NULL. */
struct sighand_struct *alloc_sighand(void);
/* A private copy (fork without CLONE_SIGHAND), or NULL. */
struct sighand_struct *copy_sighand(const struct sighand_struct *sh);
void put_sighand(struct sighand_struct *sh);
/* Caught signals back to SIG_DFL; ignored ones stay ignored (exec). */
void flush_signal_handlers(struct sighand_struct *sh);

#endif
