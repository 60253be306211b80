#include <string.h>

/* The first (char)c in s (c == 0 finds the terminator), or NULL. */
char *
strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}
