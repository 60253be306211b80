/*
 * /bench: what one system call costs, by entry path, and what the
 * process operations cost. For each operation it times batches with
 * rdtsc, after warm-up batches, and prints the minimum, median and
 * maximum per operation over the batches:
 *
 *   getpid through int $0x80 inline, through call *%gs:0x10 (the vDSO's
 *   __kernel_vsyscall, whichever variant the kernel chose) and through
 *   a raw sysenter sequence inline (only where the vDSO itself uses
 *   sysenter, i.e. where the kernel set up the SYSENTER MSRs);
 *   fork + exit + wait4; vfork + execve + exit + wait4;
 *   fork + execve + exit + wait4 (the exec'd program is /bench itself,
 *   which exits at once when given an argument: its C-library start-up
 *   is part of the cost); a thread (clone CLONE_VM|CLONE_THREAD...)
 *   created, exiting, and joined through CLONE_CHILD_CLEARTID + futex;
 *   a one-byte pipe round trip between two processes.
 *
 * Under plain QEMU TCG, rdtsc reads the host's TSC: the figures are host
 * cycles and follow host load. Under QEMU -icount shift=0 the guest TSC
 * counts guest instructions: the figures are instructions per call and
 * repeat exactly. The loop around each call costs a few of them too;
 * the "empty" row measures that loop alone.
 *
 * Run it as init (init=/bench); it powers the machine off at the end.
 */
#include <asm/unistd_32.h>
#include <linux/futex.h>
#include <linux/sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <unistd.h>

#define WARMUP	5
#define BATCHES	51
#define BATCH	1000

static inline unsigned long long rdtsc(void)
{
	unsigned long long t;

	__asm__ __volatile__("rdtsc" : "=A"(t));
	return t;
}

static void empty_op(void)
{
	__asm__ __volatile__("" ::: "memory");
}

static void getpid_int80(void)
{
	long r;

	__asm__ __volatile__("int $0x80" : "=a"(r) : "a"(__NR_getpid) : "memory");
}

/* The libc's path: the TCB's sysinfo word, i.e. __kernel_vsyscall. */
static void getpid_gs(void)
{
	long r;

	__asm__ __volatile__("call *%%gs:0x10" : "=a"(r) : "a"(__NR_getpid)
			     : "memory");
}

