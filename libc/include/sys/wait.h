/*
 * sys/wait.h: waiting for child processes. The option bits (WNOHANG,
 * WUNTRACED, __WALL, ...) are the kernel's <linux/wait.h>; the status
 * macros decode the word wait4 stores, as Linux and glibc encode it:
 *
 *	exited		(code & 0xff) << 8	low 7 bits 0
 *	killed		signal | 0x80 if a core was dumped
 *	stopped		signal << 8 | 0x7f
 *	continued	0xffff
 */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include <linux/wait.h>

#define WEXITSTATUS(s)	(((s) & 0xff00) >> 8)
#define WTERMSIG(s)	((s) & 0x7f)
#define WSTOPSIG(s)	WEXITSTATUS(s)
#define WCOREDUMP(s)	((s) & 0x80)
#define WIFEXITED(s)	(WTERMSIG(s) == 0)
/* Neither exited (0) nor stopped (0x7f): 1..0x7e. */
#define WIFSIGNALED(s)	(((signed char)(((s) & 0x7f) + 1) >> 1) > 0)
#define WIFSTOPPED(s)	(((s) & 0xff) == 0x7f)
#define WIFCONTINUED(s)	((s) == 0xffff)

#define W_EXITCODE(ret, sig)	((ret) << 8 | (sig))
#define W_STOPCODE(sig)		((sig) << 8 | 0x7f)

struct rusage;

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);

#endif
