/*
 * libc_signal: the libc's signal API on the Linux i386 ABI. Layouts
 * (sigset_t, struct sigaction, siginfo_t, ucontext_t, jmp_buf as
 * glibc's), sigset operations, sigaction set and read back, handlers run
 * by raise (SI_TKILL), kill (SI_USER), sigqueue (SI_QUEUE) and a fault
 * (SEGV_MAPERR, with the registers in the ucontext, changed there and
 * taken back by rt_sigreturn), SA_RESETHAND/SA_NODEFER/SA_ONSTACK,
 * masks (sigprocmask, pthread_sigmask, sigpending, sigsuspend,
 * sigwaitinfo, sigtimedwait, sigwait), signal() and SIG_IGN, timers
 * (alarm, pause, setitimer, getitimer), sleep and usleep, EINTR with
 * siginterrupt, setjmp/longjmp, sigsetjmp/siglongjmp out of a handler,
 * abort in children, pthread_kill, strsignal.
 *
 * Under qemu-i386 (tests/libc.t) the main thread runs no handler once a
 * second thread exists (see test_pthread_kill); getuid must work for the
 * si_uid check.
 *
 * Timing checks are lower bounds only. A wait for a signal starts with
 * the signal pending, or is bounded (in time, or by a watchdog child's
 * SIGUSR2 for pause and read), so a kernel whose timers do not fire
 * fails the test instead of hanging it.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include "lib/tap.h"

/* What the handlers saw. */
static volatile sig_atomic_t hits, last_sig;
static volatile int seen_code, seen_pid, seen_uid, seen_value, seen_tid;
static volatile int blocked_self, blocked_other, uc_blocked_usr2, uc_blocked_usr1;
static volatile int edit_uc_mask;
static volatile uintptr_t seen_sp;

/* Microseconds of CLOCK_MONOTONIC. */
static long long
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

/* Is sig in the calling thread's mask? */
static int
is_blocked(int sig)
{
	sigset_t m;

	sigprocmask(SIG_BLOCK, NULL, &m);
	return sigismember(&m, sig);
}

/* Is sig pending? */
static int
is_pending(int sig)
{
	sigset_t p;

	return sigpending(&p) == 0 && sigismember(&p, sig) == 1;
}

/* Set sig's action: handler h (or SIG_DFL/SIG_IGN), flags, mask {extra}. */
static int
set_action(int sig, void (*h)(int), int flags, int extra)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	if (extra)
		sigaddset(&sa.sa_mask, extra);
	return sigaction(sig, &sa, NULL);
}

/* Set sig's SA_SIGINFO handler h, plus flags. */
static int
set_info_action(int sig, void (*h)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = h;
	sa.sa_flags = SA_SIGINFO | flags;
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

/* Unblock sig (or every signal with 0). */
static void
unblock(int sig)
{
	sigset_t s;

	sigemptyset(&s);
	if (sig)
		sigaddset(&s, sig);
	sigprocmask(sig ? SIG_UNBLOCK : SIG_SETMASK, &s, NULL);
}

/* Block sig. */
static void
block(int sig)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, sig);
	sigprocmask(SIG_BLOCK, &s, NULL);
}

/* Wait (yielding) up to 5 s for hits to reach n; whether it did. */
static int
wait_hits(int n)
{
	long long end = now_us() + 5000000;

	while (hits < n && now_us() < end)
		sched_yield();
	return hits >= n;
}

/* A plain handler: counts, records the signal and the mask it runs with. */
static void
count_handler(int sig)
{
	hits++;
	last_sig = sig;
	blocked_self = is_blocked(sig);
	blocked_other = is_blocked(SIGUSR2);
	seen_tid = gettid();
}

/* An SA_SIGINFO handler: records the siginfo and bits of the ucontext. */
static void
info_handler(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;

	hits++;
	last_sig = sig;
	seen_code = si->si_code;
	seen_pid = si->si_pid;
	seen_uid = si->si_uid;
	seen_value = si->si_value.sival_int;
	uc_blocked_usr2 = sigismember(&uc->uc_sigmask, SIGUSR2);
	uc_blocked_usr1 = sigismember(&uc->uc_sigmask, SIGUSR1);
	/* rt_sigreturn takes the mask from here. */
	if (edit_uc_mask)
		sigaddset(&uc->uc_sigmask, SIGUSR2);
}

/* --- layouts and constants -------------------------------------------- */

