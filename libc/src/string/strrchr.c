#include <string.h>

/* The last (char)c in s (c == 0 finds the terminator), or NULL. */
char *
strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}
