/* libc_stdlib: number conversion (strtol family, atoi) and abs. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include "lib/tap.h"

/* strtol: bases, prefixes, signs, end pointer, range errors. */
static void
test_strtol(void)
{
	char *end;

	is(strtol("  -123abc", &end, 10), -123, "strtol: space, sign, stops at junk");
	is(*end, 'a', "strtol: end points at the junk");
	is(strtol("0x1F", NULL, 16), 31, "strtol: base 16 with 0x");
	is(strtol("0x1F", NULL, 0), 31, "strtol: base 0 sees 0x");
	is(strtol("017", NULL, 0), 15, "strtol: base 0 sees octal");
	is(strtol("z", NULL, 36), 35, "strtol: base 36");
	is(strtol("+42", NULL, 10), 42, "strtol: plus sign");
	is(strtol("0x", &end, 16), 0, "strtol: 0x without digits is 0...");
	is(*end, 'x', "strtol: ...and ends after the 0");
	strtol("  ", &end, 10);
	ok(*end == ' ', "strtol: no digits leaves end at the start");
	errno = 0;
	is(strtol("2147483647", NULL, 10), LONG_MAX, "strtol: LONG_MAX");
	is(errno, 0, "strtol: no ERANGE at LONG_MAX");
	is(strtol("-2147483648", NULL, 10), LONG_MIN, "strtol: LONG_MIN");
	errno = 0;
	is(strtol("2147483648", NULL, 10), LONG_MAX, "strtol: overflow clamps");
	is(errno, ERANGE, "strtol: overflow sets ERANGE");
	errno = 0;
	is(strtol("-99999999999999999999999", NULL, 10), LONG_MIN,
	   "strtol: huge negative clamps");
	is(errno, ERANGE, "strtol: huge negative sets ERANGE");
	errno = 0;
	strtol("1", NULL, 1);
	is(errno, EINVAL, "strtol: base 1 is EINVAL");
}

/* strtoul: the 32-bit limits and the negation rule. */
static void
test_strtoul(void)
{
	errno = 0;
	is(strtoul("4294967295", NULL, 10), 4294967295UL, "strtoul: ULONG_MAX");
	is(errno, 0, "strtoul: no ERANGE at ULONG_MAX");
	is(strtoul("4294967296", NULL, 10), ULONG_MAX, "strtoul: overflow clamps");
	is(errno, ERANGE, "strtoul: overflow sets ERANGE");
	is(strtoul("-1", NULL, 10), ULONG_MAX, "strtoul: -1 wraps to ULONG_MAX");
	is(strtoul("ffffffff", NULL, 16), 0xffffffffUL, "strtoul: hex");
}

/* strtoll/strtoull: the 64-bit limits. */
static void
test_strtoll(void)
{
	errno = 0;
	ok(strtoll("9223372036854775807", NULL, 10) == LLONG_MAX, "strtoll: LLONG_MAX");
	ok(strtoll("-9223372036854775808", NULL, 10) == LLONG_MIN, "strtoll: LLONG_MIN");
	is(errno, 0, "strtoll: no ERANGE at the limits");
	ok(strtoll("9223372036854775808", NULL, 10) == LLONG_MAX && errno == ERANGE,
	   "strtoll: overflow");
	ok(strtoll("-1234567890123", NULL, 10) == -1234567890123LL, "strtoll: 64-bit value");
	errno = 0;
	ok(strtoull("18446744073709551615", NULL, 10) == ULLONG_MAX && !errno,
	   "strtoull: ULLONG_MAX");
	ok(strtoull("18446744073709551616", NULL, 10) == ULLONG_MAX && errno == ERANGE,
	   "strtoull: overflow");
	ok(strtoull("0x123456789abcdef0", NULL, 0) == 0x123456789abcdef0ULL, "strtoull: hex");
}

/* Run the groups; the exit status is the failure count. */
int
main(void)
{
	test_strtol();
	test_strtoul();
	test_strtoll();
	is(atoi("  -77x"), -77, "atoi");
	is(atol("123456"), 123456, "atol");
	is(abs(-5), 5, "abs negative");
	is(abs(5), 5, "abs positive");
	is(labs(-70000L), 70000, "labs");
	ok(llabs(-5000000000LL) == 5000000000LL, "llabs");
	return done_testing();
}
