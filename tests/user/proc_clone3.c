/*
 * proc_clone3: clone3(2) (435): struct clone_args and its size
 * versioning, checked in Linux 6.1's order (copy_clone_args_from_user,
 * clone3_args_valid).
 *
 *   size > 4096 (a page)          E2BIG, before anything is read
 *   size < 64 (CLONE_ARGS_SIZE_VER0)  EINVAL, likewise
 *   size > 88 (what the kernel knows): the extra bytes must be zero,
 *   else E2BIG; zero tails are fine up to 4096
 *   unreadable args               EFAULT
 *   set_tid_size > 32, set_tid without a size or a size without set_tid
 *                                 EINVAL
 *   exit_signal above 64 or with bits outside CSIGNAL  EINVAL
 *   CLONE_INTO_CGROUP with a size below 88            EINVAL
 *   flags outside the known ones, CLONE_DETACHED, a signal in flags'
 *   low byte, CLONE_SIGHAND | CLONE_CLEAR_SIGHAND       EINVAL
 *   CLONE_THREAD or CLONE_PARENT with an exit_signal    EINVAL
 *   stack without stack_size, stack_size without stack, a stack
 *   reaching past user space                           EINVAL
 *   then the clone checks: CLONE_SIGHAND without CLONE_VM  EINVAL
 *
 * And clone3 works: sizes 64, 80, 88, 96 and 4096 (zero tail); a child
 * on its own stack (stack + stack_size) sharing memory, with
 * parent_tid, child_tid and CLONE_CHILD_CLEARTID; a thread with
 * CLONE_SETTLS; exit_signal 0 (a __WCLONE child); CLONE_CLEAR_SIGHAND.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lib/proc_raw.h"
#include "lib/tap.h"

#define PAGE		4096
#define STACK_SIZE	16384

/*
 * long clone3_call(struct clone_args *args, size_t size, int (*fn)(void *),
 *                  void *arg)
 *
 * clone3 by int $0x80; fn and arg ride in esi and edi, which the child
 * inherits, so the child needs nothing from memory: it aligns whatever
 * stack it has, calls fn(arg) and leaves with SYS_exit(fn's return).
 */
long clone3_call(struct clone_args *args, size_t size, int (*fn)(void *),
		 void *arg);
__asm__(".text\n"
	".globl	clone3_call\n"
	".type	clone3_call, @function\n"
	"clone3_call:\n"
	"	pushl	%ebx\n"
	"	pushl	%esi\n"
	"	pushl	%edi\n"
	"	movl	16(%esp), %ebx\n"
	"	movl	20(%esp), %ecx\n"
	"	movl	24(%esp), %esi\n"
	"	movl	28(%esp), %edi\n"
	"	movl	$" PROC_NR(SYS_clone3) ", %eax\n"
	"	int	$0x80\n"
	"	testl	%eax, %eax\n"
	"	jnz	1f\n"
	"	xorl	%ebp, %ebp\n"
	"	andl	$-16, %esp\n"
	"	subl	$12, %esp\n"
	"	pushl	%edi\n"
	"	call	*%esi\n"
	"	movl	%eax, %ebx\n"
	"	movl	$" PROC_NR(SYS_exit) ", %eax\n"
	"	int	$0x80\n"
	"	ud2\n"
	"1:	popl	%edi\n"
	"	popl	%esi\n"
	"	popl	%ebx\n"
	"	ret\n"
	".size	clone3_call, . - clone3_call\n");
_Static_assert(sizeof(struct clone_args) == CLONE_ARGS_SIZE_VER2,
	       "struct clone_args is 88 bytes (VER2)");

/* A page and a half: room for a 4096-byte argument block and a tail. */
static union {
	struct clone_args a;
	unsigned char b[PAGE + 64];
} buf __attribute__((aligned(PAGE)));
static char stack1[STACK_SIZE] __attribute__((aligned(16)));
static char tcb[256] __attribute__((aligned(64)));
static volatile long word;
static volatile int ptid, ctid;

/* Reap pid with options; its status, or -1. */
static int
reap(long pid, int options)
{
	int st = -1;

	if (xwait4(pid, &st, options) != pid)
		return -1;
	return st;
}

/* Child: exit 7. */
static int
ret7(void *arg)
{
	(void)arg;
	return 7;
}

/* Child: store arg in word. */
static int
store(void *arg)
{
	word = (long)arg;
	return 0;
}

/* A fresh argument block: exit_signal SIGCHLD, nothing else. */
static struct clone_args *
fresh(void)
{
	memset(&buf, 0, sizeof(buf));
	buf.a.exit_signal = SIGCHLD;
	return &buf.a;
}

