/* Creating tasks: the one do_fork behind fork, vfork, clone and clone3. */
#ifndef _KERNEL_FORK_H
#define _KERNEL_FORK_H

#include <kernel/types.h>

/* What every flavour of fork boils down to (Linux's kernel_clone_args). */
struct kernel_clone_args {
	u64 flags;			/* CLONE_*, without CSIGNAL */
	int exit_signal;		/* sent to the parent at exit */
	unsigned long stack;		/* new user esp, or 0 to keep it */
	unsigned long parent_tid;	/* CLONE_PARENT_SETTID target */
	unsigned long child_tid;	/* CLONE_CHILD_SETTID/CLEARTID target */
	unsigned long tls;		/* CLONE_SETTLS: a struct user_desc * */
};

/* Returns the child's pid (to the parent) or -errno. */
long do_fork(const struct kernel_clone_args *args);

#endif
