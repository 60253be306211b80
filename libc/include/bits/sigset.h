/*
 * bits/sigset.h: the signal set, shared by <signal.h> (sigset_t) and
 * <setjmp.h> (sigjmp_buf keeps one).
 *
 * 128 bytes, as glibc's and musl's, for room; Linux's i386 kernel reads
 * and writes only the first 8 (_NSIG / 8: signals 1..64, signal n is bit
 * n - 1 of word (n - 1) / 32), which is the size every rt_sig* call is
 * given. The rest is only ever zero (sigemptyset, sigfillset).
 */
#ifndef _BITS_SIGSET_H
#define _BITS_SIGSET_H

typedef struct {
	unsigned long __val[128 / sizeof(unsigned long)];
} __sigset_t;

#endif
