/*
 * proc_cycles: processes and threads made and ended many times over, so
 * that anything a cycle leaks adds up (the harness fails a program after
 * which the free-page count differs).
 *
 *   500 fork / exit / wait4 cycles, each child writing to its data,
 *   stack and heap pages (copy-on-write copies to free), with a status
 *   that must come back
 *   100 vfork / _exit cycles
 *   20 rounds of 16 children alive at once, reaped in any order
 *   50 fork / execve / exit cycles (this program, argv[1] "exit-now")
 *   100 thread create / join cycles (CLONE_THREAD | CLONE_SETTLS |
 *   CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID) on a static stack,
 *   then 100 on a stack mmap'd for each thread and munmap'd after the
 *   join (skipped if mmap2 fails)
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lib/proc_raw.h"
#include "lib/tap.h"

#define FORKS		500
#define VFORKS		100
#define ROUNDS		20
#define AT_ONCE		16
#define EXECS		50
#define THREADS		100
#define STACK_SIZE	16384

static int data_word = 1;
static char page[4096] __attribute__((aligned(4096)));
static char stack[STACK_SIZE] __attribute__((aligned(16)));
static char tcb[256] __attribute__((aligned(64)));
static volatile int tid_word, ran;

static void
test_forks(void)
{
	char *heap = malloc(8192);
	int bad = 0, st;

	memset(page, 1, sizeof(page));
	for (int i = 0; i < FORKS; i++) {
		pid_t pid = xfork();

		if (pid == 0) {
			volatile char local[2048];

			data_word = i;
			page[i % sizeof(page)] = 2;
			heap[i] = 3;
			memset((char *)local, 4, sizeof(local));
			raw_exit(i & 0xff);
		}
		st = -1;
		if (pid < 0 || xwait4(pid, &st, 0) != pid || st != (i & 0xff) << 8) {
			if (!bad++)
				diag("cycle %d: pid %d, status 0x%x", i, pid, st);
		}
	}
	is(bad, 0, "%d fork / exit / wait4 cycles", FORKS);
	ok(data_word == 1 && page[0] == 1 && page[4095] == 1,
	   "no child's write reached us");
	free(heap);
}

/* vfork child: exit with arg at once. */
static void
vfork_child(long arg)
{
	raw_exit(arg);
}

static void
test_vforks(void)
{
	int bad = 0, st;

	for (int i = 0; i < VFORKS; i++) {
		long pid = vfork_call(vfork_child, i);

		st = -1;
		if (pid < 0 || xwait4(pid, &st, 0) != pid || st != i << 8) {
			if (!bad++)
				diag("cycle %d: pid %ld, status 0x%x", i, pid, st);
		}
	}
	is(bad, 0, "%d vfork / _exit / wait4 cycles", VFORKS);
}

static void
test_at_once(void)
{
	int bad = 0;

	for (int r = 0; r < ROUNDS; r++) {
		pid_t pids[AT_ONCE];
		int seen = 0, st;

		for (int i = 0; i < AT_ONCE; i++) {
			pids[i] = xfork();
			if (pids[i] == 0)
				raw_exit(i + 1);
		}
		for (int i = 0; i < AT_ONCE; i++) {
			pid_t got = xwait4(-1, &st, 0);

			for (int j = 0; j < AT_ONCE; j++)
				if (got == pids[j] && st == (j + 1) << 8)
					seen |= 1 << j;
		}
		if (seen != (1 << AT_ONCE) - 1 && !bad++)
			diag("round %d: reaped mask 0x%x", r, seen);
	}
	is(bad, 0, "%d rounds of %d children at once, each reaped once with "
	   "its status", ROUNDS, AT_ONCE);
}

static void
test_execs(const char *self)
{
	char *argv[] = { (char *)self, "exit-now", NULL };
	int bad = 0, st;

	for (int i = 0; i < EXECS; i++) {
		pid_t pid = xfork();

		if (pid == 0) {
			syscall(SYS_execve, self, argv, NULL);
			raw_exit(100);
		}
		st = -1;
		if (pid < 0 || xwait4(pid, &st, 0) != pid || st != 77 << 8) {
			if (!bad++)
				diag("cycle %d: pid %d, status 0x%x", i, pid, st);
		}
	}
	is(bad, 0, "%d fork / execve / exit / wait4 cycles", EXECS);
}

/* Thread: count that it ran. */
static int
bump(void *arg)
{
	(void)arg;
	ran++;
	return 0;
}

/* One thread on stack[0..size), with its own TLS; 0 if it ran and ended. */
static int
thread_cycle(char *stk, size_t size)
{
	struct user_desc d;
	int before = ran;
	long tid;

	tcb_copy(tcb);
	tls_desc(&d, tcb);
	tid_word = -1;
	tid = clone_call(THREAD_FLAGS | CLONE_SETTLS | CLONE_PARENT_SETTID |
			 CLONE_CHILD_CLEARTID, stk + size, (int *)&tid_word,
			 &d, (int *)&tid_word, bump, NULL);
	if (tid <= 0)
		return 1;
	/*
	 * CLONE_PARENT_SETTID wrote the tid before clone returned; a thread
	 * that already ran to its end (preemption can let it) has cleared
	 * it again through CLONE_CHILD_CLEARTID. Anything else is wrong.
	 */
	if (tid_word != tid && tid_word != 0)
		return 2;
	join_tid(&tid_word);
	return ran == before + 1 ? 0 : 3;
}

static void
test_threads(void)
{
	int bad = 0, r;

	for (int i = 0; i < THREADS; i++)
		if ((r = thread_cycle(stack, sizeof(stack))) && !bad++)
			diag("cycle %d: failure %d", i, r);
	is(bad, 0, "%d thread create / join cycles on a static stack", THREADS);

	bad = 0;
	for (int i = 0; i < THREADS; i++) {
		void *m = (void *)syscall(SYS_mmap2, NULL, STACK_SIZE,
					  PROT_READ | PROT_WRITE,
					  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (m == MAP_FAILED) {
			if (i == 0) {
				skip(1, "mmap2 failed");
				return;
			}
			bad++;
			break;
		}
		if ((r = thread_cycle(m, STACK_SIZE)) && !bad++)
			diag("cycle %d: failure %d", i, r);
		if (syscall(SYS_munmap, m, STACK_SIZE) && !bad++)
			diag("cycle %d: munmap: errno %d", i, errno);
	}
	is(bad, 0, "%d thread create / join cycles, each on a fresh mmap'd "
	   "stack, munmap'd after the join", THREADS);
}

int
main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "exit-now"))
		return 77;
	test_forks();
	test_vforks();
	test_at_once();
	test_execs(argv[0]);
	test_threads();
	errno = 0;
	ok(xwait4(-1, NULL, __WALL | WNOHANG) == -1 && errno == ECHILD,
	   "every child was reaped");
	return done_testing();
}
