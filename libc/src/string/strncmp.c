#include <string.h>

/* strcmp over at most n bytes. */
int
strncmp(const char *a, const char *b, size_t n)
{
	if (!n)
		return 0;
	for (; --n && *a && *a == *b; a++, b++)
		;
	return *(const unsigned char *)a - *(const unsigned char *)b;
}
