/*
 * libgcc.h (internal): the 64-bit division helpers GCC calls on i386
 * for `/` and `%` on (unsigned) long long. There is no 32-bit libgcc on
 * the build machine, so the libc provides them (same names, same ABI).
 * Division by zero executes `divl` by 0: #DE, like libgcc's.
 */
#ifndef _LIBC_INTERNAL_LIBGCC_H
#define _LIBC_INTERNAL_LIBGCC_H

unsigned long long __udivmoddi4(unsigned long long n, unsigned long long d,
				unsigned long long *rem);
unsigned long long __udivdi3(unsigned long long n, unsigned long long d);
unsigned long long __umoddi3(unsigned long long n, unsigned long long d);
long long __divdi3(long long a, long long b);
long long __moddi3(long long a, long long b);

#endif
