/* Suite "printk": the formatter behind printk (kernel/vsprintf.c). */
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

static char buf[128];

#define FMT(want, ...)							\
	do {								\
		int n = snprintf(buf, sizeof(buf), __VA_ARGS__);	\
		KT_EXPECT_STREQ(buf, want);				\
		KT_EXPECT_EQ(n, strlen(want));				\
	} while (0)

KTEST(printk, integers)
{
	FMT("0 -1 42 4294967295", "%d %d %u %u", 0, -1, 42u, 4294967295u);
	FMT("-2147483648", "%d", (int)0x80000000);
	FMT("ff FF 0000beef", "%x %X %08x", 255u, 255u, 0xbeefu);
	FMT("18446744073709551615 -9000000000 1234567890abcdef",
	    "%llu %lld %llx", 0xffffffffffffffffull, -9000000000ll,
	    0x1234567890abcdefull);
}

KTEST(printk, width_and_flags)
{
	FMT("[   42][42   ][00042][  -42][-0042]", "[%5d][%-5d][%05d][%5d][%05d]",
	    42, 42, 42, -42, -42);
	FMT("[  ab][ab  ][ab]", "[%4s][%-4s][%.2s]", "ab", "ab", "abc");
	FMT("[abc]", "[%.*s]", 3, "abcdef");
	FMT("0xc0100000", "%p", (void *)0xc0100000);
}

KTEST(printk, strings_chars_percent)
{
	const char *volatile null = NULL;	/* hidden from -Wformat */

	FMT("(null) x 100%", "%s %c 100%%", null, 'x');
}

KTEST(printk, truncation)
{
	char small[8];
	int n = snprintf(small, sizeof(small), "%s", "0123456789");

	KT_EXPECT_EQ(n, 10);
	KT_EXPECT_STREQ(small, "0123456");
	KT_EXPECT_EQ(snprintf(NULL, 0, "%d", 12345), 5);
}

KTEST(printk, loglevel_filters)
{
	int saved = console_loglevel;

	/* printk returns the formatted length whether shown or not. */
	console_loglevel = 0;
	KT_EXPECT_EQ(printk(KERN_ERR "hidden %d\n", 1), 9);
	console_loglevel = saved;
}
