/*
 * proc_forkbomb: fork until the kernel says no, or 300 children.
 *
 * Every child blocks reading a pipe and exits when we close its write
 * end. If a fork fails, the error is EAGAIN (no task slot or pid left:
 * this kernel allows 256 tasks) or ENOMEM, and no half-made child is
 * left behind. With all of them alive the system still answers (getpid,
 * a pipe write); once we let them go, every one is reaped with status
 * 0 and fork works again. The harness checks that every page came back
 * and goes on to the next program.
 */
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lib/proc_raw.h"
#include "lib/tap.h"

#define MAX_CHILDREN	300

static pid_t pids[MAX_CHILDREN];

int
main(void)
{
	int gate[2], probe[2], n = 0, err = 0, reaped = 0, bad = 0, st;
	pid_t me = getpid(), pid;
	char c;

	xpipe(gate);
	while (n < MAX_CHILDREN) {
		pid = xfork();
		if (pid == 0) {
			close(gate[1]);
			while (read(gate[0], &c, 1) > 0)
				;
			raw_exit(0);
		}
		if (pid < 0) {
			err = errno;
			break;
		}
		pids[n++] = pid;
	}
	close(gate[0]);
	diag("%d children, then %s", n, n == MAX_CHILDREN ? "our own limit" :
	     strerror(err));
	ok(n > 0, "at least one fork succeeded");
	if (n < MAX_CHILDREN) {
		if (!ok(err == EAGAIN || err == ENOMEM,
			"the fork that failed: EAGAIN or ENOMEM"))
			diag("errno %d", err);
		errno = 0;
		ok(xwait4(-1, NULL, WNOHANG) == 0,
		   "the failed fork left no zombie behind (WNOHANG: 0)");
	} else {
		skip(2, "no fork failed below 300 children");
	}

	/* Still answering, with everything taken. */
	is(getpid(), me, "getpid with %d children alive", n);
	ok(xpipe(probe) == 0 && write(probe[1], "p", 1) == 1 &&
	   read(probe[0], &c, 1) == 1 && c == 'p',
	   "a pipe round trip with %d children alive", n);
	close(probe[0]);
	close(probe[1]);

	/* Let them go; reap every one. */
	close(gate[1]);
	while ((pid = xwait4(-1, &st, 0)) > 0) {
		int mine = 0;

		for (int i = 0; i < n; i++)
			if (pids[i] == pid) {
				pids[i] = 0;
				mine = 1;
			}
		reaped++;
		bad += !mine || st != 0;
	}
	is(errno, ECHILD, "wait4 went on until ECHILD");
	is(reaped, n, "all %d children reaped", n);
	is(bad, 0, "each once, with status 0");

	pid = xfork();
	if (pid == 0)
		raw_exit(5);
	st = -1;
	ok(pid > 0 && xwait4(pid, &st, 0) == pid && st == 5 << 8,
	   "fork works again afterwards");
	return done_testing();
}
