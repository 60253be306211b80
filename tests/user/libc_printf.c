/* libc_printf: printf formatting against expected strings, and stdio. */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include "lib/tap.h"

/* snprintf(args...) must produce `want` and return its length. */
#define CHECK(want, ...)							\
	do {									\
		char b_[512];							\
		int n_ = snprintf(b_, sizeof b_, __VA_ARGS__);			\
		if (!ok(!strcmp(b_, want) && n_ == (int)strlen(want),		\
			"snprintf(%s) = \"%s\"", #__VA_ARGS__, want))		\
			diag("got \"%s\", returned %d", b_, n_);		\
	} while (0)

/* CHECK with a format GCC cannot see, for the combinations it warns
 * about (flags that C says are ignored). */
#define CHECK_HIDDEN(want, fmt, ...)						\
	do {									\
		const char *volatile f_ = fmt;					\
		CHECK(want, f_, __VA_ARGS__);					\
	} while (0)

static const char *volatile null_str;	/* NULL the compiler cannot see */

/* The integer conversions and their simplest forms. */
static void
test_integers(void)
{
	CHECK("42", "%d", 42);
	CHECK("-42", "%d", -42);
	CHECK("-2147483648", "%d", INT_MIN);
	CHECK("2147483647", "%i", INT_MAX);
	CHECK("4294967295", "%u", 4294967295U);
	CHECK("ff", "%x", 255);
	CHECK("FF", "%X", 255);
	CHECK("0xff", "%#x", 255);
	CHECK("0XFF", "%#X", 255);
	CHECK("0", "%#x", 0);
	CHECK("777", "%o", 511);
	CHECK("0777", "%#o", 511);
	CHECK("0", "%#o", 0);
	CHECK("0", "%#.0o", 0);
	CHECK("", "%.0d", 0);
	CHECK("", "%.0x", 0);
	CHECK("0", "%d", 0);
}

/* Flags, widths and precisions, given inline and by *. */
static void
test_flags_width_precision(void)
{
	CHECK("   42", "%5d", 42);
	CHECK("42   |", "%-5d|", 42);
	CHECK("00042", "%05d", 42);
	CHECK("-0042", "%05d", -42);
	CHECK("+42", "%+d", 42);
	CHECK(" 42", "% d", 42);
	CHECK("+0", "%+d", 0);
	CHECK("-42", "%+d", -42);
	CHECK("-42", "% d", -42);
	CHECK_HIDDEN("+42", "%+ d", 42);
	CHECK("00042", "%.5d", 42);
	CHECK("  00042", "%7.5d", 42);
	CHECK("  -00042", "%8.5d", -42);
	CHECK_HIDDEN("   42", "%05.2d", 42);
	CHECK_HIDDEN("42   ", "%-05d", 42);
	CHECK("0x000000ff", "%#010x", 255);
	CHECK("0x0000ff", "%#.6x", 255);
	CHECK("00000010", "%#08o", 8);
	CHECK("  42", "%*d", 4, 42);
	CHECK("42  |", "%*d|", -4, 42);
	CHECK("00042", "%.*d", 5, 42);
	CHECK("42", "%.*d", -1, 42);
	CHECK("      ab", "%8.2s", "abcdef");
}

/* hh h l ll z j t, including 64-bit values (libgcc helpers). */
static void
test_lengths(void)
{
	CHECK("-1", "%hhd", 255);
	CHECK("255", "%hhu", -1);
	CHECK("-1", "%hd", 65535);
	CHECK("65535", "%hu", -1);
	CHECK("-1", "%ld", -1L);
	CHECK("4294967295", "%lu", -1UL);
	CHECK("-9223372036854775808", "%lld", LLONG_MIN);
	CHECK("9223372036854775807", "%lld", LLONG_MAX);
	CHECK("18446744073709551615", "%llu", ULLONG_MAX);
	CHECK("123456789abcdef0", "%llx", 0x123456789abcdef0ULL);
	CHECK("1777777777777777777777", "%llo", ULLONG_MAX);
	CHECK("4294967296", "%llu", 1ULL << 32);
	CHECK("-1234567890123", "%lld", -1234567890123LL);
	CHECK("12345", "%zu", (size_t)12345);
	CHECK("-5", "%zd", (ssize_t)-5);
	CHECK("-7", "%jd", (intmax_t)-7);
	CHECK("18446744073709551615", "%ju", UINTMAX_MAX);
	CHECK("-3", "%td", (ptrdiff_t)-3);
	CHECK("1 4294967296 3", "%d %llu %d", 1, 1ULL << 32, 3);
}

/* %s %c %p %%, with glibc's (null) and (nil). */
static void
test_strings_chars_pointers(void)
{
	CHECK("hello", "%s", "hello");
	CHECK("  hi", "%4s", "hi");
	CHECK("hi  |", "%-4s|", "hi");
	CHECK("hel", "%.3s", "hello");
	CHECK("(null)", "%s", null_str);
	CHECK("x", "%c", 'x');
	CHECK("  x", "%3c", 'x');
	CHECK("x  |", "%-3c|", 'x');
	CHECK("%", "%%");
	CHECK("0x1234", "%p", (void *)0x1234);
	CHECK("0xdeadbeef", "%p", (void *)0xdeadbeef);
	CHECK("(nil)", "%p", (void *)0);
	CHECK("a=1 b=-2 c=ff d=str e=%", "a=%d b=%ld c=%x d=%s e=%%", 1, -2L, 255, "str");
}

/* snprintf truncation and return values; unknown directives. */
static void
test_bounds(void)
{
	char b[16];
	const char *volatile unknown = "<%y>";
	int n;

	memset(b, 'x', sizeof b);
	n = snprintf(b, 5, "%s", "hello world");
	ok(n == 11 && !strcmp(b, "hell"), "snprintf truncates, returns the full length");
	is(snprintf(NULL, 0, "%d", 12345), 5, "snprintf(NULL, 0) counts");
	n = snprintf(b, 1, "abc");
	ok(n == 3 && b[0] == 0, "snprintf with size 1 writes only the terminator");
	n = sprintf(b, "%05d|%s", 7, "x");
	ok(n == 7 && !strcmp(b, "00007|x"), "sprintf");
	n = snprintf(b, sizeof b, "%300d", 1);
	ok(n == 300 && strlen(b) == 15, "width 300 counted, output truncated");
	n = snprintf(b, sizeof b, unknown, 1);
	ok(n == 4 && !strcmp(b, "<%y>"), "an unknown conversion is printed as is");
}

/* Return values of the stdout/stderr functions. */
static void
test_streams(void)
{
	int n;

	n = printf("    # %s %d\n", "printf to stdout", 1);
	is(n, 25, "printf returns the byte count");
	is(fputs("    # fputs\n", stdout) >= 0, 1, "fputs");
	is(fwrite("    # fwrite\n", 13, 1, stdout), 1, "fwrite counts items");
	is(fwrite("", 0, 5, stdout), 0, "fwrite of size 0");
	/* " " + "   # puts\n" makes one TAP comment line. */
	n = putchar(' ');
	is(puts("   # puts"), 0, "puts");
	is(n, ' ', "putchar returns the char");
	is(fprintf(stderr, "libc_printf: a line on stderr\n"), 30, "fprintf(stderr)");
	is(fflush(stdout), 0, "fflush(stdout)");
	is(fflush(NULL), 0, "fflush(NULL)");
	is(ferror(stdout), 0, "no error on stdout");
}

/* Run the groups; the exit status is the failure count. */
int
main(void)
{
	test_integers();
	test_flags_width_precision();
	test_lengths();
	test_strings_chars_pointers();
	test_bounds();
	test_streams();
	return done_testing();
}
