/*
 * signal.h: only the signal numbers so far, generated into bits/signum.h
 * from <asm/signal.h> (whose sigset_t and struct sigaction are the old,
 * pre-rt ABI and are deliberately not exposed). No kill() yet.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <bits/signum.h>

typedef int sig_atomic_t;

#endif
