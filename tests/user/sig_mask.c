/*
 * sig_mask: blocking, pending and queueing as Linux 6.1 does them.
 *
 *   sigprocmask SIG_BLOCK / SIG_UNBLOCK / SIG_SETMASK, with the old mask
 *     back; SIGKILL and SIGSTOP are dropped silently from any new mask;
 *   a blocked signal is pending (sigpending) and delivered when
 *     unblocked, before the unblocking call returns; a standard signal
 *     sent twice while blocked is delivered once, a real-time one sent
 *     three times (sigqueue) three times, in the order sent;
 *   several pending signals: dequeued lowest number first. With handlers
 *     that block everything (sa_mask full) they run in that order; with
 *     empty sa_masks Linux sets up every frame before returning to user
 *     mode, each on top of the previous one, so the handlers run in the
 *     reverse order (the highest number first);
 *   a blocked signal whose action is SIG_IGN still becomes pending;
 *     setting SIG_IGN discards it;
 *   sigsuspend swaps the mask atomically, returns -1/EINTR once a handler
 *     ran (its uc_sigmask is the mask before sigsuspend), and the old mask
 *     is back after it;
 *   errors: rt_sigprocmask with a bad how is EINVAL (but with no new set
 *     how is not looked at: 0), sigsetsize other than 8 is EINVAL, a bad
 *     set pointer EFAULT (the mask unchanged), a bad old-set pointer
 *     EFAULT after the new mask took effect; rt_sigpending accepts a size
 *     up to 8 (4 too) and refuses 16; rt_sigsuspend wants exactly 8;
 *     kill with signal 0 checks the pid exists (ESRCH for a reaped
 *     child's), kill with signal 65 or -1 is EINVAL, tgkill with a wrong
 *     tgid is ESRCH and with tgid 0 EINVAL.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>
#include "lib/sig_raw.h"
#include "lib/sig_watchdog.h"
#include "lib/tap.h"

#define BAD_PTR	((void *)0x1000)	/* below any mapping */

static volatile int order[16], norder, values[16];
static uint64_t seen_ucmask, seen_mask;

static void
record(int sig, siginfo_t *si, void *ucv)
{
	if (norder < 16) {
		order[norder] = sig;
		values[norder] = si->si_code == SI_QUEUE ? si->si_value.sival_int : 0;
	}
	norder++;
	memcpy(&seen_ucmask, &((ucontext_t *)ucv)->uc_sigmask, sizeof seen_ucmask);
	seen_mask = kmask();
}

static void
handle(int sig, int full_mask)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = record;
	sa.sa_flags = SA_SIGINFO;
	if (full_mask)
		sigfillset(&sa.sa_mask);
	else
		sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void
setmask(uint64_t m)
{
	ksigprocmask(KSIG_SETMASK, &m, NULL);
}

static void
reset(void)
{
	norder = 0;
	memset((void *)order, 0, sizeof order);
	memset((void *)values, 0, sizeof values);
}

static void
test_how(void)
{
	sigset_t s, old;

	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	sigaddset(&s, SIGHUP);
	setmask(0);
	is(sigprocmask(SIG_BLOCK, &s, &old), 0, "SIG_BLOCK");
	ok(!sigismember(&old, SIGUSR1), "the old mask was empty");
	is(kmask(), KSIGBIT(SIGUSR1) | KSIGBIT(SIGHUP), "SIGUSR1 and SIGHUP blocked");
	sigemptyset(&s);
	sigaddset(&s, SIGHUP);
	sigaddset(&s, SIGUSR2);		/* not blocked: no matter */
	is(sigprocmask(SIG_UNBLOCK, &s, &old), 0, "SIG_UNBLOCK");
	ok(sigismember(&old, SIGUSR1) && sigismember(&old, SIGHUP),
	   "the old mask had both");
	is(kmask(), KSIGBIT(SIGUSR1), "SIGHUP unblocked, SIGUSR1 still blocked");
	sigemptyset(&s);
	sigaddset(&s, SIGTERM);
	sigaddset(&s, 40);
	is(sigprocmask(SIG_SETMASK, &s, NULL), 0, "SIG_SETMASK");
	is(kmask(), KSIGBIT(SIGTERM) | KSIGBIT(40), "replaced the mask");

	sigfillset(&s);
	sigprocmask(SIG_SETMASK, &s, NULL);
	is(kmask(), ~(KSIGBIT(SIGKILL) | KSIGBIT(SIGSTOP)),
	   "a full mask: everything but SIGKILL and SIGSTOP");
	setmask(KSIGBIT(SIGKILL) | KSIGBIT(SIGSTOP) | KSIGBIT(SIGUSR2));
	is(kmask(), KSIGBIT(SIGUSR2), "SIGKILL and SIGSTOP dropped from the raw set");
	setmask(0);
}

