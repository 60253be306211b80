/*
 * tap.h: a tiny TAP producer for user test programs.
 *
 * Output is a subtest: every line is indented by four spaces, and the
 * harness that ran the program prints the top-level "ok K - user: name".
 *
 *	int main(void)
 *	{
 *		plan(2);			// or nothing, then done_testing()
 *		ok(strlen("ab") == 2, "strlen");
 *		is(getauxval(AT_PAGESZ), 4096, "page size");
 *		return done_testing();		// exit status = failures
 *	}
 *
 * A failure prints "not ok N - name # file:line why" and diagnostics.
 * Each line is flushed at once, so a crash loses nothing.
 */
#ifndef TAP_H
#define TAP_H

#include <features.h>

/* Announce n tests ("1..n") up front. */
void plan(int n);

/* Print the plan if plan() was not called; return the exit status: the
 * number of failures (plus one if the plan was not met), at most 125. */
int done_testing(void);

/* Record one result; returns pass. Use the ok()/is() macros. */
int ok_at(int pass, const char *file, int line, const char *why,
	  const char *fmt, ...) __printflike(5, 6);
int is_at(long long got, long long want, const char *file, int line,
	  const char *fmt, ...) __printflike(5, 6);
int is_str_at(const char *got, const char *want, const char *file, int line,
	      const char *fmt, ...) __printflike(5, 6);

/* A "    # ..." comment line. */
void diag(const char *fmt, ...) __printflike(1, 2);

/* Record n skipped tests: "ok N # skip why". */
void skip(int n, const char *why);

#define ok(cond, ...)	ok_at(!!(cond), __FILE__, __LINE__, #cond, __VA_ARGS__)
#define is(got, want, ...) \
	is_at((long long)(got), (long long)(want), __FILE__, __LINE__, __VA_ARGS__)
#define is_str(got, want, ...) \
	is_str_at((got), (want), __FILE__, __LINE__, __VA_ARGS__)

#endif
