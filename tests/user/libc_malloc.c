/* libc_malloc: malloc/free/calloc/realloc on the brk heap. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/tap.h"

#define N 200

/* Fill n bytes at p with a pattern derived from seed. */
static void
fill(unsigned char *p, size_t n, unsigned seed)
{
	while (n--)
		*p++ = (unsigned char)((seed = seed * 1103515245 + 12345) >> 3);
}

/* 1 if the n bytes at p still hold fill(p, n, seed)'s pattern. */
static int
check(const unsigned char *p, size_t n, unsigned seed)
{
	while (n--)
		if (*p++ != (unsigned char)((seed = seed * 1103515245 + 12345) >> 3))
			return 0;
	return 1;
}

/* Small blocks: distinct, aligned, below the break; free(NULL). */
static void
test_basic(void)
{
	void *a = malloc(1), *b = malloc(100), *z = malloc(0);
	void *brk_before;

	ok(a && b && a != b, "malloc returns distinct blocks");
	ok(((uintptr_t)a & 15) == 0 && ((uintptr_t)b & 15) == 0, "16-byte aligned");
	ok(z != NULL, "malloc(0) returns a unique pointer");
	brk_before = sbrk(0);
	ok((char *)b < (char *)brk_before, "blocks lie below the break");
	free(a);
	free(b);
	free(z);
	free(NULL);
	ok(1, "free(NULL) is a no-op");
}

/* Many blocks with fill patterns, holes punched and refilled. */
static void
test_patterns(void)
{
	static unsigned char *p[N];
	static size_t len[N];
	int i, bad = 0, misaligned = 0;

	for (i = 0; i < N; i++) {
		len[i] = (i * 37) % 700 + 1;
		p[i] = malloc(len[i]);
		if (!p[i])
			break;
		misaligned += ((uintptr_t)p[i] & 15) != 0;
		fill(p[i], len[i], i);
	}
	is(i, N, "%d allocations of 1..700 bytes", N);
	is(misaligned, 0, "all aligned");
	for (i = 0; i < N; i += 2) {	/* free every other block */
		free(p[i]);
		p[i] = NULL;
	}
	for (i = 0; i < N; i += 2) {	/* reuse the holes, other sizes */
		len[i] = (i * 53) % 300 + 1;
		p[i] = malloc(len[i]);
		fill(p[i], len[i], i + 1000);
	}
	for (i = 0; i < N; i++)
		bad += !check(p[i], len[i], i % 2 ? (unsigned)i : (unsigned)i + 1000);
	is(bad, 0, "no block overwrote another");
	for (i = 0; i < N; i++)
		free(p[i]);
}

/* First fit reuses a freed block; freed neighbours merge. */
static void
test_reuse(void)
{
	void *a, *b, *c;

	a = malloc(4000);
	free(a);
	b = malloc(4000);
	ok(a == b, "a freed block is reused (first fit)");
	a = malloc(100);
	c = malloc(100);
	free(a);
	free(c);
	free(b);
	c = malloc(8000);
	ok(c != NULL, "freed neighbours merge into a larger block");
	free(c);
}

/* calloc zeroes reused memory; overflowing sizes give ENOMEM. */
static void
test_calloc(void)
{
	unsigned char *p = malloc(1000);
	int i, nonzero = 0;

	memset(p, 0xff, 1000);
	free(p);
	p = calloc(250, 4);
	for (i = 0; i < 1000; i++)
		nonzero += p[i] != 0;
	is(nonzero, 0, "calloc zeroes (even reused memory)");
	free(p);
	errno = 0;
	ok(calloc(0x10000, 0x10001) == NULL && errno == ENOMEM, "calloc overflow: ENOMEM");
	errno = 0;
	ok(malloc((size_t)-8) == NULL && errno == ENOMEM, "huge malloc: ENOMEM");
}

/* Shrinking and growing keep the contents, in place when possible. */
static void
test_realloc(void)
{
	unsigned char *p = realloc(NULL, 10), *q, *guard;

	ok(p != NULL, "realloc(NULL, n) allocates");
	fill(p, 10, 7);
	q = realloc(p, 5);
	ok(q == p && check(q, 5, 7), "shrinking stays in place, keeps data");
	guard = malloc(16);	/* something after q so growth must move */
	p = realloc(q, 5000);
	ok(p && check(p, 5, 7), "growing keeps the data");
	fill(p, 5000, 9);
	q = realloc(p, 100000);
	ok(q && check(q, 5000, 9), "growing to 100000 keeps the data");
	free(guard);
	ok(realloc(q, 0) == NULL, "realloc(p, 0) frees, returns NULL");

	p = malloc(64);
	guard = malloc(64);
	free(guard);		/* free space right after p */
	fill(p, 64, 3);
	q = realloc(p, 100);
	ok(q == p && check(q, 64, 3), "growing into a free neighbour stays in place");
	free(q);
}

/* One block much larger than the heap's growth step. */
static void
test_big(void)
{
	size_t n = 4 << 20;
	unsigned char *p = malloc(n);

	ok(p != NULL, "4 MiB allocation");
	if (p) {
		p[0] = 1;
		p[n - 1] = 2;
		ok(p[0] == 1 && p[n - 1] == 2, "its first and last bytes are usable");
	}
	free(p);
}

/* Run the groups; the exit status is the failure count. */
int
main(void)
{
	test_basic();
	test_patterns();
	test_reuse();
	test_calloc();
	test_realloc();
	test_big();
	return done_testing();
}