static void
test_layout(void)
{
	ok(sizeof(sigset_t) == 128 && NSIG == 65 && _NSIG == 65 && SIGRTMIN == 34 &&
	   SIGRTMAX == 64, "sigset_t 128 bytes, NSIG 65, SIGRTMIN 34, SIGRTMAX 64");
	ok(sizeof(struct sigaction) == 140 &&
	   offsetof(struct sigaction, sa_mask) == 4 &&
	   offsetof(struct sigaction, sa_flags) == 132 &&
	   offsetof(struct sigaction, sa_restorer) == 136,
	   "struct sigaction: glibc's i386 layout");
	ok(sizeof(siginfo_t) == 128 && offsetof(siginfo_t, si_code) == 8 &&
	   offsetof(siginfo_t, si_pid) == 12 && offsetof(siginfo_t, si_uid) == 16 &&
	   offsetof(siginfo_t, si_value) == 20 && offsetof(siginfo_t, si_status) == 20 &&
	   offsetof(siginfo_t, si_addr) == 12 && offsetof(siginfo_t, si_fd) == 16,
	   "siginfo_t: 128 bytes, the kernel's fields");
	ok(sizeof(stack_t) == 12 && offsetof(stack_t, ss_flags) == 4 &&
	   SS_ONSTACK == 1 && SS_DISABLE == 2 && MINSIGSTKSZ == 2048 && SIGSTKSZ == 8192,
	   "stack_t and its constants");
	ok(offsetof(ucontext_t, uc_mcontext) == 20 &&
	   offsetof(ucontext_t, uc_sigmask) == 108 && sizeof(ucontext_t) == 364 &&
	   REG_EIP == 14 && REG_ESP == 7 && REG_EAX == 11 && NGREG == 19,
	   "ucontext_t: glibc's i386 layout, REG_* as the sigcontext");
	ok(sizeof(jmp_buf) == 156 && sizeof(sigjmp_buf) == 156, "jmp_buf: 156 bytes");
	ok(SA_RESTART == 0x10000000 && SA_SIGINFO == 4 && SA_RESTORER == 0x04000000 &&
	   SA_ONSTACK == 0x08000000 && SA_NODEFER == 0x40000000 &&
	   (unsigned)SA_RESETHAND == 0x80000000u && SIG_BLOCK == 0 && SIG_UNBLOCK == 1 &&
	   SIG_SETMASK == 2, "SA_* and SIG_* as Linux's");
	ok(SI_USER == 0 && SI_QUEUE == -1 && SI_TKILL == -6 && SEGV_MAPERR == 1 &&
	   CLD_EXITED == 1 && ILL_ILLOPC == 1 && FPE_INTDIV == 1 && BUS_ADRALN == 1 &&
	   TRAP_BRKPT == 1, "si_code values as Linux's");
	ok(SIG_DFL == (sighandler_t)0 && SIG_IGN == (sighandler_t)1 &&
	   SIG_ERR == (sighandler_t)-1, "SIG_DFL, SIG_IGN, SIG_ERR");
}

/* --- sigset_t ------------------------------------------------------------- */

static void
test_sigset(void)
{
	sigset_t s;
	int i, all = 1, none = 1;

	memset(&s, 0xa5, sizeof s);
	is(sigemptyset(&s), 0, "sigemptyset");
	for (i = 1; i < NSIG; i++)
		none &= sigismember(&s, i) == 0;
	ok(none, "empty: no signal is a member");
	ok(sigaddset(&s, SIGINT) == 0 && sigaddset(&s, SIGRTMAX) == 0 &&
	   sigaddset(&s, 32) == 0, "sigaddset SIGINT, 32, SIGRTMAX");
	ok(sigismember(&s, SIGINT) == 1 && sigismember(&s, SIGRTMAX) == 1 &&
	   sigismember(&s, 32) == 1 && sigismember(&s, SIGQUIT) == 0 &&
	   sigismember(&s, 33) == 0, "members are exactly those");
	ok(s.__val[0] == (1UL << (SIGINT - 1) | 1UL << 31) && s.__val[1] == 1UL << 31 &&
	   s.__val[2] == 0, "the kernel's bits: signal n is bit n - 1");
	ok(sigdelset(&s, SIGINT) == 0 && sigismember(&s, SIGINT) == 0 &&
	   sigismember(&s, SIGRTMAX) == 1, "sigdelset");
	is(sigfillset(&s), 0, "sigfillset");
	for (i = 1; i < NSIG; i++)
		all &= sigismember(&s, i) == 1;
	ok(all, "full: signals 1..64 are members");
	errno = 0;
	ok(sigaddset(&s, 0) == -1 && errno == EINVAL, "sigaddset(0): EINVAL");
	errno = 0;
	ok(sigaddset(&s, NSIG) == -1 && errno == EINVAL, "sigaddset(NSIG): EINVAL");
	errno = 0;
	ok(sigdelset(&s, -1) == -1 && errno == EINVAL, "sigdelset(-1): EINVAL");
	errno = 0;
	ok(sigismember(&s, 1000) == -1 && errno == EINVAL, "sigismember(1000): EINVAL");
}

/* --- sigaction -------------------------------------------------------- */

