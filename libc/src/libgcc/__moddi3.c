#include "libgcc.h"

/* Signed 64-bit a % b: the sign follows a, as C's truncating division. */
long long
__moddi3(long long a, long long b)
{
	unsigned long long ua = a < 0 ? -(unsigned long long)a : (unsigned long long)a;
	unsigned long long ub = b < 0 ? -(unsigned long long)b : (unsigned long long)b;
	unsigned long long r;

	__udivmoddi4(ua, ub, &r);
	return (long long)(a < 0 ? -r : r);
}
