/*
 * libc_exit: atexit handlers run newest first after main returns (40 of
 * them: more than the static 32), then stdio is flushed. The last
 * handler checks the order; its final comment line is printed without a
 * flush, and tests/libc.t checks that exit() wrote it out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "lib/tap.h"

#define HANDLERS 40

static int order[HANDLERS], ran;

#define H(i) static void h##i(void) { order[ran++] = i; }
H(1) H(2) H(3) H(4) H(5) H(6) H(7) H(8) H(9) H(10)
H(11) H(12) H(13) H(14) H(15) H(16) H(17) H(18) H(19) H(20)
H(21) H(22) H(23) H(24) H(25) H(26) H(27) H(28) H(29) H(30)
H(31) H(32) H(33) H(34) H(35) H(36) H(37) H(38) H(39)

static void (*const handlers[HANDLERS - 1])(void) = {
	h1, h2, h3, h4, h5, h6, h7, h8, h9, h10, h11, h12, h13, h14, h15, h16,
	h17, h18, h19, h20, h21, h22, h23, h24, h25, h26, h27, h28, h29, h30,
	h31, h32, h33, h34, h35, h36, h37, h38, h39,
};

/* Registered first, so it runs last: check what ran before it. */
static void
last(void)
{
	int i, bad = 0;

	for (i = 0; i < HANDLERS - 1; i++)
		bad += order[i] != HANDLERS - 1 - i;
	if (!ok(ran == HANDLERS - 1 && !bad, "39 handlers ran newest first") ||
	    done_testing())
		_exit(1);
	/* Left in stdout's buffer (not a tty here): exit() must flush it. */
	printf("    # flushed by exit()\n");
}

/* Register the handlers; everything else happens in exit(). */
int
main(void)
{
	int i, fails = 0;

	plan(3);
	fails += atexit(last) != 0;
	for (i = 0; i < HANDLERS - 1; i++)
		fails += atexit(handlers[i]) != 0;
	is(fails, 0, "atexit accepted %d handlers", HANDLERS);
	is(ran, 0, "none ran before main returned");
	return 0;
}
