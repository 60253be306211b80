#include <errno.h>
#include <string.h>
#include <stdio.h>

/* Print "s: <strerror(errno)>" (or just the message) to stderr. */
void
perror(const char *s)
{
	const char *msg = strerror(errno);

	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, msg);
	else
		fprintf(stderr, "%s\n", msg);
}
