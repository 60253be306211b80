#include <stdlib.h>
#include <string.h>

/* A malloc'd copy of s, or NULL with ENOMEM. */
char *
strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	return d ? memcpy(d, s, n) : NULL;
}
