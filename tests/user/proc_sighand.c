/*
 * Signal-handler tables: rt_sigaction and sigaction store and report
 * handlers with Linux's checks; fork copies the table, CLONE_SIGHAND
 * shares it, execve resets caught signals to SIG_DFL and keeps ignored
 * ones. (Delivery is another matter: this only sets and reads actions.)
 */
#include <asm/unistd_32.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/tap.h"
#include <errno.h>

/* The kernel's rt_sigaction structure on i386. */
struct ksa {
	unsigned long handler, flags, restorer;
	unsigned long long mask;
};

/* sigaction(2)'s old structure. */
struct osa {
	unsigned long handler, mask, flags, restorer;
};

#define HANDLER_A	0x08049000UL	/* any address: never called here */
#define HANDLER_B	0x0804a000UL
#define SIG_IGN_V	1UL
#define SIG_DFL_V	0UL

static long rt(int sig, const struct ksa *act, struct ksa *old, long size)
{
	return syscall(__NR_rt_sigaction, sig, act, old, size);
}

static unsigned long handler_of(int sig)
{
	struct ksa old;

	memset(&old, 0xff, sizeof(old));
	rt(sig, NULL, &old, 8);
	return old.handler;
}

static void set_handler(int sig, unsigned long h)
{
	struct ksa act = { h, 0, 0, 0 };

	rt(sig, &act, NULL, 8);
}

static void store_and_read(void)
{
	struct ksa act = { HANDLER_A, SA_RESTORER | SA_RESTART | 0x400,
			   HANDLER_B, ~0ULL }, old;

	is(rt(SIGUSR1, &act, NULL, 8), 0, "rt_sigaction sets SIGUSR1");
	memset(&old, 0, sizeof(old));
	is(rt(SIGUSR1, NULL, &old, 8), 0, "and reads it back");
	is(old.handler, HANDLER_A, "handler kept");
	is(old.restorer, HANDLER_B, "restorer kept");
	is(old.flags, SA_RESTORER | SA_RESTART,
	   "flags kept, the unknown bit 0x400 dropped");
	is(old.mask, ~((1ULL << (SIGKILL - 1)) | (1ULL << (SIGSTOP - 1))),
	   "mask kept without SIGKILL and SIGSTOP");
	is(handler_of(SIGUSR2), SIG_DFL_V, "an untouched signal is SIG_DFL");
}

static void bad_arguments(void)
{
	struct ksa act = { HANDLER_A, 0, 0, 0 }, old;

	is(rt(SIGKILL, &act, NULL, 8), -1, "SIGKILL cannot be caught");
	is(errno, EINVAL, "EINVAL");
	is(rt(SIGSTOP, &act, NULL, 8), -1, "SIGSTOP cannot be caught");
	is(rt(SIGKILL, NULL, &old, 8), 0, "but SIGKILL's action can be read");
	is(rt(0, NULL, &old, 8), -1, "signal 0: EINVAL");
	is(errno, EINVAL, "EINVAL");
	is(rt(65, NULL, &old, 8), -1, "signal 65: EINVAL");
	is(rt(SIGUSR1, &act, NULL, 4), -1, "sigsetsize 4: EINVAL");
	is(errno, EINVAL, "EINVAL");
	is(rt(SIGUSR1, (void *)0xc0000000, NULL, 8), -1, "bad act: EFAULT");
	is(errno, EFAULT, "EFAULT");
	is(rt(SIGUSR1, NULL, (void *)0x1000, 8), -1, "bad oact: EFAULT");
	is(errno, EFAULT, "EFAULT");
}

static void old_sigaction(void)
{
	struct osa act = { HANDLER_B, 0x12, SA_RESTORER, HANDLER_A }, old;

	is(syscall(__NR_sigaction, SIGALRM, &act, NULL), 0, "sigaction sets");
	memset(&old, 0, sizeof(old));
	is(syscall(__NR_sigaction, SIGALRM, NULL, &old), 0, "and reads");
	is(old.handler, HANDLER_B, "old layout: handler");
	is(old.mask, 0x12, "old layout: 32-bit mask");
	is(old.flags, SA_RESTORER, "old layout: flags");
	is(handler_of(SIGALRM), HANDLER_B, "seen by rt_sigaction too");
	set_handler(SIGALRM, SIG_DFL_V);
}

static void fork_copies(void)
{
	int status;
	pid_t pid;

	set_handler(SIGUSR2, HANDLER_A);
	pid = fork();
	if (pid == 0) {
		int ok = handler_of(SIGUSR2) == HANDLER_A;

		set_handler(SIGUSR2, HANDLER_B);
		_exit(ok ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	is(WEXITSTATUS(status), 0, "the fork child inherits the handler");
	is(handler_of(SIGUSR2), HANDLER_A,
	   "the child's change does not reach the parent");
}

static char thread_stack[8192] __attribute__((aligned(16)));

static int change_handler(void *arg)
{
	(void)arg;
	set_handler(SIGUSR2, HANDLER_B);
	return 0;
}

static void clone_sighand_shares(void)
{
	int status;
	pid_t pid;

	set_handler(SIGUSR2, HANDLER_A);
	pid = clone(change_handler, thread_stack + sizeof(thread_stack),
		    CLONE_VM | CLONE_SIGHAND | SIGCHLD, NULL);
	ok(pid > 0, "clone CLONE_VM|CLONE_SIGHAND");
	waitpid(pid, &status, 0);
	is(handler_of(SIGUSR2), HANDLER_B,
	   "a CLONE_SIGHAND child's change is the parent's");
}

static void exec_resets(const char *self)
{
	char *argv[] = { (char *)self, "after-exec", NULL };
	int status;
	pid_t pid;

	set_handler(SIGUSR1, HANDLER_A);
	set_handler(SIGUSR2, SIG_IGN_V);
	pid = fork();
	if (pid == 0) {
		execve(self, argv, NULL);
		_exit(99);
	}
	waitpid(pid, &status, 0);
	is(WEXITSTATUS(status), 0,
	   "after execve: caught SIGUSR1 is SIG_DFL, ignored SIGUSR2 stays ignored");
}

int main(int argc, char **argv)
{
	if (argc > 1)	/* the exec'd image: check what execve left */
		return !(handler_of(SIGUSR1) == SIG_DFL_V &&
			 handler_of(SIGUSR2) == SIG_IGN_V);
	store_and_read();
	bad_arguments();
	old_sigaction();
	fork_copies();
	clone_sighand_shares();
	exec_resets(argv[0]);
	return done_testing();
}
