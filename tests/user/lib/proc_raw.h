/*
 * proc_raw.h: raw process system calls for the proc_* tests, written
 * against the kernel's ABI rather than a libc wrapper, so the tests say
 * exactly which instruction enters the kernel and what is in each
 * register:
 *
 *   raw_syscall(path, nr, a..e)   one call through int $0x80 (RAW_INT80),
 *                                 call *%gs:0x10 (RAW_GS, the TCB's copy
 *                                 of AT_SYSINFO) or call *AT_SYSINFO
 *                                 (RAW_SYSINFO); the raw eax comes back
 *   raw_exit(code)                SYS_exit (this thread only), inline
 *   raw_exit_group(code)          SYS_exit_group, inline
 *   vfork_call(fn, arg)           vfork by int $0x80; the child runs
 *                                 fn(arg) on the stack below, and fn must
 *                                 not return (raw_exit or execve)
 *   clone_call(flags, stack, ptid, tls, ctid, fn, arg)
 *                                 clone (120) by int $0x80 in i386 order;
 *                                 the child runs fn(arg) on `stack` (or on
 *                                 its copy of ours if stack is NULL) and
 *                                 ends with SYS_exit(fn's return value)
 *   xfork, xwait4, xpipe, ...     the calls through libc's syscall(), so a
 *                                 test of the kernel does not lean on the
 *                                 libc's own wrappers
 *   read_full, sleep_ms, join_tid small helpers
 *   tcb_copy, tls_desc            a TCB for a CLONE_SETTLS child
 *
 * Header only, with file-scope asm: include it from exactly one .c file
 * per program (every tests/user program is one file).
 *
 * Why vfork and clone are not C functions returning to their caller:
 * a vfork child runs on the parent's stack, so returning from the
 * function that entered the kernel would pop the parent's frame before
 * the parent resumes in it (kernel/fork.c says the same); a clone child
 * with a new stack has nothing to return to. Both use int $0x80: the
 * sysenter vDSO returns through pops from the user stack, which the
 * child has replaced or shares.
 */
#ifndef PROC_RAW_H
#define PROC_RAW_H

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <asm/ldt.h>
#include <linux/futex.h>
#include <linux/sched.h>

/* A syscall number as an asm immediate: "$" PROC_NR(SYS_x). */
#define PROC_STR(x)	#x
#define PROC_NR(x)	PROC_STR(x)

enum raw_path { RAW_INT80, RAW_GS, RAW_SYSINFO, RAW_NPATHS };

/* The entry path's name, for test names. */
static inline const char *
raw_path_name(enum raw_path p)
{
	return p == RAW_INT80 ? "int $0x80" :
	       p == RAW_GS ? "call *%gs:0x10" : "call *AT_SYSINFO";
}

/* Where RAW_SYSINFO calls: AT_SYSINFO, set by raw_syscall. */
unsigned long raw_sysinfo_target;

#define RAW_TRAP(insn, r, n, a, b, c, d, e)				\
	__asm__ __volatile__(insn					\
			     : "=a"(r)					\
			     : "0"(n), "b"(a), "c"(b), "d"(c), "S"(d),	\
			       "D"(e), [t] "i"(&raw_sysinfo_target)	\
			     : "memory", "cc")

/* One call of up to five arguments; the raw eax (-errno on failure). */
static inline long
raw_syscall(enum raw_path p, long n, long a, long b, long c, long d, long e)
{
	long r;

	switch (p) {
	case RAW_INT80:
		RAW_TRAP("int $0x80", r, n, a, b, c, d, e);
		break;
	case RAW_GS:
		RAW_TRAP("call *%%gs:0x10", r, n, a, b, c, d, e);
		break;
	default:
		raw_sysinfo_target = getauxval(AT_SYSINFO);
		RAW_TRAP("call *%c[t]", r, n, a, b, c, d, e);
		break;
	}
	return r;
}

