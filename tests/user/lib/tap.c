/*
 * tap.c: see tap.h. All output goes to stdout with a four-space indent
 * and is flushed line by line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "tap.h"

static int planned = -1, run, failed;

/* Print "    " + the formatted text + "\n" and flush. */
static void
line(const char *prefix, const char *fmt, va_list ap)
{
	fputs("    ", stdout);
	fputs(prefix, stdout);
	vprintf(fmt, ap);
	putchar('\n');
	fflush(stdout);
}

/* Announce n tests: print "    1..n" now. */
void
plan(int n)
{
	planned = n;
	printf("    1..%d\n", n);
	fflush(stdout);
}

/* Print a "    # ..." comment line. */
void
diag(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	line("# ", fmt, ap);
	va_end(ap);
}

/* Print the "ok"/"not ok" line for the next test; returns pass. */
static int
result(int pass, const char *file, int line_no, const char *why,
       const char *fmt, va_list ap)
{
	run++;
	if (!pass)
		failed++;
	printf("    %sok %d - ", pass ? "" : "not ", run);
	vprintf(fmt, ap);
	if (!pass)
		printf(" # %s:%d %s", file, line_no, why);
	putchar('\n');
	fflush(stdout);
	return pass;
}

/* Record a result; on failure the line ends "# file:line why". */
int
ok_at(int pass, const char *file, int line_no, const char *why, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	result(pass, file, line_no, why, fmt, ap);
	va_end(ap);
	return pass;
}

/* Record got == want; a failure shows both values. */
int
is_at(long long got, long long want, const char *file, int line_no,
      const char *fmt, ...)
{
	char why[80];
	va_list ap;
	int pass = got == want;

	snprintf(why, sizeof why, "got %lld (%#llx), expected %lld (%#llx)",
		 got, got, want, want);
	va_start(ap, fmt);
	result(pass, file, line_no, why, fmt, ap);
	va_end(ap);
	return pass;
}

/* Record strcmp(got, want) == 0 (two NULLs match); a failure shows both. */
int
is_str_at(const char *got, const char *want, const char *file, int line_no,
	  const char *fmt, ...)
{
	va_list ap;
	int pass = got && want ? !strcmp(got, want) : got == want;

	va_start(ap, fmt);
	result(pass, file, line_no, "strings differ", fmt, ap);
	va_end(ap);
	if (!pass) {
		printf("    #      got: \"%s\"\n    # expected: \"%s\"\n", got, want);
		fflush(stdout);
	}
	return pass;
}

/* Record n skipped tests. */
void
skip(int n, const char *why)
{
	while (n-- > 0) {
		printf("    ok %d # skip %s\n", ++run, why);
		fflush(stdout);
	}
}

/* Print the plan if not yet printed; the exit status (failures, <= 125). */
int
done_testing(void)
{
	int status = failed;

	if (planned < 0) {
		printf("    1..%d\n", run);
	} else if (planned != run) {
		printf("    # planned %d tests but ran %d\n", planned, run);
		status++;
	}
	if (failed)
		printf("    # failed %d of %d tests\n", failed, run);
	fflush(stdout);
	return status > 125 ? 125 : status;
}
