/* Ending tasks (kernel/exit.c). */
#ifndef _KERNEL_EXIT_H
#define _KERNEL_EXIT_H

#include <kernel/compiler.h>

/* Wait-status encodings, as Linux's (see WIFEXITED and friends). */
#define W_EXITCODE(ret, sig)	((ret) << 8 | (sig))
#define W_STOPCODE(sig)		((sig) << 8 | 0x7f)

/*
 * End the current task with wait status `status`: release its memory,
 * files and signal state, become a zombie (or go at once if the parent
 * ignores SIGCHLD), tell the parent when the whole thread group has
 * ended (SIGCHLD), and switch away for good.
 */
__noreturn void do_exit(int status);

/* End every thread of current's group with wait status `status`. */
__noreturn void do_group_exit(int status);

struct task_struct;
struct rusage;

/* A vfork parent waiting for t may go on (t exec'd or is exiting). */
void mm_release(struct task_struct *t);
/* Free a zombie that has been waited for. */
void release_task(struct task_struct *t);
/* wait4's work: the pid reaped, 0 (WNOHANG, none ready) or -errno. */
long kernel_wait4(int pid, int *stat_addr, int options, struct rusage *ru);
/* execve's de_thread: the caller becomes the group's only thread. */
void de_thread(void);
/* On the way back to user space: end this thread if its group exits. */
void exit_if_group_exiting(void);

#endif
