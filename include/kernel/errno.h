/*
 * Error numbers: Linux's, from Debian's UAPI headers (asm-generic/errno.h
 * includes errno-base.h). Kernel functions return -E...; the system-call
 * return path hands that straight to user space, as Linux does.
 *
 * Restart codes (never seen by user space) are the kernel's own, with
 * Linux's values (include/linux/errno.h).
 */
#ifndef _KERNEL_ERRNO_H
#define _KERNEL_ERRNO_H

#include <asm-generic/errno.h>

#define ERESTARTSYS		512	/* restart if SA_RESTART, else EINTR */
#define ERESTARTNOINTR		513	/* always restart */
#define ERESTARTNOHAND		514	/* restart if no handler ran */
#define ERESTART_RESTARTBLOCK	516	/* go on through restart_syscall */

#endif
