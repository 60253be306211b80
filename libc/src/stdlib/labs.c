#include <stdlib.h>

/* |x| for long. */
long
labs(long x)
{
	return x < 0 ? -x : x;
}