static void sort_ull(unsigned long long *v, int n)
{
	for (int i = 1; i < n; i++) {
		unsigned long long x = v[i];
		int j = i;

		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/*
 * sysenter without the vDSO. The kernel returns (sysexit, or iret) to
 * the vDSO's SYSENTER_RETURN, never to us: that landing pad pops ebp,
 * edx and ecx and `ret`s, so the sequence builds the stack the vDSO
 * would have built, plus the return address the `call` would have
 * pushed: our own label. Linux 6.1 returns to its vDSO's landing pad
 * (after the int $0x80 fallback) the same way, with the same pops. ebp
 * carries the user esp into the kernel, which reads argument 6 from
 * (%ebp); it comes back through the pops unchanged.
 */
static void getpid_sysenter(void)
{
	long r;

	__asm__ __volatile__(
		"pushl $1f\n\t"
		"pushl %%ecx\n\t"
		"pushl %%edx\n\t"
		"pushl %%ebp\n\t"
		"movl %%esp, %%ebp\n\t"
		"sysenter\n"
		"1:"
		: "=a"(r) : "a"(__NR_getpid) : "memory");
}

/* Time `batches` batches of `batch` calls of op, after `warmup` batches. */
static void measure_n(const char *name, void (*op)(void), int warmup,
		      int batches, int batch)
{
	unsigned long long per[BATCHES];

	for (int b = 0; b < warmup + batches; b++) {
		unsigned long long t0 = rdtsc();

		for (int i = 0; i < batch; i++)
			op();
		if (b >= warmup)
			per[b - warmup] = rdtsc() - t0;
	}
	sort_ull(per, batches);
	printf("bench: %-22s min %7llu  median %7llu  max %7llu  per call"
	       "  (%d batches of %d after %d warm-up)\n",
	       name, per[0] / batch, per[batches / 2] / batch,
	       per[batches - 1] / batch, batches, batch, warmup);
}

static void measure(const char *name, void (*op)(void))
{
	measure_n(name, op, WARMUP, BATCHES, BATCH);
}

static void wait_child(long pid)
{
	syscall(__NR_wait4, pid, 0, 0, 0);
}

static void fork_exit_wait(void)
{
	long pid = syscall(__NR_fork);

	if (pid == 0)
		syscall(__NR_exit, 0);
	wait_child(pid);
}

static char self_path[] = "/bench";
static char child_arg[] = "exit";
static char *const child_argv[] = { self_path, child_arg, NULL };

/*
 * vfork, then execve in the child, all in one asm block: the child runs
 * on the parent's stack until execve, so it must not call anything.
 * The kernel keeps ebx/ecx/edx across vfork: they hold execve's args.
 */
static void vfork_exec_wait(void)
{
	long pid;

	__asm__ __volatile__(
		"int $0x80\n\t"
		"testl %%eax, %%eax\n\t"
		"jnz 1f\n\t"
		"movl %[execve], %%eax\n\t"
		"int $0x80\n\t"
		"movl %[exit], %%eax\n\t"
		"movl $127, %%ebx\n\t"
		"int $0x80\n"
		"1:"
		: "=a"(pid)
		: "a"(__NR_vfork), "b"(self_path), "c"(child_argv), "d"(0),
		  [execve] "i"(__NR_execve), [exit] "i"(__NR_exit)
		: "memory");
	wait_child(pid);
}

static void fork_exec_wait(void)
{
	long pid = syscall(__NR_fork);

	if (pid == 0) {
		syscall(__NR_execve, self_path, child_argv, 0);
		syscall(__NR_exit, 127);
	}
	wait_child(pid);
}

static char thread_stack[4096] __attribute__((aligned(16)));
static volatile int thread_tid;

/* A thread that exits at once; joined like pthread_join, on its tid word. */
static void thread_create_join(void)
{
	unsigned long flags = CLONE_VM | CLONE_FS | CLONE_FILES |
			      CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |
			      CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
	long r;
	int tid;

	__asm__ __volatile__(
		"int $0x80\n\t"
		"testl %%eax, %%eax\n\t"
		"jnz 1f\n\t"
		"movl %[exit], %%eax\n\t"	/* the thread: exit(0) */
		"xorl %%ebx, %%ebx\n\t"
		"int $0x80\n"
		"1:"
		: "=a"(r)
		: "a"(__NR_clone), "b"(flags), "c"(thread_stack + sizeof(thread_stack)),
		  "d"(&thread_tid), "S"(0), "D"(&thread_tid),
		  [exit] "i"(__NR_exit)
		: "memory");
	while ((tid = thread_tid) != 0)
		syscall(__NR_futex, &thread_tid, FUTEX_WAIT, tid, 0, 0, 0);
	(void)r;
}

static int ping[2], pong[2];

static void pipe_round_trip(void)
{
	char c = 'x';

	syscall(__NR_write, ping[1], &c, 1);
	syscall(__NR_read, pong[0], &c, 1);
}

/* The other end of the ping-pong: echo every byte until EOF. */
static long start_echo_child(void)
{
	long pid;

	syscall(__NR_pipe, ping);
	syscall(__NR_pipe, pong);
	pid = syscall(__NR_fork);
	if (pid == 0) {
		char c;

		/* Only the parent may hold the write end, or EOF never comes. */
		syscall(__NR_close, ping[1]);
		syscall(__NR_close, pong[0]);
		while (syscall(__NR_read, ping[0], &c, 1) == 1)
			syscall(__NR_write, pong[1], &c, 1);
		syscall(__NR_exit, 0);
	}
	return pid;
}

static void stop_echo_child(long pid)
{
	syscall(__NR_close, ping[1]);
	wait_child(pid);
	syscall(__NR_close, ping[0]);
	syscall(__NR_close, pong[0]);
	syscall(__NR_close, pong[1]);
}

int main(int argc, char **argv)
{
	unsigned long sysinfo = getauxval(AT_SYSINFO);
	long echo;

	(void)argv;
	if (argc > 1)
		return 0;	/* exec'd by the exec benchmarks: done */
	const unsigned char *p = (const unsigned char *)sysinfo;
	const char *kind = "none";

	for (int i = 0; p && i < 16; i++) {
		if (p[i] == 0x0f && p[i + 1] == 0x34) {
			kind = "sysenter";
			break;
		}
		if (p[i] == 0xcd && p[i + 1] == 0x80) {
			kind = "int80";
			break;
		}
	}
	printf("bench: method: rdtsc before and after each batch of calls, "
	       "warm-up batches first; per call: batch time / batch size; "
	       "min/median/max over the batches\n");
	printf("bench: vDSO __kernel_vsyscall uses: %s\n", kind);
	measure("empty loop", empty_op);
	measure("getpid int $0x80", getpid_int80);
	measure("getpid call *%gs:0x10", getpid_gs);
	if (strcmp(kind, "sysenter") == 0)
		measure("getpid raw sysenter", getpid_sysenter);
	else
		printf("bench: %-22s skipped (not allowed: %s)\n",
		       "getpid raw sysenter",
		       strcmp(kind, "int80") == 0 ?
		       "the vDSO uses int $0x80 (syscall=int80): no SYSENTER MSRs" :
		       "no vDSO with sysenter");
	measure_n("fork+exit+wait4", fork_exit_wait, 2, 11, 20);
	measure_n("vfork+execve+wait4", vfork_exec_wait, 2, 11, 20);
	measure_n("fork+execve+wait4", fork_exec_wait, 2, 11, 20);
	measure_n("thread create+join", thread_create_join, 2, 11, 50);
	echo = start_echo_child();
	measure_n("pipe round trip", pipe_round_trip, 2, 11, 200);
	stop_echo_child(echo);
	printf("bench: done\n");
	fflush(stdout);
	reboot(RB_POWER_OFF);
	return 0;
}
