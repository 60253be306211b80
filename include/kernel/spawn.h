/* Starting user programs from the kernel (kernel/spawn.c). */
#ifndef _KERNEL_SPAWN_H
#define _KERNEL_SPAWN_H

#include <kernel/sched.h>

/*
 * Create a task running the program at path with the given argv (envp is
 * Linux's init environment), as a child of the current task. Returns the
 * new task, runnable, or NULL with *err set.
 */
struct task_struct *spawn_user(const char *path, const char *const argv[],
			       int *err);
/*
 * Sleep until child t has exited; return its wait status and free it.
 * If reason is given, copy the reason it was killed (or "").
 */
int reap_child(struct task_struct *t, char *reason, size_t size);

/*
 * Reap the caller's zombie children (orphans it adopted), waiting up to
 * timeout ticks for the living ones to exit. Returns how many it reaped.
 */
int reap_orphans(unsigned long timeout);

/* The user-program test suite: programs in /tests of the initramfs. */
int user_tests_count(void);
/* Run them, numbering TAP results from first; returns failures. */
int user_tests_run(int first);

#endif
