/*
 * Suite "params": the command-line parser (kernel/params.c) against a
 * table of its own, and the real parameters the kernel declares.
 */
#include <asm/syscall_mode.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/param.h>
#include <kernel/printk.h>
#include <kernel/string.h>

static char got_a[64], got_s[64];
static bool got_flag;
static u32 got_n;
static int calls;

static int set_a(const char *val)
{
	calls++;
	if (!val)
		return -EINVAL;
	strlcpy(got_a, val, sizeof(got_a));
	return 0;
}

static int set_s(const char *val)
{
	calls++;
	strlcpy(got_s, val ? val : "(null)", sizeof(got_s));
	return 0;
}

static int set_flag(const char *val)
{
	calls++;
	if (val)
		return -EINVAL;
	got_flag = true;
	return 0;
}

static int set_n(const char *val)
{
	u32 v;

	calls++;
	if (!val || kstrtou32(val, &v) || v > 100)
		return -EINVAL;
	got_n = v;
	return 0;
}

static const struct kernel_param table[] = {
	{ "a", set_a, "none", "" },
	{ "s", set_s, "none", "" },
	{ "flag", set_flag, "off", "" },
	{ "n", set_n, "7", "" },
};

/* Parse a copy of line against the table above; returns the warnings. */
static int parse(const char *line)
{
	static char buf[1200];

	got_a[0] = got_s[0] = '\0';
	got_flag = false;
	got_n = 7;
	calls = 0;
	strlcpy(buf, line, sizeof(buf));
	return parse_args(buf, table, table + ARRAY_SIZE(table));
}

KTEST(params, key_value_pairs)
{
	KT_EXPECT_EQ(parse("a=one n=42"), 0);
	KT_EXPECT_STREQ(got_a, "one");
	KT_EXPECT_EQ(got_n, 42);
}

KTEST(params, blanks_and_tabs)
{
	KT_EXPECT_EQ(parse("  \ta=x\t\tn=3  \n"), 0);
	KT_EXPECT_STREQ(got_a, "x");
	KT_EXPECT_EQ(got_n, 3);
	KT_EXPECT_EQ(parse(""), 0);
	KT_EXPECT_EQ(parse("   "), 0);
	KT_EXPECT_EQ(calls, 0);
}

KTEST(params, quoted_value)
{
	KT_EXPECT_EQ(parse("s=\"hello  world\" a=b"), 0);
	KT_EXPECT_STREQ(got_s, "hello  world");
	KT_EXPECT_STREQ(got_a, "b");
	/* An unterminated quote runs to the end of the line. */
	KT_EXPECT_EQ(parse("s=\"open quote n=5"), 0);
	KT_EXPECT_STREQ(got_s, "open quote n=5");
}

KTEST(params, bare_word_and_empty_value)
{
	KT_EXPECT_EQ(parse("flag s="), 0);
	KT_EXPECT(got_flag);
	KT_EXPECT_STREQ(got_s, "");
	/* a needs a value: a bare "a" is rejected. */
	KT_EXPECT_EQ(parse("a"), 1);
	KT_EXPECT_STREQ(got_a, "");
}

KTEST(params, unknown_key_is_skipped)
{
	KT_EXPECT_EQ(parse("bogus=1 a=ok nokey"), 2);
	KT_EXPECT_STREQ(got_a, "ok");
}

KTEST(params, bad_value_keeps_default)
{
	KT_EXPECT_EQ(parse("n=1000 n=abc n=-1 flag=yes"), 4);
	KT_EXPECT_EQ(got_n, 7);
	KT_EXPECT(!got_flag);
}

KTEST(params, last_value_wins)
{
	KT_EXPECT_EQ(parse("n=1 n=2 n=99"), 0);
	KT_EXPECT_EQ(got_n, 99);
}

KTEST(params, long_value)
{
	static char line[1100];

	memcpy(line, "s=", 2);
	memset(line + 2, 'x', 1000);
	line[1002] = '\0';
	KT_EXPECT_EQ(parse(line), 0);
	/* The setter copied what fits in its own buffer. */
	KT_EXPECT_EQ(strlen(got_s), sizeof(got_s) - 1);
}

