/* libc_string: the <string.h> functions and strerror. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "lib/tap.h"

/* memcpy/memmove/memset at every alignment and length up to 40. */
/* memcpy/memset at every alignment and length up to 40. */
static void
test_mem_alignments(void)
{
	unsigned char src[64], dst[64], ref[64];
	int bad = 0, a, b, n, i;

	for (i = 0; i < 64; i++)
		src[i] = i * 7 + 1;
	for (a = 0; a < 4; a++)
		for (b = 0; b < 4; b++)
			for (n = 0; n <= 40; n++) {
				memset(dst, 0xee, sizeof dst);
				memcpy(ref, dst, sizeof ref);
				for (i = 0; i < n; i++)
					ref[b + i] = src[a + i];
				if (memcpy(dst + b, src + a, n) != dst + b ||
				    memcmp(dst, ref, sizeof dst))
					bad++;
			}
	ok(!bad, "memcpy: all alignments and lengths (%d bad)", bad);

	bad = 0;
	for (a = 0; a < 8; a++)
		for (n = 0; n <= 40; n++) {
			memset(dst, 0x11, sizeof dst);
			if (memset(dst + a, 0xab, n) != dst + a)
				bad++;
			for (i = 0; i < 64; i++)
				if (dst[i] != (i >= a && i < a + n ? 0xab : 0x11))
					bad++;
		}
	ok(!bad, "memset: all alignments and lengths (%d bad)", bad);
}

/* memmove with overlap in both directions. */
static void
test_memmove(void)
{
	char buf[32];

	strcpy(buf, "0123456789");
	memmove(buf + 2, buf, 8);
	ok(!memcmp(buf, "0101234567", 10), "memmove: overlapping, dst above src");
	strcpy(buf, "0123456789");
	memmove(buf, buf + 3, 7);
	ok(!memcmp(buf, "3456789789", 10), "memmove: overlapping, dst below src");
	ok(memmove(buf, buf, 5) == buf, "memmove: same area returns dst");
}

/* memcmp/strcmp/strncmp: order, unsigned bytes, bounds. */
static void
test_compare(void)
{
	ok(memcmp("abc", "abd", 3) < 0, "memcmp less");
	ok(memcmp("abd", "abc", 3) > 0, "memcmp greater");
	ok(memcmp("ab\x80", "ab\x01", 3) > 0, "memcmp compares unsigned bytes");
	is(memcmp("abc", "xyz", 0), 0, "memcmp of 0 bytes");
	is(strcmp("", ""), 0, "strcmp empty");
	ok(strcmp("abc", "abcd") < 0, "strcmp prefix is less");
	ok(strcmp("b", "a") > 0, "strcmp greater");
	ok(strcmp("\xff", "a") > 0, "strcmp compares unsigned chars");
	is(strncmp("abcx", "abcy", 3), 0, "strncmp stops at n");
	ok(strncmp("abcx", "abcy", 4) < 0, "strncmp sees the difference at n");
	is(strncmp("a", "b", 0), 0, "strncmp of 0 bytes");
	is(strncmp("ab", "ab", 10), 0, "strncmp past the terminators");
}

/* strlen, strnlen, strchr, strrchr, memchr, strstr. */
static void
test_search(void)
{
	const char *s = "hello, world";

	is(strlen(""), 0, "strlen empty");
	is(strlen(s), 12, "strlen");
	is(strnlen(s, 5), 5, "strnlen bounded");
	is(strnlen(s, 100), 12, "strnlen unbounded");
	ok(strchr(s, 'o') == s + 4, "strchr first match");
	ok(strchr(s, 0) == s + 12, "strchr finds the terminator");
	ok(strchr(s, 'z') == NULL, "strchr no match");
	ok(strrchr(s, 'o') == s + 8, "strrchr last match");
	ok(strrchr(s, 'z') == NULL, "strrchr no match");
	ok(strrchr(s, 0) == s + 12, "strrchr finds the terminator");
	ok(memchr(s, 'w', 12) == s + 7, "memchr");
	ok(memchr(s, 'w', 7) == NULL, "memchr bounded");
	ok(strstr(s, "world") == s + 7, "strstr");
	ok(strstr(s, "") == s, "strstr empty needle");
	ok(strstr(s, "worlds") == NULL, "strstr no match past the end");
	ok(strstr("aaab", "aab") != NULL, "strstr after a partial match");
}

/* strcpy, strcat, strncpy's padding rules, strdup. */
static void
test_copy(void)
{
	char buf[16], *d;

	ok(strcpy(buf, "abc") == buf && !strcmp(buf, "abc"), "strcpy");
	ok(strcat(buf, "def") == buf && !strcmp(buf, "abcdef"), "strcat");
	memset(buf, 'x', sizeof buf);
	strncpy(buf, "ab", 5);
	ok(!memcmp(buf, "ab\0\0\0x", 6), "strncpy pads with NULs to n");
	memset(buf, 'x', sizeof buf);
	strncpy(buf, "abcdef", 3);
	ok(!memcmp(buf, "abcx", 4), "strncpy does not terminate a long source");
	d = strdup("duplicate me");
	ok(d && !strcmp(d, "duplicate me"), "strdup");
	free(d);
}

/* Linux's messages, and the fallback for unknown numbers. */
static void
test_strerror(void)
{
	is_str(strerror(0), "Success", "strerror(0)");
	is_str(strerror(EPERM), "Operation not permitted", "strerror(EPERM)");
	is_str(strerror(ENOENT), "No such file or directory", "strerror(ENOENT)");
	is_str(strerror(EBADF), "Bad file descriptor", "strerror(EBADF)");
	is_str(strerror(ENOMEM), "Cannot allocate memory", "strerror(ENOMEM)");
	is_str(strerror(EINVAL), "Invalid argument", "strerror(EINVAL)");
	is_str(strerror(ENOSYS), "Function not implemented", "strerror(ENOSYS)");
	is_str(strerror(ENOTTY), "Inappropriate ioctl for device", "strerror(ENOTTY)");
	is_str(strerror(9999), "Unknown error 9999", "strerror(unknown)");
	is_str(strerror(-5), "Unknown error -5", "strerror(negative)");
}

/* Run the groups; the exit status is the failure count. */
int
main(void)
{
	test_mem_alignments();
	test_memmove();
	test_compare();
	test_search();
	test_copy();
	test_strerror();
	return done_testing();
}
