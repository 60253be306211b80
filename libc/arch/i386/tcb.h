/*
 * tcb.h: the i386 thread control block, the memory %gs points at.
 *
 * The first 0x1c bytes are glibc's i386 tcbhead_t and are ABI: compilers
 * and users' asm read them through %gs (GCC's stack protector reads
 * %gs:0x14; system calls go through `call *%gs:0x10`). Do not move them.
 * The fields after pointer_guard are this libc's own. Every thread has
 * its own TCB; a pthread_t is its address (as glibc's is).
 *
 * Static TLS (PT_TLS: __thread variables) sits just below the TCB
 * (TLS variant II), so the linker's negative %gs offsets reach it.
 */
#ifndef _LIBC_TCB_H
#define _LIBC_TCB_H

#include <stddef.h>
#include <stdint.h>

/* Offsets used by asm strings; asserted against the struct below. */
#define TCB_SELF	0x08
#define TCB_SYSINFO	0x10
#define TCB_STACK_GUARD	0x14
#define __TCB_STR(x)	__TCB_STR2(x)
#define __TCB_STR2(x)	#x

struct tcb {
	struct tcb *tcb;	/* 0x00 self: %gs:0 is the TCB's address */
	void *dtv;		/* 0x04 dynamic TLS vector (none: static only) */
	struct tcb *self;	/* 0x08 self again (glibc's `self`) */
	int multiple_threads;	/* 0x0c 1 once pthread_create made a thread */
	uintptr_t sysinfo;	/* 0x10 system-call entry: AT_SYSINFO or int80 stub */
	uintptr_t stack_guard;	/* 0x14 -fstack-protector canary */
	uintptr_t pointer_guard; /* 0x18 */
	/* private to this libc */
	int errno_val;		/* errno: (*__errno_location()) */
	/* Threads (pthread_create; all 0 in the main thread). */
	volatile int tid;	/* CLONE_PARENT_SETTID writes the thread's id here,
				 * CLONE_CHILD_CLEARTID zeroes it (and futex-wakes)
				 * once the thread is gone: pthread_join waits on it */
	void *(*start)(void *);	/* the thread's function and its argument */
	void *arg;
	void *result;		/* its return or pthread_exit value */
	void *map_base;		/* its mapping: guard page, stack, TLS, TCB */
	size_t map_size;
};

_Static_assert(offsetof(struct tcb, tcb) == 0x00, "tcb at 0");
_Static_assert(offsetof(struct tcb, dtv) == 0x04, "dtv at 4");
_Static_assert(offsetof(struct tcb, self) == TCB_SELF, "self at 8");
_Static_assert(offsetof(struct tcb, multiple_threads) == 0x0c,
	       "multiple_threads at 0xc");
_Static_assert(offsetof(struct tcb, sysinfo) == TCB_SYSINFO, "sysinfo at 0x10");
_Static_assert(offsetof(struct tcb, stack_guard) == TCB_STACK_GUARD,
	       "stack_guard at 0x14 (GCC's i386 stack protector reads it)");
_Static_assert(offsetof(struct tcb, pointer_guard) == 0x18, "pointer_guard at 0x18");

/* The TCB alignment, as glibc's i386 TCB_ALIGNMENT. */
#define TCB_ALIGN	64

/* The calling thread's TCB, read from its self pointer at %gs:8. */
static inline struct tcb *
__tcb(void)
{
	struct tcb *t;

	__asm__("movl %%gs:" __TCB_STR(TCB_SELF) ", %0" : "=r"(t));
	return t;
}

#endif
