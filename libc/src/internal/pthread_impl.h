/*
 * pthread_impl.h (internal): futex calls, the static TLS image new
 * threads copy, and the thread bookkeeping shared by pthread_create,
 * pthread_exit, pthread_join and fork.
 *
 * A thread is one anonymous mapping, lowest address first:
 *
 *	map_base	guard page (PROT_NONE): a stack overflow faults
 *			stack, growing down from just below the TLS block
 *			TLS block: copy of PT_TLS (.tdata, then .tbss zeroed)
 *	tp		struct tcb (%gs base): a pthread_t is its address
 */
#ifndef _LIBC_INTERNAL_PTHREAD_IMPL_H
#define _LIBC_INTERNAL_PTHREAD_IMPL_H

#include <pthread.h>
#include <linux/futex.h>
#include "libc.h"
#include "lock.h"
#include "syscall.h"
#include "tcb.h"

/* A thread's stack unless its attributes say otherwise (musl's size). */
#define PTHREAD_STACK_DEFAULT	(128 * 1024)

/* The program's PT_TLS image, recorded by __init_tls for new threads. */
struct tls_image {
	const void *image;	/* .tdata initial contents */
	size_t filesz;		/* bytes of it to copy; the rest is .tbss */
	size_t size;		/* the block below the TCB: p_memsz rounded up to its alignment */
	size_t align;		/* the TCB's alignment: TCB_ALIGN or p_align if larger */
};
extern hidden struct tls_image __tls_image;

/* Threads alive, the main thread included; the last one to pthread_exit
 * ends the process with exit(0). */
extern hidden volatile int __pthread_count;

/* Sleep while *addr == val (or until woken; also returns at once if the
 * value differs). Private: only this process's threads wake it. */
static inline void
__futex_wait(volatile int *addr, int val)
{
	__syscall4(SYS_futex, (long)addr, FUTEX_WAIT_PRIVATE, val, 0);
}

/* Wake up to n threads sleeping in __futex_wait on addr. */
static inline void
__futex_wake(volatile int *addr, int n)
{
	__syscall3(SYS_futex, (long)addr, FUTEX_WAKE_PRIVATE, n);
}

#endif
