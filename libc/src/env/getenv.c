#include <stdlib.h>
#include <string.h>
#include "libc.h"

/* The value of `name` in the environment (first match), or NULL. */
char *
getenv(const char *name)
{
	size_t n = strlen(name);
	char **e;

	if (!n || strchr(name, '=') || !__environ)
		return NULL;
	for (e = __environ; *e; e++)
		if (!strncmp(*e, name, n) && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}
