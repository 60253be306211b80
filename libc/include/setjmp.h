/*
 * setjmp.h: non-local jumps, glibc's i386 jmp_buf:
 *
 *	__jmpbuf[0..5]	ebx, esi, edi, ebp, esp, eip (the callee-saved
 *			registers, the caller's stack pointer, the return
 *			address; not mangled)
 *	__mask_was_saved	1 if sigsetjmp saved the signal mask
 *	__saved_mask	that mask
 *
 * setjmp and _setjmp save no mask (as on Linux); longjmp and _longjmp
 * restore none. sigsetjmp(env, 1) saves it and siglongjmp restores it.
 * longjmp(env, 0) makes setjmp return 1.
 */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <features.h>
#include <bits/sigset.h>

typedef int __jmp_buf[6];

struct __jmp_buf_tag {
	__jmp_buf __jmpbuf;
	int __mask_was_saved;
	__sigset_t __saved_mask;
};

typedef struct __jmp_buf_tag jmp_buf[1];
typedef struct __jmp_buf_tag sigjmp_buf[1];

int setjmp(jmp_buf env) __attribute__((__returns_twice__));
int _setjmp(jmp_buf env) __attribute__((__returns_twice__));
int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((__returns_twice__));
__noreturn void longjmp(jmp_buf env, int val);
__noreturn void _longjmp(jmp_buf env, int val);
__noreturn void siglongjmp(sigjmp_buf env, int val);

#endif
