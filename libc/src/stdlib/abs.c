#include <stdlib.h>

/* |x| (undefined for INT_MIN, as in C). */
int
abs(int x)
{
	return x < 0 ? -x : x;
}