static inline __attribute__((noreturn)) void
raw_exit(int code)
{
	for (;;)
		__asm__ __volatile__("int $0x80" : : "a"(SYS_exit), "b"(code)
				     : "memory");
}

static inline __attribute__((noreturn)) void
raw_exit_group(int code)
{
	for (;;)
		__asm__ __volatile__("int $0x80" : : "a"(SYS_exit_group),
				     "b"(code) : "memory");
}

/*
 * long vfork_call(void (*fn)(long), long arg)
 *
 * The parent gets the child's pid or -errno once the child has exited
 * or exec'd. The child calls fn(arg) with its stack pointer below this
 * routine's frame (only the return address and the two arguments), so
 * nothing the parent will read is overwritten.
 */
long vfork_call(void (*fn)(long), long arg);
__asm__(".text\n"
	".globl	vfork_call\n"
	".type	vfork_call, @function\n"
	"vfork_call:\n"
	"	movl	$" PROC_NR(SYS_vfork) ", %eax\n"
	"	int	$0x80\n"
	"	testl	%eax, %eax\n"
	"	jnz	1f\n"
	"	pushl	8(%esp)\n"		/* arg */
	"	call	*8(%esp)\n"		/* fn (4(%esp) before the push) */
	"	ud2\n"				/* fn returned: a test bug */
	"1:	ret\n"
	".size	vfork_call, . - vfork_call\n");

/*
 * long clone_call(unsigned long flags, void *stack, int *ptid, void *tls,
 *                 int *ctid, int (*fn)(void *), void *arg)
 *
 * clone(flags, stack, ptid, tls, ctid) by int $0x80 (ebx, ecx, edx, esi,
 * edi). With a stack, fn and arg are stored at its 16-byte aligned top
 * first, so the child finds them there; without one (only sensible
 * without CLONE_VM) the child reads them from its copy of this frame.
 * The child leaves with SYS_exit(fn(arg)); the parent gets the raw eax.
 */
long clone_call(unsigned long flags, void *stack, int *ptid, void *tls,
		int *ctid, int (*fn)(void *), void *arg);
__asm__(".text\n"
	".globl	clone_call\n"
	".type	clone_call, @function\n"
	"clone_call:\n"
	"	pushl	%ebp\n"
	"	movl	%esp, %ebp\n"
	"	pushl	%ebx\n"
	"	pushl	%esi\n"
	"	pushl	%edi\n"
	"	movl	12(%ebp), %ecx\n"	/* stack */
	"	testl	%ecx, %ecx\n"
	"	jz	1f\n"
	"	andl	$-16, %ecx\n"
	"	subl	$16, %ecx\n"
	"	movl	32(%ebp), %eax\n"	/* arg: 0(new esp) */
	"	movl	%eax, 0(%ecx)\n"
	"	movl	28(%ebp), %eax\n"	/* fn: 4(new esp) */
	"	movl	%eax, 4(%ecx)\n"
	"1:	movl	8(%ebp), %ebx\n"	/* flags */
	"	movl	16(%ebp), %edx\n"	/* ptid */
	"	movl	20(%ebp), %esi\n"	/* tls */
	"	movl	24(%ebp), %edi\n"	/* ctid */
	"	movl	$" PROC_NR(SYS_clone) ", %eax\n"
	"	int	$0x80\n"
	"	testl	%eax, %eax\n"
	"	jnz	3f\n"
	/* The child: ecx still holds its stack pointer, or 0. */
	"	testl	%ecx, %ecx\n"
	"	jz	2f\n"
	"	movl	4(%esp), %eax\n"
	"	xorl	%ebp, %ebp\n"
	"	call	*%eax\n"		/* fn(arg): arg is at 0(%esp) */
	"	jmp	4f\n"
	"2:	pushl	32(%ebp)\n"
	"	call	*28(%ebp)\n"
	"4:	movl	%eax, %ebx\n"
	"	movl	$" PROC_NR(SYS_exit) ", %eax\n" /* this thread only */
	"	int	$0x80\n"
	"	ud2\n"
	"3:	popl	%edi\n"
	"	popl	%esi\n"
	"	popl	%ebx\n"
	"	popl	%ebp\n"
	"	ret\n"
	".size	clone_call, . - clone_call\n");

