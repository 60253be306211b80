/*
 * ucontext.h: ucontext_t and mcontext_t (<sys/ucontext.h>). There is no
 * getcontext/setcontext/makecontext/swapcontext (obsolete in POSIX).
 */
#ifndef _UCONTEXT_H
#define _UCONTEXT_H

#include <sys/ucontext.h>

#endif
