/*
 * sched.h: scheduler interfaces and clone(). CLONE_*, CSIGNAL and the
 * SCHED_* policies are the kernel's <linux/sched.h>.
 */
#ifndef _SCHED_H
#define _SCHED_H

#include <sys/types.h>
#include <linux/sched.h>

int sched_yield(void);

/*
 * glibc's clone wrapper: run fn(arg) in a new task on `stack` (its
 * highest address: stacks grow down); the optional arguments ptid, tls
 * (a struct user_desc * on i386) and ctid go with CLONE_PARENT_SETTID,
 * CLONE_SETTLS and CLONE_CHILD_SETTID/CLEARTID. The child exits with
 * fn's result. Returns the child's id, or -1 and errno.
 */
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);

#endif
