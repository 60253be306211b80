/*
 * sig_restart: system calls interrupted by a handled signal, as Linux
 * restarts them. A SIGALRM every 50 ms (setitimer ITIMER_REAL) interrupts
 * a call that blocks:
 *
 *   read of an empty pipe, wait4 for a live child, FUTEX_WAIT without a
 *     timeout (-ERESTARTSYS in Linux): -1/EINTR without SA_RESTART; with
 *     SA_RESTART they are entered again and complete once a helper (a
 *     child, or a thread for the futex) has counted three ticks and then
 *     written, exited or woken;
 *   FUTEX_WAIT with a timeout and pause (-ERESTART_RESTARTBLOCK and
 *     -ERESTARTNOHAND): EINTR even with SA_RESTART;
 *   a stop and continue runs no handler: a read blocked across it goes
 *     on without SA_RESTART.
 *
 * The restart point: with SA_RESTART the kernel rewinds eip before the
 * handler runs, so the handler's ucontext has eax = the call's number
 * and eip on the instruction that enters the kernel again. Entered by a
 * raw int $0x80, eip is that int. Entered through the vDSO (the libc's
 * read calls *%gs:0x10), eip lies in the vDSO, on either an int $0x80
 * (cd 80: Linux's __kernel_vsyscall, whose sysenter returns past it) or
 * a 2-byte jmp (eb xx: our sysenter vDSO's jump back to its sysenter);
 * a diag line says which. (Without a vDSO the libc uses int $0x80.)
 *
 * Timing matters only as "at least": a helper waits for three ticks, so
 * the blocked call has been interrupted at least twice before it can
 * complete; every wait is bounded by the ticks themselves.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include <linux/futex.h>
#include "lib/entry.h"
#include "lib/sig_raw.h"
#include "lib/sig_watchdog.h"
#include "lib/tap.h"

#define SIG_STR(x)	#x
#define SIG_NR(x)	SIG_STR(x)

/* read(fd, buf, n) by an int $0x80 at raw_read_insn: the raw eax. */
long raw_read(int fd, void *buf, unsigned long n);
extern const unsigned char raw_read_insn[];
__asm__(".text\n"
	".globl	raw_read, raw_read_insn\n"
	".type	raw_read, @function\n"
	"raw_read:\n"
	"	pushl	%ebx\n"
	"	movl	8(%esp), %ebx\n"
	"	movl	12(%esp), %ecx\n"
	"	movl	16(%esp), %edx\n"
	"	movl	$" SIG_NR(SYS_read) ", %eax\n"
	"raw_read_insn:\n"
	"	int	$0x80\n"
	"	popl	%ebx\n"
	"	ret\n"
	".size	raw_read, . - raw_read\n");

/* Each tick: where it found the program, and a byte to tick_fd. */
#define MAXT	64
static volatile int ticks;
static volatile unsigned long tick_eip[MAXT], tick_eax[MAXT];
static int tick_fd = -1;

static void
on_alarm(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	int saved = errno;

	(void)sig;
	(void)si;
	if (ticks < MAXT) {
		tick_eip[ticks] = uc->uc_mcontext.gregs[REG_EIP];
		tick_eax[ticks] = uc->uc_mcontext.gregs[REG_EAX];
	}
	ticks++;
	if (tick_fd >= 0)
		write(tick_fd, "t", 1);
	errno = saved;
}

/* SIGALRM to on_alarm (SA_RESTART or not), ticking every 50 ms. */
static void
start(int restart)
{
	struct itimerval it = { { 0, 50000 }, { 0, 50000 } };
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_alarm;
	sa.sa_flags = SA_SIGINFO | (restart ? SA_RESTART : 0);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	ticks = 0;
	setitimer(ITIMER_REAL, &it, NULL);
}

static void
stop(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 0 } };

	setitimer(ITIMER_REAL, &it, NULL);
	tick_fd = -1;
}

