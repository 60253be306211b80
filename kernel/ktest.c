/*
 * The in-kernel test runner: test=SUITE[,SUITE...] | all.
 * Prints TAP version 13, counts, and leaves the emulator with the
 * pass or fail code once every selected test has run.
 */
#include <asm/power.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/param.h>
#include <kernel/printk.h>
#include <kernel/spawn.h>
#include <kernel/string.h>

static char selection[256];
static bool running;
static const struct ktest *current_test;
static int current_failures;

bool ktest_running(void)
{
	return running;
}

/* Is the suite called name (len bytes) in the comma-separated selection? */
static bool name_selected(const char *name, size_t n)
{
	for (const char *s = selection; *s;) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);

		if (len == n && !strncmp(s, name, n))
			return true;
		s += len + (end ? 1 : 0);
	}
	return false;
}

/* The user-program suite runs under "user" or "all". */
static bool user_selected(void)
{
	return !strcmp(selection, "all") || name_selected("user", 4);
}

/* Is suite named in the comma-separated selection? */
static bool selected(const struct ktest *t)
{
	size_t n = strlen(t->suite);
	const char *s = selection;

	if (!t->crash && !strcmp(selection, "all"))
		return true;
	while (*s) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);

		if (t->crash) {
			/* crash tests answer to "crash-NAME" only */
			if (len == 6 + strlen(t->name) &&
			    !strncmp(s, "crash-", 6) &&
			    !strncmp(s + 6, t->name, len - 6))
				return true;
		} else if (len == n && !strncmp(s, t->suite, n)) {
			return true;
		}
		s += len + (end ? 1 : 0);
	}
	return false;
}

void ktest_fail(const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* TAP diagnostics: one comment line per failed expectation. */
	console_printf("# %s: %s: %s:%d: %s\n", current_test->suite, current_test->name,
		       file, line, msg);
	current_failures++;
}

void ktest_run_selected(void)
{
	const struct ktest *t;
	int planned = 0, number = 0, failed = 0;

	if (!selection[0])
		return;
	for (t = __start_ktests; t < __stop_ktests; t++)
		planned += selected(t);

	if (user_selected())
		planned += user_tests_count();
	running = true;
	console_printf("TAP version 13\n1..%d\n", planned);
	for (t = __start_ktests; t < __stop_ktests; t++) {
		if (!selected(t))
			continue;
		current_test = t;
		current_failures = 0;
		t->fn();
		number++;
		if (current_failures)
			failed++;
		console_printf("%sok %d - %s: %s\n",
			       current_failures ? "not " : "", number,
			       t->suite, t->name);
	}
	if (user_selected()) {
		int n = user_tests_count();

		failed += user_tests_run(number + 1);
		number += n;
	}
	console_printf("# %d passed, %d failed\n", number - failed, failed);
	/* A plan of 0 is a selection that matched nothing: not a pass. */
	machine_exit(failed || !planned ? TEST_EXIT_FAIL : TEST_EXIT_PASS);
}

/* Every comma-separated name must be "all", a suite or crash-NAME. */
static bool known_suite(const char *name, size_t len)
{
	if ((len == 3 && !strncmp(name, "all", 3)) ||
	    (len == 4 && !strncmp(name, "user", 4)))
		return true;
	for (const struct ktest *t = __start_ktests; t < __stop_ktests; t++) {
		const char *want = t->crash ? t->name : t->suite;
		size_t skip = t->crash ? 6 : 0;

		if (t->crash && (len < skip || strncmp(name, "crash-", 6)))
			continue;
		if (len - skip == strlen(want) &&
		    !strncmp(name + skip, want, len - skip))
			return true;
	}
	return false;
}

static int set_test(const char *val)
{
	const char *s = val;

	if (!val || !*val || strlen(val) >= sizeof(selection))
		return -EINVAL;
	while (*s) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);

		if (!len || !known_suite(s, len))
			return -EINVAL;
		s += len + (end ? 1 : 0);
	}
	strlcpy(selection, val, sizeof(selection));
	return 0;
}
kernel_param("test", set_test, "(none: no tests)",
	     "run in-kernel test suites after boot: all or SUITE[,SUITE]");