static void
test_pending(void)
{
	sigset_t p;
	int i;

	handle(SIGUSR1, 0);
	handle(40, 0);
	reset();
	setmask(KSIGBIT(SIGUSR1) | KSIGBIT(40));
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	for (i = 1; i <= 3; i++)
		sigqueue(getpid(), 40, (union sigval){ .sival_int = i });
	is(norder, 0, "blocked: nothing delivered");
	sigemptyset(&p);
	is(sigpending(&p), 0, "sigpending");
	ok(sigismember(&p, SIGUSR1) && sigismember(&p, 40) && !sigismember(&p, SIGUSR2),
	   "SIGUSR1 and 40 are pending");
	setmask(KSIGBIT(40));
	is(norder, 1, "SIGUSR1, sent twice, delivered once on unblocking");
	sigpending(&p);
	ok(!sigismember(&p, SIGUSR1), "and no longer pending");
	reset();
	setmask(0);
	is(norder, 3, "signal 40, queued three times, delivered three times");
	ok(values[0] == 1 && values[1] == 2 && values[2] == 3,
	   "in the order sent (values %d %d %d)", values[0], values[1], values[2]);
}

static void
test_order(void)
{
	static const int sent[] = { 42, SIGUSR2, 41, SIGUSR1, 41 };
	int full, i;

	for (full = 1; full >= 0; full--) {
		handle(SIGUSR1, full);
		handle(SIGUSR2, full);
		handle(41, full);
		handle(42, full);
		setmask(~0ULL);
		reset();
		for (i = 0; i < 5; i++)
			kill(getpid(), sent[i]);
		setmask(0);
		is(norder, 5, "%s: all five delivered", full ? "sa_mask full" : "empty sa_mask");
		if (full)
			ok(order[0] == SIGUSR1 && order[1] == SIGUSR2 && order[2] == 41 &&
			   order[3] == 41 && order[4] == 42,
			   "sa_mask full: handlers in number order (%d %d %d %d %d)",
			   order[0], order[1], order[2], order[3], order[4]);
		else
			ok(order[0] == 42 && order[1] == 41 && order[2] == 41 &&
			   order[3] == SIGUSR2 && order[4] == SIGUSR1,
			   "empty sa_mask: frames stacked, handlers in reverse "
			   "(%d %d %d %d %d)", order[0], order[1], order[2],
			   order[3], order[4]);
	}
}

static void
test_ignored(void)
{
	struct sigaction sa;
	sigset_t p;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGUSR2, &sa, NULL);
	setmask(KSIGBIT(SIGUSR2));
	kill(getpid(), SIGUSR2);
	sigemptyset(&p);
	sigpending(&p);
	ok(sigismember(&p, SIGUSR2), "blocked and ignored: still pending");
	sigaction(SIGUSR2, &sa, NULL);
	sigemptyset(&p);
	sigpending(&p);
	ok(!sigismember(&p, SIGUSR2), "setting SIG_IGN again discards it");
	setmask(0);
}

static void
test_sigsuspend(void)
{
	int go[2], status, r, e;
	sigset_t none;
	pid_t pid, parent = getpid();
	char c;

	handle(SIGUSR1, 0);
	sigemptyset(&none);

	/* Pending before: delivered at once. */
	reset();
	setmask(KSIGBIT(SIGUSR1) | KSIGBIT(SIGHUP));
	kill(getpid(), SIGUSR1);
	r = sigsuspend(&none);
	e = errno;
	ok(r == -1 && e == EINTR, "sigsuspend with SIGUSR1 pending: -1/EINTR");
	is(norder, 1, "the handler ran once");
	is(seen_mask, KSIGBIT(SIGUSR1), "it ran with sigsuspend's mask plus the signal");
	is(seen_ucmask, KSIGBIT(SIGUSR1) | KSIGBIT(SIGHUP),
	   "its uc_sigmask: the mask before sigsuspend");
	is(kmask(), KSIGBIT(SIGUSR1) | KSIGBIT(SIGHUP), "that mask is back after it");

	/* Sent while asleep, by a child told to go before sigsuspend. */
	reset();
	pipe(go);
	pid = fork();
	if (pid == 0) {
		_exit(read(go[0], &c, 1) == 1 && kill(parent, SIGUSR1) == 0 ? 0 : 1);
	}
	write(go[1], "g", 1);
	r = sigsuspend(&none);
	e = errno;
	ok(r == -1 && e == EINTR && norder == 1,
	   "sigsuspend woken by a child's SIGUSR1: EINTR after the handler");
	waitpid(pid, &status, 0);
	is(kmask(), KSIGBIT(SIGUSR1) | KSIGBIT(SIGHUP), "the mask is back");
	close(go[0]);
	close(go[1]);
	setmask(0);
}