static void
test_sigaction(void)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = count_handler;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaddset(&sa.sa_mask, SIGRTMIN + 1);
	sa.sa_flags = SA_RESTART;
	is(sigaction(SIGUSR1, &sa, NULL), 0, "sigaction(SIGUSR1) sets a handler");
	memset(&old, 0x5a, sizeof old);
	is(sigaction(SIGUSR1, NULL, &old), 0, "and reads it back");
	ok(old.sa_handler == count_handler, "sa_handler as set");
	ok(sigismember(&old.sa_mask, SIGUSR2) == 1 &&
	   sigismember(&old.sa_mask, SIGRTMIN + 1) == 1 &&
	   sigismember(&old.sa_mask, SIGINT) == 0 && old.sa_mask.__val[2] == 0,
	   "sa_mask as set (the rest of sigset_t zero)");
	ok(old.sa_flags & SA_RESTART, "SA_RESTART kept (flags %#x)", old.sa_flags);
	ok((old.sa_flags & SA_RESTORER) && old.sa_restorer,
	   "the libc supplied SA_RESTORER and a restorer");

	sa.sa_handler = SIG_IGN;
	sa.sa_flags = 0;
	memset(&old, 0, sizeof old);
	ok(sigaction(SIGUSR1, &sa, &old) == 0 && old.sa_handler == count_handler,
	   "setting returns the old action");
	ok(sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == SIG_IGN,
	   "SIG_IGN reads back");
	set_action(SIGUSR1, SIG_DFL, 0, 0);

	sa.sa_handler = count_handler;
	errno = 0;
	ok(sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL, "SIGKILL: EINVAL");
	errno = 0;
	ok(sigaction(SIGSTOP, &sa, NULL) == -1 && errno == EINVAL, "SIGSTOP: EINVAL");
	errno = 0;
	ok(sigaction(0, NULL, &old) == -1 && errno == EINVAL, "signal 0: EINVAL");
	errno = 0;
	ok(sigaction(NSIG, NULL, &old) == -1 && errno == EINVAL, "signal 65: EINVAL");
	ok(sigaction(SIGKILL, NULL, &old) == 0 && old.sa_handler == SIG_DFL,
	   "SIGKILL's action reads as SIG_DFL");
}

/* --- delivery: raise, kill, sigqueue ------------------------------------ */

static void
test_raise(void)
{
	hits = 0;
	set_action(SIGUSR1, count_handler, 0, SIGUSR2);
	is(raise(SIGUSR1), 0, "raise(SIGUSR1) returns 0");
	ok(hits == 1 && last_sig == SIGUSR1, "the handler ran once before raise "
	   "returned, with sig == SIGUSR1 (%d runs, sig %d)", (int)hits, (int)last_sig);
	ok(blocked_self && blocked_other, "in the handler, SIGUSR1 and sa_mask's "
	   "SIGUSR2 were blocked");
	ok(!is_blocked(SIGUSR1) && !is_blocked(SIGUSR2), "and are not after it");
	is(seen_tid, getpid(), "it ran in the main thread");
	ok(raise(SIGUSR1) == 0 && hits == 2, "a second raise runs it again");
	errno = 0;
	ok(raise(1000) == -1 && errno == EINVAL, "raise(1000): EINVAL");
	set_action(SIGUSR1, SIG_DFL, 0, 0);
}

static void
test_siginfo(void)
{
	union sigval v = { .sival_int = 4242 };

	hits = 0;
	set_info_action(SIGUSR1, info_handler, 0);
	block(SIGUSR2);
	is(raise(SIGUSR1), 0, "raise to a SA_SIGINFO handler");
	ok(hits == 1 && last_sig == SIGUSR1, "it ran, sig == SIGUSR1");
	is(seen_code, SI_TKILL, "raise: si_code SI_TKILL");
	is(seen_pid, getpid(), "raise: si_pid == getpid()");
	ok(uc_blocked_usr2 == 1 && uc_blocked_usr1 == 0,
	   "uc_sigmask is the interrupted mask (SIGUSR2 in, SIGUSR1 not)");
	unblock(SIGUSR2);
	edit_uc_mask = 1;
	raise(SIGUSR1);
	edit_uc_mask = 0;
	ok(hits == 2 && is_blocked(SIGUSR2) && !is_blocked(SIGUSR1),
	   "SIGUSR2 added to uc_sigmask in the handler is blocked after it");
	unblock(SIGUSR2);

	hits = 0;
	seen_code = 99;
	is(kill(getpid(), SIGUSR1), 0, "kill(getpid(), SIGUSR1)");
	ok(wait_hits(1), "the handler ran");
	is(seen_code, SI_USER, "kill: si_code SI_USER");
	is(seen_pid, getpid(), "kill: si_pid == getpid()");
	is(seen_uid, getuid(), "kill: si_uid == getuid()");

	hits = 0;
	set_info_action(SIGRTMIN, info_handler, 0);
	is(sigqueue(getpid(), SIGRTMIN, v), 0, "sigqueue(getpid(), SIGRTMIN, 4242)");
	ok(wait_hits(1) && last_sig == SIGRTMIN, "the handler ran with SIGRTMIN");
	is(seen_code, SI_QUEUE, "sigqueue: si_code SI_QUEUE");
	is(seen_value, 4242, "sigqueue: si_value");
	is(seen_pid, getpid(), "sigqueue: si_pid");

	is(kill(getpid(), 0), 0, "kill(getpid(), 0): the process exists");
	errno = 0;
	ok(kill(getpid(), 1000) == -1 && errno == EINVAL, "kill(sig 1000): EINVAL");
	errno = 0;
	ok(kill(0x3ffffff0, 0) == -1 && errno == ESRCH, "kill(no such pid): ESRCH");
	errno = 0;
	ok(killpg(-1, SIGUSR1) == -1 && errno == EINVAL, "killpg(-1): EINVAL");
	set_action(SIGUSR1, SIG_DFL, 0, 0);
	set_action(SIGRTMIN, SIG_DFL, 0, 0);
}