/* clone3 must fail with e; if it made a child anyway, reap it. */
static void
fails(struct clone_args *a, size_t size, long e, const char *what)
{
	long r = clone3_call(a, size, ret7, NULL);

	if (!is(r, -e, "%s: %s", what, e == EINVAL ? "EINVAL" :
		e == E2BIG ? "E2BIG" : e == EFAULT ? "EFAULT" : "?") && r > 0)
		reap(r, __WALL);
}

/* clone3 must make a child that exits with 7. */
static void
works(struct clone_args *a, size_t size, const char *what)
{
	long r = clone3_call(a, size, ret7, NULL);

	if (!ok(r > 0, "%s: a child", what)) {
		diag("got %ld", r);
		return;
	}
	is(reap(r, 0), 7 << 8, "%s: it ran and exited with 7", what);
}

static void
test_sizes(void)
{
	struct clone_args *a;

	fails(NULL, PAGE + 1, E2BIG, "size 4097, NULL args");
	fails(fresh(), PAGE + 1, E2BIG, "size 4097");
	fails(fresh(), 65536, E2BIG, "size 64 KiB");
	fails(NULL, 0, EINVAL, "size 0, NULL args");
	fails(fresh(), 0, EINVAL, "size 0");
	fails(fresh(), CLONE_ARGS_SIZE_VER0 - 1, EINVAL, "size 63");
	fails(fresh(), 32, EINVAL, "size 32");
	fails(NULL, CLONE_ARGS_SIZE_VER0, EFAULT, "NULL args");
	fails((void *)0xc0000000, CLONE_ARGS_SIZE_VER0, EFAULT,
	      "args in kernel space");

	works(fresh(), CLONE_ARGS_SIZE_VER0, "size 64 (VER0)");
	works(fresh(), CLONE_ARGS_SIZE_VER1, "size 80 (VER1)");
	works(fresh(), CLONE_ARGS_SIZE_VER2, "size 88 (VER2)");
	works(fresh(), 96, "size 96, zero tail");
	works(fresh(), PAGE, "size 4096, zero tail");

	a = fresh();
	buf.b[CLONE_ARGS_SIZE_VER2] = 1;
	fails(a, CLONE_ARGS_SIZE_VER2 + 1, E2BIG, "size 89, byte 88 set");
	a = fresh();
	buf.b[PAGE - 1] = 0x80;
	fails(a, PAGE, E2BIG, "size 4096, last byte set");
	works(a, PAGE - 1, "size 4095, the set byte just past it");
	a = fresh();
	a->flags = 1ULL << 40;		/* unknown: but E2BIG comes first */
	buf.b[100] = 1;
	fails(a, 128, E2BIG, "non-zero tail before bad flags");
}

static void
test_fields(void)
{
	struct clone_args *a;

	a = fresh();
	a->set_tid_size = 33;
	fails(a, sizeof(*a), EINVAL, "set_tid_size 33");
	a = fresh();
	a->set_tid_size = 1;
	fails(a, sizeof(*a), EINVAL, "set_tid_size 1, set_tid NULL");
	a = fresh();
	a->set_tid = (uintptr_t)&ptid;
	fails(a, sizeof(*a), EINVAL, "set_tid without set_tid_size");

	a = fresh();
	a->exit_signal = 65;
	fails(a, sizeof(*a), EINVAL, "exit_signal 65");
	a = fresh();
	a->exit_signal = 0x100 | SIGCHLD;
	fails(a, sizeof(*a), EINVAL, "exit_signal with bit 8");
	a = fresh();
	a->exit_signal = 1ULL << 32 | SIGCHLD;
	fails(a, sizeof(*a), EINVAL, "exit_signal with bit 32");

	a = fresh();
	a->flags = CLONE_INTO_CGROUP;
	fails(a, CLONE_ARGS_SIZE_VER1, EINVAL, "CLONE_INTO_CGROUP, size 80");
	a = fresh();
	a->flags = 1ULL << 40;
	fails(a, sizeof(*a), EINVAL, "unknown flag bit 40");
	a = fresh();
	a->flags = 1ULL << 63;
	fails(a, sizeof(*a), EINVAL, "unknown flag bit 63");
	a = fresh();
	a->flags = CLONE_DETACHED;
	fails(a, sizeof(*a), EINVAL, "CLONE_DETACHED");
	a = fresh();
	a->flags = SIGCHLD;
	fails(a, sizeof(*a), EINVAL, "a signal in flags' low byte");
	a = fresh();
	a->flags = CLONE_VM | CLONE_SIGHAND | CLONE_CLEAR_SIGHAND;
	fails(a, sizeof(*a), EINVAL, "CLONE_SIGHAND | CLONE_CLEAR_SIGHAND");
	a = fresh();
	a->flags = CLONE_VM | CLONE_SIGHAND | CLONE_THREAD;
	fails(a, sizeof(*a), EINVAL, "CLONE_THREAD with exit_signal SIGCHLD");
	a = fresh();
	a->flags = CLONE_PARENT;
	fails(a, sizeof(*a), EINVAL, "CLONE_PARENT with exit_signal SIGCHLD");

	a = fresh();
	a->flags = CLONE_VM;
	a->stack = (uintptr_t)stack1;
	fails(a, sizeof(*a), EINVAL, "stack without stack_size");
	a = fresh();
	a->flags = CLONE_VM;
	a->stack_size = STACK_SIZE;
	fails(a, sizeof(*a), EINVAL, "stack_size without stack");
	a = fresh();
	a->flags = CLONE_VM;
	a->stack = 0xbfff0000;
	a->stack_size = 0x10000000;
	fails(a, sizeof(*a), EINVAL, "a stack reaching into the kernel");

	a = fresh();
	a->flags = CLONE_SIGHAND;
	fails(a, sizeof(*a), EINVAL, "CLONE_SIGHAND without CLONE_VM");
	a = fresh();
	a->flags = CLONE_FS | CLONE_NEWNS;
	fails(a, sizeof(*a), EINVAL, "CLONE_FS | CLONE_NEWNS");
	a = fresh();
	a->flags = CLONE_VM | CLONE_THREAD;
	a->exit_signal = 0;
	fails(a, sizeof(*a), EINVAL, "CLONE_THREAD without CLONE_SIGHAND");

	errno = 0;
	ok(xwait4(-1, NULL, __WALL | WNOHANG) == -1 && errno == ECHILD,
	   "no refused clone3 made a child");
}

