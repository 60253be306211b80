/*
 * proc_orphan: children outliving their parent are reparented.
 *
 *   a grandchild whose parent (our child) exits: its getppid() was the
 *   child's pid and becomes another process's (init on Linux, the boot
 *   task here; neither the child nor us: we are no subreaper); we cannot
 *   wait for it (ECHILD); it runs on and exits, and whoever adopted it
 *   reaps it (the harness checks that no page is left behind)
 *
 *   twenty grandchildren orphaned at once, all reparented
 *   a grandchild that is already a zombie when its parent exits
 *
 * We reap our own children only; the orphans are left to the reaper.
 */
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lib/proc_raw.h"
#include "lib/tap.h"

#define MANY	20

/* What one grandchild saw: its pid, its parent before and after. */
struct seen {
	long pid, ppid_before, ppid_after;
};

/*
 * Our child forks n grandchildren. Each reports its parent on `up`
 * right away, waits for `gate` to close (after the child has exited and
 * we have reaped it), then reports its parent again and exits. The
 * child exits once we have read all n first reports and closed `hold`.
 */
static void
orphan_round(int n, const char *what)
{
	int up[2], gate[2], hold[2], st = -1, changed = 0, first_ok = 0;
	int bad = 0;
	char c;
	struct seen s[MANY];
	long other = -1;
	pid_t child;

	xpipe(up);
	xpipe(gate);
	xpipe(hold);
	child = xfork();
	if (child == 0) {
		close(gate[1]);
		close(hold[1]);
		for (int i = 0; i < n; i++) {
			pid_t g = xfork();

			if (g == 0) {
				struct seen me = { getpid(), getppid(), 0 };

				write(up[1], &me, sizeof(me));
				while (read(gate[0], &c, 1) > 0)
					;
				me.ppid_after = getppid();
				write(up[1], &me, sizeof(me));
				raw_exit(0);
			}
			if (g < 0)
				raw_exit(1);
		}
		while (read(hold[0], &c, 1) > 0)
			;
		raw_exit(0);
	}
	close(up[1]);
	close(gate[0]);
	close(hold[0]);
	for (int i = 0; i < n; i++)
		if (read_full(up[0], &s[i], sizeof(s[i])) == 0 &&
		    s[i].ppid_before == child)
			first_ok++;
	is(first_ok, n, "%s: each grandchild's parent was our child", what);
	close(hold[1]);
	is(xwait4(child, &st, 0), child, "%s: we reap our child", what);
	is(st, 0, "%s: it exited first, leaving its children", what);
	for (int i = 0; i < n; i++) {
		errno = 0;
		bad += xwait4(s[i].pid, NULL, WNOHANG) != -1 || errno != ECHILD;
	}
	is(bad, 0, "%s: the grandchildren are not ours to wait for (ECHILD)",
	   what);
	close(gate[1]);
	for (int i = 0; i < n; i++) {
		struct seen t;

		if (read_full(up[0], &t, sizeof(t)))
			break;
		if (t.ppid_after != child && t.ppid_after != getpid())
			changed++;
		if (other == -1)
			other = t.ppid_after;
		else if (t.ppid_after != other)
			other = -2;
	}
	close(up[0]);
	is(changed, n, "%s: each was reparented, to neither our child nor us",
	   what);
	ok(other >= 0, "%s: all to the same reaper (pid %ld)", what, other);
}

/* The grandchild exits before its parent: a zombie is reparented. */
static void
zombie_orphan(void)
{
	int up[2], st = -1;
	pid_t child;

	xpipe(up);
	child = xfork();
	if (child == 0) {
		pid_t pid = xfork();
		char c;

		if (pid == 0)
			raw_exit(0);
		/* Wait until it has exited: its copy of up[1] is closed. */
		close(up[1]);
		while (read(up[0], &c, 1) > 0)
			;
		for (int i = 0; i < 10; i++)
			sched_yield();
		raw_exit(pid > 0 ? (pid & 0x7f) + 1 : 0);
	}
	close(up[0]);
	close(up[1]);
	is(xwait4(child, &st, 0), child, "zombie orphan: our child is reaped");
	ok(WIFEXITED(st) && WEXITSTATUS(st) > 0,
	   "it forked a grandchild that exited, and left it unreaped");
	errno = 0;
	ok(xwait4(-1, NULL, WNOHANG | __WALL) == -1 && errno == ECHILD,
	   "the zombie did not come to us");
}

int
main(void)
{
	orphan_round(1, "one orphan");
	orphan_round(MANY, "twenty orphans");
	zombie_orphan();
	return done_testing();
}