/* --- a fault: siginfo and the ucontext, in both directions ------------- */

extern char fault_insn[], fault_resume[];
static volatile uintptr_t fault_addr, fault_eip, fault_ecx;
static volatile int fault_code;

/* Load from p with a labelled instruction (eax = *p; ecx = p). */
__attribute__((__noinline__)) static int
load_at(uintptr_t p)
{
	int v;

	__asm__ volatile(".globl fault_insn, fault_resume\n"
			 "fault_insn:\n\t"
			 "movl (%%ecx), %%eax\n"
			 "fault_resume:"
			 : "=a"(v) : "c"(p) : "memory");
	return v;
}

/* SIGSEGV: record, then resume after the load with eax = 0x5a5a. */
static void
segv_handler(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;

	hits++;
	last_sig = sig;
	fault_code = si->si_code;
	fault_addr = (uintptr_t)si->si_addr;
	fault_eip = uc->uc_mcontext.gregs[REG_EIP];
	fault_ecx = uc->uc_mcontext.gregs[REG_ECX];
	uc->uc_mcontext.gregs[REG_EIP] = (greg_t)(uintptr_t)fault_resume;
	uc->uc_mcontext.gregs[REG_EAX] = 0x5a5a;
}

static void
test_fault(void)
{
	int v;

	hits = 0;
	set_info_action(SIGSEGV, segv_handler, 0);
	v = load_at(16);
	ok(hits == 1 && last_sig == SIGSEGV, "a load from address 16: SIGSEGV handled");
	is(fault_code, SEGV_MAPERR, "si_code SEGV_MAPERR");
	is(fault_addr, 16, "si_addr 16");
	ok(fault_eip == (uintptr_t)fault_insn, "gregs[REG_EIP] is the load (%#lx, "
	   "want %p)", (unsigned long)fault_eip, (void *)fault_insn);
	is(fault_ecx, 16, "gregs[REG_ECX] is the address register");
	is(v, 0x5a5a, "rt_sigreturn took REG_EIP and REG_EAX from the ucontext");
	set_action(SIGSEGV, SIG_DFL, 0, 0);
}

/* --- action flags ------------------------------------------------------- */

static char altstack[SIGSTKSZ] __attribute__((__aligned__(16)));
static volatile int alt_flags;

/* SA_ONSTACK: where the handler's stack is, and what sigaltstack says. */
static void
onstack_handler(int sig)
{
	stack_t cur;
	int here;

	(void)sig;
	hits++;
	seen_sp = (uintptr_t)&here;
	alt_flags = sigaltstack(NULL, &cur) == 0 ? cur.ss_flags : -1;
}

static void
test_flags(void)
{
	struct sigaction old;
	stack_t ss, cur;

	hits = 0;
	set_action(SIGUSR1, count_handler, SA_RESETHAND, 0);
	raise(SIGUSR1);
	ok(hits == 1 && sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == SIG_DFL,
	   "SA_RESETHAND: ran once, then the action is SIG_DFL");

	hits = 0;
	set_action(SIGUSR1, count_handler, SA_NODEFER, 0);
	raise(SIGUSR1);
	ok(hits == 1 && !blocked_self, "SA_NODEFER: the signal is not blocked in "
	   "its handler");
	set_action(SIGUSR1, count_handler, 0, 0);
	raise(SIGUSR1);
	ok(hits == 2 && blocked_self, "without it, it is");

	ss.ss_sp = altstack;
	ss.ss_size = sizeof altstack;
	ss.ss_flags = 0;
	is(sigaltstack(&ss, NULL), 0, "sigaltstack: SIGSTKSZ bytes");
	ok(sigaltstack(NULL, &cur) == 0 && cur.ss_sp == altstack &&
	   cur.ss_size == sizeof altstack && cur.ss_flags == 0,
	   "sigaltstack reads it back");
	hits = 0;
	set_action(SIGUSR1, onstack_handler, SA_ONSTACK, 0);
	raise(SIGUSR1);
	ok(hits == 1 && seen_sp >= (uintptr_t)altstack &&
	   seen_sp < (uintptr_t)altstack + sizeof altstack,
	   "SA_ONSTACK: the handler ran on the alternate stack");
	is(alt_flags, SS_ONSTACK, "sigaltstack in it: SS_ONSTACK");
	hits = 0;
	set_action(SIGUSR1, onstack_handler, 0, 0);
	raise(SIGUSR1);
	ok(hits == 1 && (seen_sp < (uintptr_t)altstack ||
			 seen_sp >= (uintptr_t)altstack + sizeof altstack),
	   "without SA_ONSTACK: on the thread's stack");
	ss.ss_flags = SS_DISABLE;
	ok(sigaltstack(&ss, NULL) == 0 && sigaltstack(NULL, &cur) == 0 &&
	   cur.ss_flags == SS_DISABLE, "SS_DISABLE turns it off");
	ss.ss_flags = 0;
	ss.ss_size = MINSIGSTKSZ - 1;
	errno = 0;
	ok(sigaltstack(&ss, NULL) == -1 && errno == ENOMEM,
	   "a stack below MINSIGSTKSZ: ENOMEM");
	set_action(SIGUSR1, SIG_DFL, 0, 0);
}

