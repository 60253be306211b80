/*
 * sig_altstack: sigaltstack and SA_ONSTACK as Linux 6.1 has them.
 *
 *   at first there is no alternate stack (SS_DISABLE, size 0);
 *   set one: read back as given, ss_flags 0 while not on it;
 *   an SA_ONSTACK handler runs on it (a local's address lies inside),
 *     sigaltstack reports SS_ONSTACK there, and changing or disabling it
 *     there is EPERM; the handler's uc_stack is the alternate stack with
 *     ss_flags 0; a second SA_ONSTACK signal raised in the handler runs
 *     further down the same stack, and its uc_stack.ss_flags is 0 too,
 *     not SS_ONSTACK (Linux 6.1 saves the flags the stack was set with,
 *     not whether the interrupted code ran on it); back from the
 *     handler, ss_flags is 0 again;
 *   a handler without SA_ONSTACK runs on the normal stack;
 *   SS_DISABLE turns it off (SA_ONSTACK handlers then use the normal
 *     stack); a size below MINSIGSTKSZ (2048) is ENOMEM, MINSIGSTKSZ
 *     itself is fine; unknown ss_flags EINVAL; SS_ONSTACK as ss_flags is
 *     accepted as 0 (old programs pass it); a bad pointer EFAULT;
 *   a stack overflow (recursion on a small stack above a PROT_NONE guard)
 *     is caught by an SA_ONSTACK SIGSEGV handler, si_addr in the guard,
 *     which siglongjmps back to the normal stack (then ss_flags is 0);
 *     without SA_ONSTACK the frame cannot be written there and the child
 *     dies by SIGSEGV although a handler is installed.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>
#include "lib/tap.h"

#define ALT_SIZE	65536
static char alt[ALT_SIZE] __attribute__((aligned(16)));

#define ON_ALT(a)	((a) >= (uintptr_t)alt && (a) < (uintptr_t)alt + ALT_SIZE)

/* What the handler saw. */
static volatile int calls, nested;
static volatile uintptr_t local_at, nested_at;
static volatile int flags_in, eperm, eperm_disable, uc_flags, nested_uc_flags;
static volatile uintptr_t uc_sp;
static volatile size_t uc_size;

static void
inner(int sig, siginfo_t *si, void *ucv)
{
	volatile char here = 0;

	(void)sig;
	(void)si;
	nested++;
	nested_at = (uintptr_t)&here;
	nested_uc_flags = ((ucontext_t *)ucv)->uc_stack.ss_flags;
}

static void
outer(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	volatile char here = 0;
	stack_t cur, other;
	int r;

	(void)sig;
	(void)si;
	calls++;
	local_at = (uintptr_t)&here;
	memset(&cur, 0, sizeof cur);
	sigaltstack(NULL, &cur);
	flags_in = cur.ss_flags;
	other.ss_sp = alt;
	other.ss_size = ALT_SIZE / 2;
	other.ss_flags = 0;
	r = sigaltstack(&other, NULL);
	eperm = r == -1 && errno == EPERM;
	other.ss_flags = SS_DISABLE;
	r = sigaltstack(&other, NULL);
	eperm_disable = r == -1 && errno == EPERM;
	uc_sp = (uintptr_t)uc->uc_stack.ss_sp;
	uc_size = uc->uc_stack.ss_size;
	uc_flags = uc->uc_stack.ss_flags;
	if (nested >= 0)
		raise(SIGUSR2);
}

