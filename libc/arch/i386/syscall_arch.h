/*
 * syscall_arch.h: the i386 system-call instruction and __syscall0..6.
 *
 * Linux i386 ABI: number in eax; arguments in ebx, ecx, edx, esi, edi,
 * ebp; result (or -errno in -4095..-1) in eax; every other register is
 * preserved. The instruction is `call *%gs:0x10`, an indirect call
 * through TCB.sysinfo (the vDSO's __kernel_vsyscall, or a local
 * `int $0x80; ret`), so the kernel picks the fastest entry. Code that runs
 * before %gs is set up defines SYSCALL_NO_TLS first and traps directly.
 *
 * ebx is an argument register: that is only possible because the libc is
 * built non-PIC (PIC code keeps the GOT pointer in ebx). ebp cannot be an
 * asm operand when frame pointers are on, so __syscall6 pushes the 6th
 * argument, saves ebp, and loads it from the stack (musl's way).
 */
#ifndef _LIBC_SYSCALL_ARCH_H
#define _LIBC_SYSCALL_ARCH_H

#include "tcb.h"

#ifdef __PIC__
#error "the libc is built non-PIC: %ebx carries the first syscall argument"
#endif

#ifdef SYSCALL_NO_TLS
#define __SYSCALL_INSN	"int $0x80"
#else
#define __SYSCALL_INSN	"call *%%gs:" __TCB_STR(TCB_SYSINFO)
#endif

/* System call n with no argument: the raw result (-errno on failure). */
static inline long
__syscall0(long n)
{
	unsigned long r;

	__asm__ __volatile__(__SYSCALL_INSN : "=a"(r) : "a"(n) : "memory");
	return r;
}

/* System call n with one argument (ebx): the raw result. */
static inline long
__syscall1(long n, long a)
{
	unsigned long r;

	__asm__ __volatile__(__SYSCALL_INSN : "=a"(r) : "a"(n), "b"(a)
			     : "memory");
	return r;
}

/* System call n with arguments in ebx, ecx: the raw result. */
static inline long
__syscall2(long n, long a, long b)
{
	unsigned long r;

	__asm__ __volatile__(__SYSCALL_INSN : "=a"(r) : "a"(n), "b"(a), "c"(b)
			     : "memory");
	return r;
}

/* System call n with arguments in ebx, ecx, edx: the raw result. */
static inline long
__syscall3(long n, long a, long b, long c)
{
	unsigned long r;

	__asm__ __volatile__(__SYSCALL_INSN : "=a"(r)
			     : "a"(n), "b"(a), "c"(b), "d"(c) : "memory");
	return r;
}

/* System call n with arguments in ebx, ecx, edx, esi: the raw result. */
static inline long
__syscall4(long n, long a, long b, long c, long d)
{
	unsigned long r;

	__asm__ __volatile__(__SYSCALL_INSN : "=a"(r)
			     : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d)
			     : "memory");
	return r;
}

/* System call n with arguments in ebx..edi: the raw result. */
static inline long
__syscall5(long n, long a, long b, long c, long d, long e)
{
	unsigned long r;

	__asm__ __volatile__(__SYSCALL_INSN : "=a"(r)
			     : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			     : "memory");
	return r;
}

/*
 * The 6th argument is pushed while esp is still where GCC thinks it is
 * (so an esp-relative operand is read correctly), then ebp is saved and
 * loaded from 4(%esp). Stack during the trap: [ebp saved][arg 6].
 */
static inline long
__syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	unsigned long r;

	__asm__ __volatile__("pushl %7\n\t"
			     "pushl %%ebp\n\t"
			     "movl 4(%%esp), %%ebp\n\t"
			     __SYSCALL_INSN "\n\t"
			     "popl %%ebp\n\t"
			     "addl $4, %%esp"
			     : "=a"(r)
			     : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e),
			       "g"(f)
			     : "memory");
	return r;
}

#endif