/* --- masks -------------------------------------------------------------- */

static void
test_mask(void)
{
	sigset_t s, old, pend;

	hits = 0;
	set_action(SIGUSR1, count_handler, 0, 0);
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	ok(sigprocmask(SIG_BLOCK, &s, &old) == 0 && sigismember(&old, SIGUSR1) == 0,
	   "sigprocmask(SIG_BLOCK, {SIGUSR1})");
	ok(is_blocked(SIGUSR1), "SIGUSR1 is blocked");
	ok(raise(SIGUSR1) == 0 && hits == 0, "raise while blocked: no handler yet");
	ok(sigpending(&pend) == 0 && sigismember(&pend, SIGUSR1) == 1 &&
	   sigismember(&pend, SIGUSR2) == 0, "sigpending: SIGUSR1");
	ok(raise(SIGUSR1) == 0 && hits == 0, "a second raise while blocked");
	ok(sigprocmask(SIG_UNBLOCK, &s, NULL) == 0 && hits == 1,
	   "unblocking delivers it once, before sigprocmask returns");
	ok(sigpending(&pend) == 0 && sigismember(&pend, SIGUSR1) == 0,
	   "nothing pending any more");

	ok(pthread_sigmask(SIG_BLOCK, &s, NULL) == 0 && is_blocked(SIGUSR1),
	   "pthread_sigmask(SIG_BLOCK)");
	ok(pthread_sigmask(SIG_SETMASK, &old, &s) == 0 && !is_blocked(SIGUSR1) &&
	   sigismember(&s, SIGUSR1) == 1, "pthread_sigmask(SIG_SETMASK) and the old mask");
	errno = 0;
	ok(sigprocmask(99, &s, NULL) == -1 && errno == EINVAL,
	   "sigprocmask(bad how): -1, EINVAL");
	errno = 0;
	ok(pthread_sigmask(99, &s, NULL) == EINVAL && errno == 0,
	   "pthread_sigmask(bad how): returns EINVAL, errno untouched");
	sigfillset(&s);
	sigprocmask(SIG_SETMASK, &s, NULL);
	ok(!is_blocked(SIGKILL) && !is_blocked(SIGSTOP) && is_blocked(SIGINT),
	   "everything can be blocked but SIGKILL and SIGSTOP");
	unblock(0);
}

static void
test_suspend_wait(void)
{
	sigset_t s, wait_mask;
	siginfo_t si;
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	long long t0;
	int sig = 0;

	hits = 0;
	set_action(SIGUSR1, count_handler, 0, 0);
	block(SIGUSR1);
	kill(getpid(), SIGUSR1);
	/* Each wait below starts with its signal pending: none can hang. */
	if (!ok(is_pending(SIGUSR1), "a blocked SIGUSR1 is pending")) {
		skip(6, "no pending signal to wait for");
		goto out;
	}
	sigprocmask(SIG_BLOCK, NULL, &wait_mask);
	sigdelset(&wait_mask, SIGUSR1);
	errno = 0;
	ok(sigsuspend(&wait_mask) == -1 && errno == EINTR, "sigsuspend: -1, EINTR");
	is(hits, 1, "the pending SIGUSR1's handler ran in it");
	ok(is_blocked(SIGUSR1) && !is_pending(SIGUSR1),
	   "the mask is back (SIGUSR1 blocked) after it");

	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	raise(SIGUSR1);
	memset(&si, 0, sizeof si);
	ok(is_pending(SIGUSR1) && sigwaitinfo(&s, &si) == SIGUSR1 &&
	   si.si_signo == SIGUSR1 && si.si_code == SI_TKILL,
	   "sigwaitinfo takes the pending SIGUSR1 (SI_TKILL)");
	ok(hits == 1, "without running the handler");
	kill(getpid(), SIGUSR1);
	ok(is_pending(SIGUSR1) && sigwait(&s, &sig) == 0 && sig == SIGUSR1, "sigwait");
	t0 = now_us();
	errno = 0;
	ok(sigtimedwait(&s, &si, &ts) == -1 && errno == EAGAIN,
	   "sigtimedwait with nothing pending: EAGAIN");
	ok(now_us() - t0 >= 20000, "after at least its 20 ms timeout");
out:
	unblock(0);
	set_action(SIGUSR1, SIG_DFL, 0, 0);
}

/* --- signal() and SIG_IGN ------------------------------------------------ */

