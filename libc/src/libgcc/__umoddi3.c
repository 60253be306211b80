#include "libgcc.h"

/* Unsigned 64-bit n % d (GCC calls this for `%`). */
unsigned long long
__umoddi3(unsigned long long n, unsigned long long d)
{
	unsigned long long r;

	__udivmoddi4(n, d, &r);
	return r;
}