KTEST(params, image_path_first_word)
{
	char line[64], *rest;
	const char *path;

	strlcpy(line, "/boot/kernel.elf syscall=int80", sizeof(line));
	path = cmdline_take_image_path(line, &rest);
	KT_EXPECT_STREQ(path, "/boot/kernel.elf");
	KT_EXPECT_STREQ(rest, "syscall=int80");

	/* QEMU -kernel with an empty -append: "path " */
	strlcpy(line, "build/kernel.elf ", sizeof(line));
	path = cmdline_take_image_path(line, &rest);
	KT_EXPECT_STREQ(path, "build/kernel.elf");
	KT_EXPECT_STREQ(rest, "");

	strlcpy(line, "syscall=int80 a=b", sizeof(line));
	KT_EXPECT(cmdline_take_image_path(line, &rest) == NULL);
	KT_EXPECT_STREQ(rest, "syscall=int80 a=b");

	strlcpy(line, "", sizeof(line));
	KT_EXPECT(cmdline_take_image_path(line, &rest) == NULL);
}

static const struct kernel_param *find(const char *name)
{
	for (const struct kernel_param *p = __start_kernel_params;
	     p < __stop_kernel_params; p++)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

KTEST(params, registry_has_boot_parameters)
{
	KT_EXPECT(find("syscall") != NULL);
	KT_EXPECT(find("init") != NULL);
	KT_EXPECT(find("loglevel") != NULL);
	KT_EXPECT(find("test") != NULL);
	for (const struct kernel_param *p = __start_kernel_params;
	     p < __stop_kernel_params; p++)
		KT_EXPECT(p->name && p->set && p->default_text);
}

KTEST(params, syscall_values)
{
	const struct kernel_param *p = find("syscall");
	enum syscall_mode saved = syscall_mode;

	KT_ASSERT(p);
	KT_EXPECT_EQ(p->set("int80"), 0);
	KT_EXPECT_EQ(syscall_mode, SYSCALL_MODE_INT80);
	KT_EXPECT_EQ(p->set("sysenter"), 0);
	KT_EXPECT_EQ(syscall_mode, SYSCALL_MODE_SYSENTER);
	KT_EXPECT_EQ(p->set("bogus"), -EINVAL);
	KT_EXPECT_EQ(p->set(NULL), -EINVAL);
	KT_EXPECT_EQ(p->set("INT80"), -EINVAL);
	KT_EXPECT_EQ(syscall_mode, SYSCALL_MODE_SYSENTER);
	KT_EXPECT_EQ(p->set("auto"), 0);
	KT_EXPECT_EQ(syscall_mode, SYSCALL_MODE_AUTO);
	syscall_mode = saved;
}

KTEST(params, loglevel_and_init_values)
{
	const struct kernel_param *ll = find("loglevel"), *in = find("init");
	int saved = console_loglevel;

	KT_ASSERT(ll && in);
	KT_EXPECT_EQ(ll->set("9"), -EINVAL);
	KT_EXPECT_EQ(ll->set("x"), -EINVAL);
	KT_EXPECT_EQ(ll->set(NULL), -EINVAL);
	KT_EXPECT_EQ(console_loglevel, saved);
	KT_EXPECT_EQ(ll->set("3"), 0);
	KT_EXPECT_EQ(console_loglevel, 3);
	console_loglevel = saved;
	KT_EXPECT_EQ(in->set("relative/path"), -EINVAL);
	KT_EXPECT_EQ(in->set(NULL), -EINVAL);
	KT_EXPECT_EQ(in->set("/init"), 0);
}

KTEST(params, kstrtou32)
{
	u32 v = 0;

	KT_EXPECT_EQ(kstrtou32("0", &v), 0);
	KT_EXPECT_EQ(v, 0);
	KT_EXPECT_EQ(kstrtou32("4294967295", &v), 0);
	KT_EXPECT_EQ(v, 4294967295u);
	KT_EXPECT_EQ(kstrtou32("0x1F", &v), 0);
	KT_EXPECT_EQ(v, 31);
	KT_EXPECT_EQ(kstrtou32("4294967296", &v), -ERANGE);
	KT_EXPECT_EQ(kstrtou32("12a", &v), -EINVAL);
	KT_EXPECT_EQ(kstrtou32("", &v), -EINVAL);
	KT_EXPECT_EQ(kstrtou32("0x", &v), -EINVAL);
	KT_EXPECT_EQ(kstrtou32("-1", &v), -EINVAL);
}
