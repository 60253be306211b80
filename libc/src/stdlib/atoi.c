#include <stdlib.h>

/* strtol(s, NULL, 10) as an int. */
int
atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}