/* syscall() returns -1 and sets errno; these keep that convention. */

/* fork(2): the child's pid, 0 in the child, or -1. */
static inline pid_t
xfork(void)
{
	return syscall(SYS_fork);
}

/* wait4(2) without rusage. */
static inline pid_t
xwait4(pid_t pid, int *status, int options)
{
	return syscall(SYS_wait4, pid, status, options, NULL);
}

/* pipe(2): fds[0] the read end, fds[1] the write end. */
static inline int
xpipe(int fds[2])
{
	return syscall(SYS_pipe, fds);
}

/* dup2(2). */
static inline int
xdup2(int from, int to)
{
	return syscall(SYS_dup2, from, to);
}

/* A shared FUTEX_WAIT (no FUTEX_PRIVATE_FLAG), no timeout. */
static inline long
xfutex_wait(volatile int *addr, int val)
{
	return syscall(SYS_futex, addr, FUTEX_WAIT, val, NULL, NULL, 0);
}

/* A shared FUTEX_WAKE of up to n sleepers. */
static inline long
xfutex_wake(volatile int *addr, int n)
{
	return syscall(SYS_futex, addr, FUTEX_WAKE, n, NULL, NULL, 0);
}

/* Read exactly n bytes; 0, or -1 on EOF or an error first. */
static inline int
read_full(int fd, void *buf, size_t n)
{
	char *p = buf;

	while (n) {
		ssize_t r = read(fd, p, n);

		if (r <= 0)
			return -1;
		p += r;
		n -= r;
	}
	return 0;
}

/* Sleep at least ms milliseconds (ms < 1000). */
static inline void
sleep_ms(long ms)
{
	struct timespec ts = { 0, ms * 1000000L };

	nanosleep(&ts, NULL);
}

/* Sleep until *tid is 0 (CLONE_CHILD_CLEARTID), as pthread_join does. */
static inline void
join_tid(volatile int *tid)
{
	int v, saved = errno;

	/* A wait that finds the word already changed fails with EAGAIN:
	 * keep that out of the caller's errno, which tests look at. */
	while ((v = *tid) != 0)
		xfutex_wait(tid, v);
	errno = saved;
}

/* The %gs selector this thread runs with. */
static inline unsigned int
cur_gs(void)
{
	unsigned int gs;

	__asm__ __volatile__("movl %%gs, %0" : "=r"(gs));
	return gs & 0xffff;
}

/* The calling thread's TCB address (%gs:0, the self pointer). */
static inline void *
cur_tcb(void)
{
	void *p;

	__asm__ __volatile__("movl %%gs:0, %0" : "=r"(p));
	return p;
}

/*
 * A TCB for a CLONE_SETTLS child: the first 0x20 bytes of ours (glibc's
 * tcbhead_t and this libc's errno), with the self pointers at 0 and 8
 * pointing at the copy. buf must be at least 64 bytes.
 */
static inline void *
tcb_copy(void *buf)
{
	void **t = buf;

	memcpy(buf, cur_tcb(), 0x20);
	t[0] = buf;
	t[2] = buf;
	return buf;
}

/* The user_desc that puts base in the TLS slot %gs uses now. */
static inline void
tls_desc(struct user_desc *d, void *base)
{
	memset(d, 0, sizeof(*d));
	d->entry_number = cur_gs() >> 3;
	d->base_addr = (unsigned long)base;
	d->limit = 0xfffff;
	d->seg_32bit = 1;
	d->limit_in_pages = 1;
	d->useable = 1;
}

/* The usual flags of a thread, as glibc's create_thread passes them. */
#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD | CLONE_SYSVSEM)

#endif
