#include <string.h>

/* The first occurrence of needle in haystack (haystack if needle is ""),
 * or NULL. Plain O(n*m) scan. */
char *
strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	if (!n)
		return (char *)haystack;
	for (; *haystack; haystack++)
		if (*haystack == *needle && !strncmp(haystack, needle, n))
			return (char *)haystack;
	return NULL;
}
