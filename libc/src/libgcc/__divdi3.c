#include "libgcc.h"

/* Signed 64-bit a / b, truncating toward zero. */
long long
__divdi3(long long a, long long b)
{
	unsigned long long ua = a < 0 ? -(unsigned long long)a : (unsigned long long)a;
	unsigned long long ub = b < 0 ? -(unsigned long long)b : (unsigned long long)b;
	unsigned long long q = __udivmoddi4(ua, ub, 0);

	return (long long)((a < 0) != (b < 0) ? -q : q);
}
