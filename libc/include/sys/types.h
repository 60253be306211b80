/* sys/types.h: the POSIX types, from the kernel's i386 types where they match. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <asm/posix_types.h>

typedef __kernel_ssize_t	ssize_t;
typedef __kernel_pid_t		pid_t;
typedef __kernel_uid32_t	uid_t;
typedef __kernel_gid32_t	gid_t;
typedef __kernel_off_t		off_t;
typedef __kernel_loff_t		off64_t;
typedef __kernel_old_time_t	time_t;
typedef __kernel_suseconds_t	suseconds_t;
typedef __kernel_clockid_t	clockid_t;
/* glibc's mode_t is 32 bits; the kernel's i386 __kernel_mode_t is 16. */
typedef unsigned int		mode_t;
typedef unsigned int		useconds_t;
/* A thread's TCB address (<pthread.h>); here too for <signal.h>'s
 * pthread_kill and pthread_sigmask. */
typedef unsigned long		pthread_t;

#endif
