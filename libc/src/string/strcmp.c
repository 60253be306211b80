#include <string.h>

/* Compare two strings as unsigned char: <0, 0 or >0. */
int
strcmp(const char *a, const char *b)
{
	for (; *a && *a == *b; a++, b++)
		;
	return *(const unsigned char *)a - *(const unsigned char *)b;
}