static void
test_children(void)
{
	struct clone_args *a;
	struct user_desc d;
	long pid;

	/* Shared memory on its own stack, with both tid words. */
	a = fresh();
	a->flags = CLONE_VM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
	a->stack = (uintptr_t)stack1;
	a->stack_size = STACK_SIZE;
	a->parent_tid = (uintptr_t)&ptid;
	a->child_tid = (uintptr_t)&ctid;
	ptid = 0;
	ctid = -1;
	word = 0;
	pid = clone3_call(a, sizeof(*a), store, (void *)55);
	if (ok(pid > 0, "clone3(CLONE_VM) on stack + stack_size")) {
		is(ptid, pid, "parent_tid holds the tid");
		join_tid(&ctid);
		is(ctid, 0, "child_tid cleared at exit (CLONE_CHILD_CLEARTID)");
		is(reap(pid, 0), 0, "the child is reaped");
		is(word, 55, "its write is ours");
	}

	/* A thread with its own TLS, joined by its tid word. */
	a = fresh();
	tcb_copy(tcb);
	tls_desc(&d, tcb);
	a->flags = THREAD_FLAGS | CLONE_SETTLS | CLONE_PARENT_SETTID |
		   CLONE_CHILD_CLEARTID;
	a->exit_signal = 0;
	a->stack = (uintptr_t)stack1;
	a->stack_size = STACK_SIZE;
	a->tls = (uintptr_t)&d;
	a->parent_tid = a->child_tid = (uintptr_t)&ctid;
	word = 0;
	pid = clone3_call(a, sizeof(*a), store, (void *)66);
	if (ok(pid > 0, "clone3 of a thread (CLONE_THREAD | CLONE_SETTLS)")) {
		join_tid(&ctid);
		is(word, 66, "the thread ran");
		errno = 0;
		ok(xwait4(pid, NULL, __WALL | WNOHANG) == -1 && errno == ECHILD,
		   "a thread is nobody's child to wait for");
	}

	/* exit_signal 0: only __WCLONE or __WALL waits for it. */
	a = fresh();
	a->exit_signal = 0;
	pid = clone3_call(a, sizeof(*a), ret7, NULL);
	if (ok(pid > 0, "clone3 with exit_signal 0")) {
		is(xwait4(pid, NULL, 0), -1, "wait4 without __WCLONE: no such "
		   "child");
		is(errno, ECHILD, "ECHILD");
		is(reap(pid, __WCLONE), 7 << 8, "__WCLONE reaps it");
	}

	a = fresh();
	a->flags = CLONE_CLEAR_SIGHAND;
	works(a, sizeof(*a), "CLONE_CLEAR_SIGHAND");
}

int
main(void)
{
	test_sizes();
	test_fields();
	test_children();
	errno = 0;
	ok(xwait4(-1, NULL, __WALL | WNOHANG) == -1 && errno == ECHILD,
	   "every child was reaped");
	return done_testing();
}