static void
test_signal(void)
{
	struct sigaction sa;

	hits = 0;
	ok(signal(SIGUSR2, count_handler) == SIG_DFL, "signal(): the old SIG_DFL");
	ok(sigaction(SIGUSR2, NULL, &sa) == 0 && (sa.sa_flags & SA_RESTART) &&
	   !(sa.sa_flags & (SA_RESETHAND | SA_NODEFER)),
	   "BSD semantics: SA_RESTART, no SA_RESETHAND/SA_NODEFER");
	raise(SIGUSR2);
	raise(SIGUSR2);
	ok(hits == 2 && last_sig == SIGUSR2, "the handler stays installed");
	ok(signal(SIGUSR2, SIG_IGN) == count_handler, "signal(SIG_IGN): the old handler");
	ok(raise(SIGUSR2) == 0 && hits == 2, "an ignored signal does nothing");
	ok(signal(SIGUSR2, SIG_DFL) == SIG_IGN, "signal(SIG_DFL): SIG_IGN back");
	errno = 0;
	ok(signal(SIGKILL, count_handler) == SIG_ERR && errno == EINVAL,
	   "signal(SIGKILL): SIG_ERR, EINVAL");
	errno = 0;
	ok(signal(0, SIG_IGN) == SIG_ERR && errno == EINVAL, "signal(0): SIG_ERR, EINVAL");
}

/* --- timers and sleeping -------------------------------------------------- */

static volatile sig_atomic_t watchdog_fired;
static pid_t watchdog_pid;

static void
watchdog_handler(int sig)
{
	(void)sig;
	watchdog_fired = 1;
}

/* A child that sends us SIGUSR2 in 5 s: a wait for a timer that never
 * fires then ends, and fails, instead of hanging. */
static void
watchdog_start(void)
{
	pid_t parent = getpid();

	watchdog_fired = 0;
	set_action(SIGUSR2, watchdog_handler, 0, 0);
	watchdog_pid = fork();
	if (watchdog_pid == 0) {
		sleep(5);
		kill(parent, SIGUSR2);
		_exit(0);
	}
}

