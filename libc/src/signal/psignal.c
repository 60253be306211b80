#include <signal.h>
#include <stdio.h>
#include <string.h>

/* "s: description\n" (or just the description if s is NULL or empty)
 * on stderr. */
void
psignal(int sig, const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, strsignal(sig));
	else
		fprintf(stderr, "%s\n", strsignal(sig));
}
