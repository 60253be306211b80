#include "libgcc.h"

/*
 * Nothing here may divide 64-bit values with `/` or `%`: GCC would turn
 * that into a call to these very functions. 32-bit `/` and 64-bit `*`
 * and shifts are inline on i386.
 */

/* (hi:lo) / d with one divl; needs hi < d so the quotient fits 32 bits.
 * The remainder goes to *r. */
static inline unsigned
divl(unsigned hi, unsigned lo, unsigned d, unsigned *r)
{
	unsigned q;

	__asm__("divl %4" : "=a"(q), "=d"(*r) : "a"(lo), "d"(hi), "rm"(d));
	return q;
}

/*
 * n / d, with n % d stored in *rem if rem is not NULL.
 *
 * A 32-bit divisor takes two divl steps (schoolbook, base 2^32). A
 * divisor of 2^32 or more leaves a quotient under 2^32; it is estimated
 * with one divl of n/2 by d's top 32 bits (d shifted so its top bit is
 * set) and is then off by at most one (Hacker's Delight, divlu64).
 */
unsigned long long
__udivmoddi4(unsigned long long n, unsigned long long d, unsigned long long *rem)
{
	unsigned nh = n >> 32, nl = n, dh = d >> 32, dl = d, r, qh = 0, ql;
	unsigned long long q;

	if (!dh) {
		if (nh >= dl) {		/* dl == 0 faults here (#DE), as it should */
			qh = divl(0, nh, dl, &r);
			nh = r;
		}
		ql = divl(nh, nl, dl, &r);
		if (rem)
			*rem = r;
		return (unsigned long long)qh << 32 | ql;
	}
	{
		int s = __builtin_clz(dh);
		unsigned v1 = (d << s) >> 32;
		unsigned long long n1 = n >> 1;

		q = (unsigned long long)divl(n1 >> 32, n1, v1, &r) << s >> 31;
		if (q)
			q--;
		if (n - q * d >= d)
			q++;
	}
	if (rem)
		*rem = n - q * d;
	return q;
}
