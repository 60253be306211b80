/*
 * libc_divdi3: the 64-bit division helpers GCC calls for / and % on
 * long long (__udivdi3, __umoddi3, __divdi3, __moddi3), which the libc
 * provides because there is no 32-bit libgcc. Known values, then a
 * pseudo-random sweep checked by multiplication (which GCC inlines).
 */
#include <limits.h>
#include <stdint.h>
#include "lib/tap.h"

static uint64_t state = 0x0123456789abcdefULL;

/* xorshift64: a reproducible spread of bit patterns. */
static uint64_t
next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

/* A random value with a random number of significant bits (1..64). */
static uint64_t
random_width(void)
{
	unsigned bits = next() % 64 + 1;

	return next() >> (64 - bits);
}

/* Keep the compiler from folding the divisions at compile time. */
static volatile uint64_t vu[2];
static volatile int64_t vs[2];
#define UDIV(a, b)	(vu[0] = (a), vu[1] = (b), vu[0] / vu[1])
#define UMOD(a, b)	(vu[0] = (a), vu[1] = (b), vu[0] % vu[1])
#define SDIV(a, b)	(vs[0] = (a), vs[1] = (b), vs[0] / vs[1])
#define SMOD(a, b)	(vs[0] = (a), vs[1] = (b), vs[0] % vs[1])

/* Quotients and remainders worked out by hand, at the edges. */
static void
test_known(void)
{
	ok(UDIV(100, 7) == 14 && UMOD(100, 7) == 2, "100 / 7");
	ok(UDIV(0xffffffffffffffffULL, 1) == 0xffffffffffffffffULL, "max / 1");
	ok(UDIV(0xffffffffffffffffULL, 0xffffffffffffffffULL) == 1, "max / max");
	ok(UDIV(0xffffffffffffffffULL, 10) == 1844674407370955161ULL &&
	   UMOD(0xffffffffffffffffULL, 10) == 5, "max / 10");
	ok(UDIV(0x123456789abcdef0ULL, 0x100000000ULL) == 0x12345678 &&
	   UMOD(0x123456789abcdef0ULL, 0x100000000ULL) == 0x9abcdef0, "divisor 2^32");
	ok(UDIV(0x8000000000000000ULL, 0x8000000000000001ULL) == 0 &&
	   UMOD(0x8000000000000000ULL, 0x8000000000000001ULL) == 0x8000000000000000ULL,
	   "n < d, both huge");
	ok(UDIV(0xfffffffffffffffeULL, 0xffffffffULL) == 0x100000000ULL &&
	   UMOD(0xfffffffffffffffeULL, 0xffffffffULL) == 0xfffffffe, "divisor 2^32-1");
	ok(UDIV(12345678901234ULL, 0x1234567890ULL) == 157, "64-bit divisor");
	ok(UDIV(5, 0x100000000ULL) == 0 && UMOD(5, 0x100000000ULL) == 5, "small / big");
	ok(SDIV(-7, 2) == -3 && SMOD(-7, 2) == -1, "-7 / 2 truncates toward zero");
	ok(SDIV(7, -2) == -3 && SMOD(7, -2) == 1, "7 / -2");
	ok(SDIV(-7, -2) == 3 && SMOD(-7, -2) == -1, "-7 / -2");
	ok(SDIV(LLONG_MIN, 1) == LLONG_MIN && SMOD(LLONG_MIN, 1) == 0, "LLONG_MIN / 1");
	ok(SDIV(LLONG_MIN, 2) == LLONG_MIN / 2, "LLONG_MIN / 2");
	ok(SDIV(-10000000000LL, 3) == -3333333333LL && SMOD(-10000000000LL, 3) == -1,
	   "-10^10 / 3");
}

/* Random operands of random widths, checked by multiplying back. */
static void
test_sweep(void)
{
	int i, ubad = 0, sbad = 0;

	for (i = 0; i < 20000; i++) {
		uint64_t n = random_width(), d = random_width();
		int64_t a = (int64_t)random_width(), b = (int64_t)random_width();
		uint64_t q, r;
		int64_t sq, sr;

		if (!d)
			d = 1;
		q = UDIV(n, d);
		r = UMOD(n, d);
		if (r >= d || q * d + r != n)
			ubad++;
		if (!b || (a == LLONG_MIN && b == -1))
			continue;
		if (next() & 1)
			a = -a;
		if (next() & 1)
			b = -b;
		sq = SDIV(a, b);
		sr = SMOD(a, b);
		if ((uint64_t)sq * (uint64_t)b + (uint64_t)sr != (uint64_t)a ||
		    (sr && (sr < 0) != (a < 0)) ||
		    (sr < 0 ? -(uint64_t)sr : (uint64_t)sr) >= (b < 0 ? -(uint64_t)b : (uint64_t)b))
			sbad++;
	}
	is(ubad, 0, "20000 unsigned divisions: q*d + r == n, r < d");
	is(sbad, 0, "signed divisions: q*b + r == a, |r| < |b|, r has a's sign");
}

/* Run the groups; the exit status is the failure count. */
int
main(void)
{
	test_known();
	test_sweep();
	return done_testing();
}
