/*
 * syscall.h (internal): what every system-call wrapper needs: SYS_*
 * numbers, the arch's __syscall0..6, and __syscall_ret.
 */
#ifndef _LIBC_INTERNAL_SYSCALL_H
#define _LIBC_INTERNAL_SYSCALL_H

#include <sys/syscall.h>
#include "syscall_arch.h"
#include "libc.h"

/* A raw result in -4095..-1 becomes errno and -1; anything else passes. */
hidden long __syscall_ret(unsigned long r);

#endif