static void
watchdog_stop(void)
{
	if (watchdog_pid > 0) {
		kill(watchdog_pid, SIGKILL);
		while (waitpid(watchdog_pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	watchdog_pid = 0;
	set_action(SIGUSR2, SIG_DFL, 0, 0);
}


static void
test_timers(void)
{
	struct itimerval it, old;
	struct sigaction sa;
	long long t0, dt;
	unsigned left;
	int fds[2], r;
	char c;

	hits = 0;
	set_action(SIGALRM, count_handler, 0, 0);
	/* The watchdog runs before each timer is set, so a timer that fires
	 * at once still finds us in pause (signals' order is kept). */
	watchdog_start();
	is(alarm(10), 0, "alarm(10): no alarm before");
	left = alarm(1);
	ok(left >= 9 && left <= 10, "alarm(1): about 10 s were left (%u)", left);
	t0 = now_us();
	errno = 0;
	r = pause();
	dt = now_us() - t0;
	ok(r == -1 && errno == EINTR && hits == 1 && last_sig == SIGALRM &&
	   !watchdog_fired, "pause: -1, EINTR, after SIGALRM's handler");
	watchdog_stop();
	ok(dt >= 900000, "after the alarm's second (%lld us)", dt);
	is(alarm(0), 0, "alarm(0): none left");

	watchdog_start();
	memset(&it, 0, sizeof it);
	it.it_value.tv_usec = 200000;
	ok(setitimer(ITIMER_REAL, &it, &old) == 0 && old.it_value.tv_sec == 0 &&
	   old.it_value.tv_usec == 0, "setitimer(ITIMER_REAL, 200 ms)");
	r = getitimer(ITIMER_REAL, &old);
	ok(r == 0 && old.it_value.tv_sec == 0 && old.it_value.tv_usec > 0 &&
	   old.it_value.tv_usec <= 200000, "getitimer: 0 < left <= 200 ms (%ld us)",
	   (long)old.it_value.tv_usec);
	t0 = now_us();
	pause();
	dt = now_us() - t0;
	ok(hits == 2 && dt >= 150000 && !watchdog_fired, "it fired (%lld us)", dt);
	watchdog_stop();

	it.it_interval.tv_usec = 20000;
	it.it_value.tv_usec = 20000;
	watchdog_start();
	t0 = now_us();
	setitimer(ITIMER_REAL, &it, NULL);
	while (hits < 5 && !watchdog_fired)
		pause();
	memset(&it, 0, sizeof it);
	setitimer(ITIMER_REAL, &it, NULL);
	watchdog_stop();
	dt = now_us() - t0;
	ok(hits >= 5 && dt >= 60000, "a 20 ms interval timer fires again and again "
	   "(%d in %lld us)", (int)hits - 2, dt);
	ok(getitimer(ITIMER_VIRTUAL, &old) == 0 && getitimer(ITIMER_PROF, &old) == 0,
	   "getitimer(ITIMER_VIRTUAL, ITIMER_PROF)");
	errno = 0;
	ok(getitimer(7, &old) == -1 && errno == EINVAL, "getitimer(7): EINVAL");

	t0 = now_us();
	is(sleep(1), 0, "sleep(1): 0");
	ok(now_us() - t0 >= 1000000, "at least a second passed");
	t0 = now_us();
	is(usleep(50000), 0, "usleep(50000): 0");
	ok(now_us() - t0 >= 50000, "at least 50 ms passed");
	is(sleep(0), 0, "sleep(0)");

	hits = 0;
	alarm(1);
	errno = 0;
	left = sleep(5);
	ok(hits == 1 && left >= 1 && left <= 5, "sleep(5) cut short by SIGALRM: "
	   "%u s left", left);
	is(errno, 0, "sleep leaves errno alone");

	/* siginterrupt(1): a blocked read ends with EINTR instead of restarting. */
	hits = 0;
	signal(SIGALRM, count_handler);
	ok(siginterrupt(SIGALRM, 1) == 0 && sigaction(SIGALRM, NULL, &sa) == 0 &&
	   !(sa.sa_flags & SA_RESTART) && sa.sa_handler == count_handler,
	   "siginterrupt(SIGALRM, 1) clears SA_RESTART");
	ok(pipe(fds) == 0, "a pipe");
	watchdog_start();
	it.it_value.tv_usec = 50000;
	setitimer(ITIMER_REAL, &it, NULL);
	errno = 0;
	r = read(fds[0], &c, 1);
	ok(r == -1 && errno == EINTR && hits == 1 && !watchdog_fired,
	   "the read it interrupts fails with EINTR");
	watchdog_stop();
	ok(siginterrupt(SIGALRM, 0) == 0 && sigaction(SIGALRM, NULL, &sa) == 0 &&
	   (sa.sa_flags & SA_RESTART), "siginterrupt(SIGALRM, 0) sets it");
	close(fds[0]);
	close(fds[1]);
	set_action(SIGALRM, SIG_DFL, 0, 0);
}

/* --- non-local jumps ----------------------------------------------------- */

static jmp_buf jb;
static sigjmp_buf sjb;

static void jump_back(int depth, int val);
/* Called through a pointer: GCC sees no end to a recursion that ends in
 * longjmp. */
static void (*volatile jump_down)(int, int) = jump_back;

/* longjmp(jb, val) from depth calls further down. */
static void
jump_back(int depth, int val)
{
	if (depth)
		jump_down(depth - 1, val);
	longjmp(jb, val);
}

/* Leave the handler for sigsetjmp's return. */
static void
jump_handler(int sig)
{
	hits++;
	blocked_self = is_blocked(sig);
	siglongjmp(sjb, 5);
}

static void
test_jumps(void)
{
	volatile int n = 0, local = 11;
	int r;

	r = setjmp(jb);
	n++;
	if (r == 0) {
		local = 22;
		jump_back(10, 7);
	}
	ok(r == 7 && n == 2 && local == 22, "longjmp from 10 calls down: setjmp "
	   "returns 7 the second time (locals kept)");

	n = 0;
	r = setjmp(jb);
	if (n++ == 0)
		longjmp(jb, 0);
	ok(r == 1 && n == 2, "longjmp(env, 0) makes setjmp return 1");

	n = 0;
	r = _setjmp(jb);
	if (n++ == 0)
		_longjmp(jb, 3);
	ok(r == 3 && n == 2, "_setjmp/_longjmp");

	/* Out of a handler, with the mask restored (savemask 1)... */
	hits = 0;
	set_action(SIGUSR1, jump_handler, 0, 0);
	r = sigsetjmp(sjb, 1);
	if (r == 0)
		raise(SIGUSR1);
	ok(r == 5 && hits == 1 && blocked_self, "siglongjmp out of a handler: "
	   "sigsetjmp returns 5");
	ok(!is_blocked(SIGUSR1), "savemask 1: the handler's mask (SIGUSR1) is undone");

	/* ...and a mask changed since sigsetjmp put back. */
	block(SIGUSR2);
	r = sigsetjmp(sjb, 1);
	if (r == 0) {
		unblock(SIGUSR2);
		siglongjmp(sjb, 0);
	}
	ok(r == 1 && is_blocked(SIGUSR2), "siglongjmp(env, 0) returns 1 and "
	   "restores the saved mask");
	unblock(0);

	/* savemask 0: the mask stays as the handler had it. */
	hits = 0;
	r = sigsetjmp(sjb, 0);
	if (r == 0)
		raise(SIGUSR1);
	ok(r == 5 && hits == 1 && is_blocked(SIGUSR1), "savemask 0: SIGUSR1 is "
	   "still blocked after the jump");
	unblock(0);
	set_action(SIGUSR1, SIG_DFL, 0, 0);
}

/* --- abort --------------------------------------------------------------- */

static int abort_pipe[2];

static void
abrt_handler(int sig)
{
	(void)sig;
	write(abort_pipe[1], "h", 1);
}

/* A child that calls abort() with SIGABRT in state `how`; its status. */
static int
abort_child(int how)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		if (how == 1)
			set_action(SIGABRT, abrt_handler, 0, 0);
		else if (how == 2)
			set_action(SIGABRT, SIG_IGN, 0, 0);
		else if (how == 3)
			block(SIGABRT);
		abort();
	}
	if (pid < 0)
		return -1;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

static void
test_abort(void)
{
	static const char *const how[] = {
		"default action", "a handler that returns", "SIGABRT ignored",
		"SIGABRT blocked",
	};
	int i, s;
	char c = 0;

	ok(pipe(abort_pipe) == 0, "a pipe for the handler's note");
	for (i = 0; i < 4; i++) {
		s = abort_child(i);
		ok(s != -1 && WIFSIGNALED(s) && WTERMSIG(s) == SIGABRT,
		   "abort() with %s: killed by SIGABRT (status %#x)", how[i], s);
	}
	close(abort_pipe[1]);
	ok(read(abort_pipe[0], &c, 1) == 1 && c == 'h', "the handler ran first");
	close(abort_pipe[0]);
}

/* --- pthread_kill ---------------------------------------------------------- */

static volatile int thread_tid, thread_go;
static pthread_t main_thread;

/* Wait for the main thread's signal, then signal the main thread. */
static void *
kill_thread(void *arg)
{
	long long end = now_us() + 5000000;

	(void)arg;
	thread_tid = gettid();
	while (hits < 1 && now_us() < end)
		sched_yield();
	while (!thread_go && now_us() < end)
		sched_yield();
	return (void *)(intptr_t)pthread_kill(main_thread, SIGUSR2);
}

/*
 * The main thread takes the thread's SIGUSR2 with sigtimedwait, not with
 * a handler: qemu-i386 keeps one GDT for all threads, so a sigreturn in
 * the main thread, reloading %gs, would pick up the newest thread's TLS
 * descriptor (a bug of the emulator; Linux and our kernel keep one per
 * thread). SIGUSR2 is blocked in both threads (the thread inherits the
 * mask), so it waits where tgkill put it: pending for the main thread.
 */
static void
test_pthread_kill(void)
{
	struct timespec five = { 5, 0 };
	sigset_t usr2;
	siginfo_t si;
	pthread_t t;
	long long end;
	void *res = (void *)-1;
	int r;

	hits = 0;
	seen_tid = 0;
	main_thread = pthread_self();
	set_action(SIGUSR1, count_handler, 0, 0);
	ok(pthread_kill(pthread_self(), SIGUSR1) == 0 && hits == 1 &&
	   seen_tid == getpid(), "pthread_kill(pthread_self()): handled at once");
	is(pthread_kill(pthread_self(), 1000), EINVAL, "pthread_kill(sig 1000): EINVAL");

	hits = 0;
	block(SIGUSR2);
	if (!ok(pthread_create(&t, NULL, kill_thread, NULL) == 0, "a thread")) {
		skip(6, "no thread");
		unblock(0);
		return;
	}
	end = now_us() + 5000000;
	while (!thread_tid && now_us() < end)
		sched_yield();
	is(pthread_kill(t, SIGUSR1), 0, "pthread_kill(thread, SIGUSR1)");
	r = wait_hits(1);
	ok(r && seen_tid == thread_tid && thread_tid != getpid(),
	   "its handler ran in that thread (tid %d)", seen_tid);
	thread_go = 1;
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	memset(&si, 0, sizeof si);
	r = sigtimedwait(&usr2, &si, &five);
	ok(r == SIGUSR2 && si.si_code == SI_TKILL && si.si_pid == getpid(),
	   "the thread's pthread_kill of the main thread: SIGUSR2 pending here");
	end = now_us() + 5000000;
	while ((r = pthread_kill(t, 0)) == 0 && now_us() < end)
		sched_yield();
	is(r, ESRCH, "pthread_kill of an ended thread: ESRCH");
	ok(pthread_join(t, &res) == 0 && res == NULL, "the thread's own pthread_kill "
	   "returned 0");
	unblock(0);
	set_action(SIGUSR1, SIG_DFL, 0, 0);
}

/* --- strsignal ------------------------------------------------------------ */

static void
test_strsignal(void)
{
	is_str(strsignal(SIGSEGV), "Segmentation fault", "strsignal(SIGSEGV)");
	is_str(strsignal(SIGABRT), "Aborted", "strsignal(SIGABRT)");
	is_str(strsignal(SIGRTMIN + 2), "Real-time signal 2", "strsignal(SIGRTMIN + 2)");
	is_str(strsignal(200), "Unknown signal 200", "strsignal(200)");
}

/* Run the groups; the exit status is the failure count. */
int
main(void)
{
	test_layout();
	test_sigset();
	test_sigaction();
	test_raise();
	test_siginfo();
	test_fault();
	test_flags();
	test_mask();
	test_suspend_wait();
	test_signal();
	test_timers();
	test_jumps();
	test_abort();
	test_pthread_kill();
	test_strsignal();
	return done_testing();
}
