#include "libgcc.h"

/* Unsigned 64-bit n / d (GCC calls this for `/`). */
unsigned long long
__udivdi3(unsigned long long n, unsigned long long d)
{
	return __udivmoddi4(n, d, 0);
}