/* Read exactly n bytes (going on after EINTR); 0, or -1. */
static int
read_full(int fd, void *buf, size_t n)
{
	char *p = buf;

	while (n) {
		ssize_t r = read(fd, p, n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		p += r;
		n -= r;
	}
	return 0;
}

/* A child that waits for three ticks on fd, writes 'x' to out (if not
 * -1) and exits with 0. */
static pid_t
helper(int ticks_fd, int out)
{
	pid_t pid = fork();
	char buf[3];

	if (pid == 0) {
		int r = read_full(ticks_fd, buf, 3);

		if (out >= 0 && write(out, "x", 1) != 1)
			r = -1;
		_exit(r ? 1 : 0);
	}
	return pid;
}

/*
 * The tick that found the program at a restart point of call nr: eax is
 * nr and eip on an int $0x80 or a 2-byte jmp (at `at`, if not 0). Its
 * index, or -1.
 */
static int
restart_tick(long nr, unsigned long at)
{
	int i, n = ticks < MAXT ? ticks : MAXT;

	for (i = 0; i < n; i++) {
		const unsigned char *p = (const unsigned char *)tick_eip[i];

		if ((long)tick_eax[i] != nr)
			continue;
		if (at ? tick_eip[i] == at :
		    (p[0] == 0xcd && p[1] == 0x80) || p[0] == 0xeb)
			return i;
	}
	return -1;
}

static void
test_read(void)
{
	int data[2], tk[2], status, i;
	unsigned long eip;
	struct vdso v;
	char c = 0;
	long r;
	pid_t pid;

	pipe(data);

	start(0);
	r = read(data[0], &c, 1);
	stop();
	ok(r == -1 && errno == EINTR, "read of an empty pipe, no SA_RESTART: EINTR (r %ld)", r);
	ok(ticks >= 1, "after a tick");

	start(0);
	r = raw_read(data[0], &c, 1);
	stop();
	is(r, -EINTR, "the same by int $0x80: -EINTR");

	/* SA_RESTART, through the libc (the vDSO when there is one). */
	pipe(tk);
	pid = helper(tk[0], data[1]);
	tick_fd = tk[1];
	start(1);
	r = read(data[0], &c, 1);
	stop();
	ok(r == 1 && c == 'x', "SA_RESTART: the read went on and got the data (r %ld)", r);
	ok(ticks >= 3, "after %d ticks", ticks);
	waitpid(pid, &status, 0);
	i = restart_tick(SYS_read, 0);
	ok(i >= 0, "a tick found eax = SYS_read and eip on the instruction that "
	   "enters the kernel again");
	if (i >= 0) {
		const unsigned char *p = (const unsigned char *)(eip = tick_eip[i]);

		if (getauxval(AT_SYSINFO) &&
		    !vdso_open(&v, getauxval(AT_SYSINFO_EHDR))) {
			ok(eip >= v.start && eip < v.end,
			   "entered through the vDSO: the restart point %#lx is in it", eip);
			diag("restart point: vDSO+%#lx: %s (%02x %02x)",
			     eip - v.start, p[0] == 0xcd ? "int $0x80" : "2-byte jmp",
			     p[0], p[1]);
		} else {
			ok(p[0] == 0xcd && p[1] == 0x80, "no vDSO: the restart point is an int $0x80");
		}
	} else {
		skip(1, "no restart point seen");
	}
	close(tk[0]);
	close(tk[1]);

	/* SA_RESTART, by a raw int $0x80: eip is that int. */
	pipe(tk);
	pid = helper(tk[0], data[1]);
	tick_fd = tk[1];
	start(1);
	r = raw_read(data[0], &c, 1);
	stop();
	ok(r == 1 && c == 'x', "SA_RESTART by int $0x80: the read got the data (r %ld)", r);
	waitpid(pid, &status, 0);
	ok(restart_tick(SYS_read, (unsigned long)raw_read_insn) >= 0,
	   "a tick found eax = SYS_read and eip on that int $0x80 (%#lx)",
	   (unsigned long)raw_read_insn);
	close(tk[0]);
	close(tk[1]);
	close(data[0]);
	close(data[1]);
}

static void
test_wait4(void)
{
	int go[2], tk[2], status = -1;
	pid_t pid, r;

	pipe(go);
	pid = fork();
	if (pid == 0) {
		char c;

		close(go[1]);
		_exit(read(go[0], &c, 1) == 1 ? 0 : 1);
	}
	close(go[0]);
	start(0);
	r = wait4(pid, &status, 0, NULL);
	stop();
	ok(r == -1 && errno == EINTR, "wait4 for a live child, no SA_RESTART: EINTR (r %d)", r);
	write(go[1], "g", 1);
	r = wait4(pid, &status, 0, NULL);
	ok(r == pid && status == 0, "then the child is reaped (status %#x)", status);
	close(go[1]);

	pipe(tk);
	pid = helper(tk[0], -1);
	tick_fd = tk[1];
	start(1);
	r = wait4(pid, &status, 0, NULL);
	stop();
	ok(r == pid && status == 0, "SA_RESTART: wait4 went on until the child "
	   "exited (r %d, status %#x)", r, status);
	ok(ticks >= 3, "after %d ticks", ticks);
	close(tk[0]);
	close(tk[1]);
}

static volatile int word;
static int thread_tick_fd;

static void *
waker(void *arg)
{
	uint64_t alrm = KSIGBIT(SIGALRM);
	char buf[3];

	(void)arg;
	ksigprocmask(KSIG_BLOCK, &alrm, NULL);	/* the ticks are for main */
	read_full(thread_tick_fd, buf, 3);
	word = 1;
	syscall(SYS_futex, &word, FUTEX_WAKE, 1, NULL, NULL, 0);
	return NULL;
}

static void
test_futex(void)
{
	struct timespec ts = { 2, 0 };
	int tk[2], e;
	pthread_t t;
	long r;

	word = 0;
	start(0);
	r = syscall(SYS_futex, &word, FUTEX_WAIT, 0, NULL, NULL, 0);
	e = errno;
	stop();
	ok(r == -1 && e == EINTR, "FUTEX_WAIT, no timeout, no SA_RESTART: EINTR (r %ld)", r);

	pipe(tk);
	thread_tick_fd = tk[0];
	tick_fd = tk[1];
	start(1);
	pthread_create(&t, NULL, waker, NULL);
	r = syscall(SYS_futex, &word, FUTEX_WAIT, 0, NULL, NULL, 0);
	e = errno;
	stop();
	pthread_join(t, NULL);
	/* 0 when woken; EAGAIN if the word changed before it was entered again. */
	ok(r == 0 || (r == -1 && e == EAGAIN),
	   "FUTEX_WAIT, no timeout, SA_RESTART: it went on until woken (r %ld, errno %d)",
	   r, r ? e : 0);
	ok(ticks >= 3, "after %d ticks", ticks);
	close(tk[0]);
	close(tk[1]);

	word = 0;
	start(1);
	r = syscall(SYS_futex, &word, FUTEX_WAIT, 0, &ts, NULL, 0);
	e = errno;
	stop();
	ok(r == -1 && e == EINTR,
	   "FUTEX_WAIT with a timeout: EINTR even with SA_RESTART (r %ld)", r);

	start(1);
	r = pause();
	e = errno;
	stop();
	ok(r == -1 && e == EINTR, "pause: EINTR even with SA_RESTART");
}

/* No handler runs for a stop and a continue: the read goes on. */
static void
test_stop_cont(void)
{
	int data[2], ready[2], status;
	struct timespec ts = { 0, 50000000 };
	pid_t pid;
	char c;

	pipe(data);
	pipe(ready);
	pid = fork();
	if (pid == 0) {
		struct sigaction sa;

		/* A handler for SIGCONT without SA_RESTART would make it EINTR. */
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = SIG_DFL;
		sigaction(SIGCONT, &sa, NULL);
		write(ready[1], "r", 1);
		_exit(read(data[0], &c, 1) == 1 && c == 'x' ? 0 : 1);
	}
	read(ready[0], &c, 1);
	nanosleep(&ts, NULL);		/* most likely in its read by now */
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	ok(WIFSTOPPED(status), "the reading child stopped");
	kill(pid, SIGCONT);
	nanosleep(&ts, NULL);
	write(data[1], "x", 1);
	waitpid(pid, &status, 0);
	is(status, 0, "after SIGSTOP and SIGCONT its read got the data, no EINTR");
	close(data[0]);
	close(data[1]);
	close(ready[0]);
	close(ready[1]);
}

int
main(void)
{
	sig_watchdog_start(10);
	test_read();
	test_wait4();
	test_futex();
	test_stop_cont();
	sig_watchdog_stop();
	return done_testing();
}
