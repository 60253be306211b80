#include <stdlib.h>

/* strtol(s, NULL, 10). */
long
atol(const char *s)
{
	return strtol(s, NULL, 10);
}