static void
handle(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO | flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static int
cur_flags(void)
{
	stack_t s;

	memset(&s, 0, sizeof s);
	sigaltstack(NULL, &s);
	return s.ss_flags;
}

static void
test_basics(void)
{
	stack_t ss, old;
	volatile char mine = 0;

	memset(&old, 0xff, sizeof old);
	is(sigaltstack(NULL, &old), 0, "sigaltstack(NULL, &old)");
	ok(old.ss_flags == SS_DISABLE && old.ss_size == 0,
	   "at first: SS_DISABLE, size 0 (flags %d size %zu)", old.ss_flags,
	   old.ss_size);

	ss.ss_sp = alt;
	ss.ss_size = ALT_SIZE;
	ss.ss_flags = 0;
	is(sigaltstack(&ss, NULL), 0, "set a 64 KiB alternate stack");
	memset(&old, 0, sizeof old);
	sigaltstack(NULL, &old);
	ok(old.ss_sp == alt && old.ss_size == ALT_SIZE && old.ss_flags == 0,
	   "read back as given, ss_flags 0");

	handle(SIGUSR1, outer, SA_ONSTACK);
	handle(SIGUSR2, inner, SA_ONSTACK);
	raise(SIGUSR1);
	is(calls, 1, "SA_ONSTACK handler ran");
	ok(ON_ALT(local_at), "on the alternate stack (a local at %#lx)",
	   (unsigned long)local_at);
	is(flags_in, SS_ONSTACK, "sigaltstack there says SS_ONSTACK");
	ok(eperm, "changing it there: EPERM");
	ok(eperm_disable, "disabling it there: EPERM");
	ok(uc_sp == (uintptr_t)alt && uc_size == ALT_SIZE && uc_flags == 0,
	   "its uc_stack: the alternate stack, ss_flags 0 (sp %#lx size %zu "
	   "flags %d)", (unsigned long)uc_sp, uc_size, uc_flags);
	is(nested, 1, "a nested SA_ONSTACK signal ran");
	ok(ON_ALT(nested_at) && nested_at < local_at,
	   "further down the same stack (%#lx)", (unsigned long)nested_at);
	is(nested_uc_flags, 0, "its uc_stack.ss_flags is 0 (as set), not SS_ONSTACK");
	is(cur_flags(), 0, "back from the handler: ss_flags 0");

	nested = -1;		/* no nested raise from now on */
	handle(SIGUSR1, outer, 0);
	raise(SIGUSR1);
	ok(!ON_ALT(local_at) && local_at < (uintptr_t)&mine,
	   "without SA_ONSTACK: on the normal stack");

	ss.ss_flags = SS_DISABLE;
	ss.ss_sp = NULL;
	ss.ss_size = 0;
	is(sigaltstack(&ss, NULL), 0, "SS_DISABLE");
	is(cur_flags(), SS_DISABLE, "reads back SS_DISABLE");
	handle(SIGUSR1, outer, SA_ONSTACK);
	raise(SIGUSR1);
	ok(!ON_ALT(local_at), "disabled: an SA_ONSTACK handler uses the normal stack");
}

static void
test_errors(void)
{
	stack_t ss;
	int r, e;

	ss.ss_sp = alt;
	ss.ss_flags = 0;
	ss.ss_size = MINSIGSTKSZ - 1;
	r = sigaltstack(&ss, NULL);
	e = errno;
	ok(r == -1 && e == ENOMEM, "size MINSIGSTKSZ - 1: ENOMEM");
	ss.ss_size = MINSIGSTKSZ;
	is(sigaltstack(&ss, NULL), 0, "size MINSIGSTKSZ (%d): fine", MINSIGSTKSZ);
	ss.ss_flags = 0x1234;
	r = sigaltstack(&ss, NULL);
	e = errno;
	ok(r == -1 && e == EINVAL, "ss_flags 0x1234: EINVAL");
	ss.ss_flags = SS_ONSTACK;
	ss.ss_size = ALT_SIZE;
	is(sigaltstack(&ss, NULL), 0, "ss_flags SS_ONSTACK: accepted");
	is(cur_flags(), 0, "as 0");
	r = sigaltstack((stack_t *)0x1000, NULL);
	e = errno;
	ok(r == -1 && e == EFAULT, "bad pointer: EFAULT");
}

/*
 * call_on(top, fn): call fn() with esp = top, back on the old stack
 * afterwards (if fn returns at all).
 */
void call_on(void *top, void (*fn)(void));
__asm__(".text\n"
	".globl	call_on\n"
	".type	call_on, @function\n"
	"call_on:\n"
	"	pushl	%ebp\n"
	"	movl	%esp, %ebp\n"
	"	movl	8(%ebp), %esp\n"
	"	call	*12(%ebp)\n"
	"	movl	%ebp, %esp\n"
	"	popl	%ebp\n"
	"	ret\n"
	".size	call_on, . - call_on\n");

#define GUARD	16384
#define SMALL	65536
static char *region;		/* GUARD bytes PROT_NONE, then SMALL of stack */
static sigjmp_buf env;
static volatile uintptr_t fault_addr, fault_local;
static volatile unsigned long limit = 1000000;

static int
deep(unsigned long n)
{
	volatile char buf[256];

	buf[0] = (char)n;
	if (n > limit)
		return 0;
	return deep(n + 1) + buf[0];
}

static void
recurse(void)
{
	deep(0);
}

static void
on_overflow(int sig, siginfo_t *si, void *uc)
{
	volatile char here = 0;

	(void)sig;
	(void)uc;
	fault_addr = (uintptr_t)si->si_addr;
	fault_local = (uintptr_t)&here;
	siglongjmp(env, 1);
}

static void
test_overflow(void)
{
	stack_t ss = { .ss_sp = alt, .ss_size = ALT_SIZE, .ss_flags = 0 };
	int status;
	pid_t pid;

	region = mmap(NULL, GUARD + SMALL, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(region, GUARD, PROT_NONE);
	sigaltstack(&ss, NULL);
	handle(SIGSEGV, on_overflow, SA_ONSTACK);
	fault_addr = 0;
	if (sigsetjmp(env, 1) == 0) {
		call_on(region + GUARD + SMALL, recurse);
		ok(0, "the recursion never overflowed");
	} else {
		ok(fault_addr >= (uintptr_t)region && fault_addr < (uintptr_t)region + GUARD,
		   "stack overflow: SIGSEGV at %#lx, in the guard",
		   (unsigned long)fault_addr);
		ok(ON_ALT(fault_local), "caught on the alternate stack");
		is(cur_flags(), 0, "after siglongjmp back: not on it any more");
	}

	pid = fork();
	if (pid == 0) {
		handle(SIGSEGV, on_overflow, 0);
		if (sigsetjmp(env, 1) == 0)
			call_on(region + GUARD + SMALL, recurse);
		_exit(0);	/* the handler ran after all */
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	   "without SA_ONSTACK: the child dies by SIGSEGV, handler or not "
	   "(status %#x)", status);
	munmap(region, GUARD + SMALL);
}

int
main(void)
{
	test_basics();
	test_errors();
	test_overflow();
	return done_testing();
}
