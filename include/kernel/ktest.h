/*
 * In-kernel tests, reported as TAP on the consoles.
 *
 *	KTEST(params, quoted_value) {
 *		KT_EXPECT_EQ(parse(...), 0);
 *	}
 *
 * defines test "params: quoted_value" in suite `params`. The boot
 * parameter test=SUITE[,SUITE...] (or test=all) runs the named suites
 * after boot, prints TAP and ends the run with TEST_EXIT_PASS or
 * TEST_EXIT_FAIL (include/asm/power.h). A failed expectation marks the
 * test "not ok" with file:line and goes on; KT_ASSERT also returns.
 *
 * KTEST_CRASH(name) defines a test that is expected to bring the kernel
 * down (panic, kernel page fault): it runs only when its suite
 * "crash-NAME" is named exactly, never under test=all.
 */
#ifndef _KERNEL_KTEST_H
#define _KERNEL_KTEST_H

#include <kernel/compiler.h>
#include <kernel/types.h>

struct ktest {
	const char *suite;
	const char *name;
	void (*fn)(void);
	bool crash;
};

#define __KTEST(suite_, name_, crash_)					\
	static void ktest_##suite_##_##name_(void);			\
	static const struct ktest __ktest_##suite_##_##name_		\
	__used __section(".ktests") __aligned(4) =			\
		{ #suite_, #name_, ktest_##suite_##_##name_, crash_ };	\
	static void ktest_##suite_##_##name_(void)

#define KTEST(suite, name)	__KTEST(suite, name, false)
#define KTEST_CRASH(name)	__KTEST(crash, name, true)

extern const struct ktest __start_ktests[], __stop_ktests[];

/* Record a failure of the running test. */
void ktest_fail(const char *file, int line, const char *fmt, ...)
	__printf(3, 4);

#define KT_EXPECT(cond)							\
	do {								\
		if (!(cond))						\
			ktest_fail(__FILE__, __LINE__, "%s", #cond);	\
	} while (0)

#define KT_ASSERT(cond)							\
	do {								\
		if (!(cond)) {						\
			ktest_fail(__FILE__, __LINE__, "%s", #cond);	\
			return;						\
		}							\
	} while (0)

#define KT_EXPECT_EQ(a, b)						\
	do {								\
		long long __a = (long long)(a), __b = (long long)(b);	\
		if (__a != __b)						\
			ktest_fail(__FILE__, __LINE__,			\
				   "%s == %s: got %lld, want %lld",	\
				   #a, #b, __a, __b);			\
	} while (0)

#define KT_EXPECT_STREQ(a, b)						\
	do {								\
		const char *__a = (a), *__b = (b);			\
		if (!__a || !__b || strcmp(__a, __b))			\
			ktest_fail(__FILE__, __LINE__,			\
				   "%s == %s: got '%s', want '%s'",	\
				   #a, #b, __a, __b);			\
	} while (0)

/* True once a test= run has started (panic then exits with failure). */
bool ktest_running(void);

/* Run the suites test= selected, if any; returns only if none was. */
void ktest_run_selected(void);

#endif