static void
test_errors(void)
{
	uint64_t set = KSIGBIT(SIGUSR2), old = 0;
	int status;
	pid_t pid;

	setmask(0);
	is(ksigprocmask(3, &set, NULL), -EINVAL, "rt_sigprocmask how 3: EINVAL");
	is(ksigprocmask(-1, &set, NULL), -EINVAL, "how -1: EINVAL");
	is(ksigprocmask(99, NULL, &old), 0, "how 99 with no new set: 0");
	is(ksys(SYS_rt_sigprocmask, KSIG_BLOCK, (long)&set, 0, 4), -EINVAL,
	   "sigsetsize 4: EINVAL");
	is(ksys(SYS_rt_sigprocmask, KSIG_BLOCK, (long)&set, 0, 16), -EINVAL,
	   "sigsetsize 16: EINVAL");
	is(ksigprocmask(KSIG_BLOCK, BAD_PTR, NULL), -EFAULT, "bad set: EFAULT");
	is(ksigprocmask(KSIG_BLOCK, (void *)0xc0100000, NULL), -EFAULT,
	   "set in the kernel: EFAULT");
	is(kmask(), 0, "the mask is unchanged");
	is(ksigprocmask(KSIG_BLOCK, &set, BAD_PTR), -EFAULT, "bad old set: EFAULT");
	is(kmask(), KSIGBIT(SIGUSR2), "but the new mask took effect");
	setmask(0);

	is(ksys(SYS_rt_sigpending, (long)&old, 16, 0, 0), -EINVAL,
	   "rt_sigpending size 16: EINVAL");
	is(ksys(SYS_rt_sigpending, (long)&old, 4, 0, 0), 0, "rt_sigpending size 4: 0");
	is(ksys(SYS_rt_sigpending, (long)BAD_PTR, 8, 0, 0), -EFAULT,
	   "rt_sigpending bad pointer: EFAULT");
	is(ksys(SYS_rt_sigsuspend, (long)&set, 4, 0, 0), -EINVAL,
	   "rt_sigsuspend size 4: EINVAL");
	is(ksys(SYS_rt_sigsuspend, (long)&set, 16, 0, 0), -EINVAL,
	   "rt_sigsuspend size 16: EINVAL");

	pid = fork();
	if (pid == 0)
		_exit(0);
	waitpid(pid, &status, 0);
	is(kkill(getpid(), 0), 0, "kill(self, 0): 0");
	is(kkill(pid, 0), -ESRCH, "kill(reaped child, 0): ESRCH");
	is(kkill(getpid(), 65), -EINVAL, "kill with signal 65: EINVAL");
	is(kkill(getpid(), -1), -EINVAL, "kill with signal -1: EINVAL");
	is(ktgkill(getpid(), kgettid(), 0), 0, "tgkill(self, self, 0): 0");
	is(ktgkill(pid, kgettid(), SIGUSR1), -ESRCH, "tgkill with a wrong tgid: ESRCH");
	is(ktgkill(0, kgettid(), SIGUSR1), -EINVAL, "tgkill with tgid 0: EINVAL");
	is(ktgkill(getpid(), kgettid(), 65), -EINVAL, "tgkill with signal 65: EINVAL");
}

int
main(void)
{
	sig_watchdog_start(10);
	test_how();
	test_pending();
	test_order();
	test_ignored();
	test_sigsuspend();
	test_errors();
	setmask(0);
	sig_watchdog_stop();
	return done_testing();
}
