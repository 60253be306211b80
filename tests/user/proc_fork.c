/*
 * proc_fork: fork(2) (2) returns twice and copies the address space.
 *
 *   through int $0x80, call *%gs:0x10, call *AT_SYSINFO, libc's
 *   syscall() and libc's fork(): the parent gets the child's pid, the
 *   child 0; the child's
 *   getpid() is that pid and its getppid() the parent; every register
 *   but eax (and esp) comes back as it went in, in both
 *
 *   copy-on-write, both directions, for a data page the parent wrote
 *   before fork, a bss page nobody touched, the stack, brk memory (and
 *   the child's own brk), malloc, 64 pages at once, and a page the
 *   kernel writes (read(2) into a shared page must copy it first, as a
 *   user write does); a grandchild gets the child's copy; a page whose
 *   other owner has exited is the parent's again
 *
 * Children report over a pipe (what they saw) and end with _exit; the
 * parent makes every check and reaps every child.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sched.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lib/proc_raw.h"
#include "lib/tap.h"

#define PAGE		4096
#define BIG_PAGES	64

/* What a child saw, sent back through a pipe. */
struct report {
	long v[8];
};

static int data_word = 1;			/* .data */
static char bss_page[PAGE] __attribute__((aligned(PAGE)));
static char big[BIG_PAGES * PAGE] __attribute__((aligned(PAGE)));
static char kbuf[PAGE] __attribute__((aligned(PAGE)));
static const int ro_word = 77;

/* Child: send what it saw. */
static void
child_send(int fd, const struct report *r)
{
	write(fd, r, sizeof(*r));
}

/* Reap pid; its raw status, or -1 if wait4 did not return pid. */
static int
reap(pid_t pid)
{
	int status = -1;

	if (xwait4(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* Reap pid, which must have exited with status 0. */
static void
check_reaped(pid_t pid, const char *what)
{
	int status = reap(pid);

	if (!ok(status == 0, "%s: child exited with status 0", what))
		diag("status 0x%x", status);
}

/* ---- fork returns twice, on every entry path ---- */

static void
test_returns_twice(enum raw_path p)
{
	const char *name = raw_path_name(p);
	struct report r = { { 0 } };
	int fds[2];
	long pid;

	xpipe(fds);
	pid = raw_syscall(p, SYS_fork, 0, 0, 0, 0, 0);
	if (pid == 0) {
		r.v[0] = 1;
		r.v[1] = getpid();
		r.v[2] = getppid();
		child_send(fds[1], &r);
		raw_exit(0);
	}
	close(fds[1]);
	if (!ok(pid > 0, "fork through %s: the parent gets a pid", name)) {
		diag("got %ld", pid);
		close(fds[0]);
		return;
	}
	ok(pid != getpid(), "%s: the child's pid is not ours", name);
	if (!ok(read_full(fds[0], &r, sizeof(r)) == 0,
		"%s: the child ran and reported", name)) {
		close(fds[0]);
		reap(pid);
		return;
	}
	close(fds[0]);
	is(r.v[1], pid, "%s: the child's getpid() is the returned pid", name);
	is(r.v[2], getpid(), "%s: the child's getppid() is the parent", name);
	check_reaped(pid, name);
}

/* libc's syscall(): the same, with errno conventions. */
static void
test_libc_syscall(void)
{
	int fds[2], st = -1;
	pid_t me = getpid(), pid;
	long seen[2] = { 0, 0 };

	xpipe(fds);
	pid = syscall(SYS_fork);
	if (pid == 0) {
		seen[0] = getpid();
		seen[1] = getppid();
		write(fds[1], seen, sizeof(seen));
		_exit(3);
	}
	close(fds[1]);
	ok(pid > 0, "syscall(SYS_fork): the parent gets a pid");
	ok(read_full(fds[0], seen, sizeof(seen)) == 0 && seen[0] == pid &&
	   seen[1] == me, "syscall(SYS_fork): the child is that pid, our child");
	close(fds[0]);
	is(xwait4(pid, &st, 0), pid, "wait4 returns the pid");
	is(st, 3 << 8, "and the child's _exit(3)");
}

/* libc's fork(): the same again, through the wrapper. */
static void
test_libc_fork(void)
{
	int fds[2], st = -1;
	pid_t me = getpid(), pid;
	long seen[2] = { 0, 0 };

	xpipe(fds);
	pid = fork();
	if (pid == 0) {
		seen[0] = getpid();
		seen[1] = getppid();
		write(fds[1], seen, sizeof(seen));
		_exit(4);
	}
	close(fds[1]);
	ok(pid > 0, "libc fork(): the parent gets a pid");
	ok(read_full(fds[0], seen, sizeof(seen)) == 0 && seen[0] == pid &&
	   seen[1] == me, "libc fork(): the child is that pid, our child");
	close(fds[0]);
	is(xwait4(pid, &st, 0), pid, "wait4 returns the pid");
	is(st, 4 << 8, "and the child's _exit(4)");
}

/*
 * Registers across fork: ebx, ecx, edx, esi, edi, ebp and esp are what
 * they were, in the parent and in the child; only eax differs. The child
 * reports by exit status (one bit per register that changed).
 */
/* Globals: the asm below changes ebp and pushes, so no frame operands. */
unsigned long reg_path, reg_bp, reg_sp_before, reg_sp_after;

static void
test_registers(enum raw_path p)
{
	unsigned long b, c, d, s, di;
	long pid;
	int bad, st;

	raw_sysinfo_target = getauxval(AT_SYSINFO);
	reg_path = p;
	__asm__ __volatile__(
		"pushl	%%ebp\n\t"
		"movl	$0x5ee0000b, %%ebp\n\t"
		"movl	%%esp, reg_sp_before\n\t"
		"cmpl	$1, reg_path\n\t"
		"je	1f\n\t"
		"cmpl	$2, reg_path\n\t"
		"je	2f\n\t"
		"int	$0x80\n\t"
		"jmp	3f\n"
		"1:	call	*%%gs:0x10\n\t"
		"jmp	3f\n"
		"2:	call	*%c[t]\n"
		"3:	movl	%%esp, reg_sp_after\n\t"
		"movl	%%ebp, reg_bp\n\t"
		"popl	%%ebp"
		: "=a"(pid), "=b"(b), "=c"(c), "=d"(d), "=S"(s), "=D"(di)
		: "0"(SYS_fork), "1"(0x5ee0000aul), "2"(0x5ee0000cul),
		  "3"(0x5ee0000dul), "4"(0x5ee0000eul), "5"(0x5ee0000ful),
		  [t] "i"(&raw_sysinfo_target)
		: "memory", "cc");
	bad = (b != 0x5ee0000a) | (c != 0x5ee0000c) << 1 |
	      (d != 0x5ee0000d) << 2 | (s != 0x5ee0000e) << 3 |
	      (di != 0x5ee0000f) << 4 | (reg_bp != 0x5ee0000b) << 5 |
	      (reg_sp_before != reg_sp_after) << 6;
	if (pid == 0)
		raw_exit(bad);
	if (!ok(pid > 0, "%s: fork for the register check", raw_path_name(p)))
		return;
	if (!is(bad, 0, "%s: the parent's registers survive fork",
		raw_path_name(p)))
		diag("ebx %lx ecx %lx edx %lx esi %lx edi %lx ebp %lx esp %lx/%lx",
		     b, c, d, s, di, reg_bp, reg_sp_before, reg_sp_after);
	st = reap(pid);
	if (!is(st, 0, "%s: the child's registers are the parent's",
		raw_path_name(p)))
		diag("status 0x%x: bits ebx,ecx,edx,esi,edi,ebp,esp = %#x", st,
		     st >> 8);
}

/* ---- copy-on-write ---- */

/*
 * The common shape: before fork, `prepare` runs in the parent; the child
 * runs `in_child` (which fills r), and the parent runs `in_parent` after
 * the child has reported, while the child still lives (it waits on
 * `gate` for the parent's go, then runs `after_gate` and reports again).
 */
struct cow_case {
	const char *name;
	void (*prepare)(void);
	void (*in_child)(struct report *r);	/* before the gate */
	void (*in_parent)(void);		/* while the child waits */
	void (*after_gate)(struct report *r);	/* child, after the gate */
	void (*check)(const struct report *first, const struct report *second);
};

/* Run one cow_case: fork, child part, gate, parent part, checks. */
static void
run_cow(const struct cow_case *c)
{
	int up[2], gate[2];
	struct report r1, r2;
	pid_t pid;
	char go = 'g';

	if (c->prepare)
		c->prepare();
	xpipe(up);
	xpipe(gate);
	pid = xfork();
	if (pid == 0) {
		close(up[0]);
		close(gate[1]);
		memset(&r1, 0, sizeof(r1));
		memset(&r2, 0, sizeof(r2));
		if (c->in_child)
			c->in_child(&r1);
		child_send(up[1], &r1);
		if (read(gate[0], &go, 1) != 1)
			raw_exit(90);
		if (c->after_gate)
			c->after_gate(&r2);
		child_send(up[1], &r2);
		raw_exit(0);
	}
	close(up[1]);
	close(gate[0]);
	if (!ok(pid > 0, "%s: fork", c->name)) {
		close(up[0]);
		close(gate[1]);
		return;
	}
	if (read_full(up[0], &r1, sizeof(r1))) {
		ok(0, "%s: the child reported", c->name);
		close(gate[1]);
		close(up[0]);
		reap(pid);
		return;
	}
	if (c->in_parent)
		c->in_parent();
	write(gate[1], &go, 1);
	close(gate[1]);
	if (read_full(up[0], &r2, sizeof(r2)))
		ok(0, "%s: the child reported after the gate", c->name);
	else
		c->check(&r1, &r2);
	close(up[0]);
	check_reaped(pid, c->name);
}

/* .data: the parent wrote 2 before fork; the child writes 3, the parent 4. */
static void data_prepare(void) { data_word = 2; }
static void data_child(struct report *r)
{
	r->v[0] = data_word;
	data_word = 3;
	r->v[1] = data_word;
}
static void data_parent(void) { data_word = 4; }
static void data_after(struct report *r) { r->v[0] = data_word; }
static void data_check(const struct report *a, const struct report *b)
{
	is(a->v[0], 2, "data: the child sees what the parent wrote before fork");
	is(a->v[1], 3, "data: the child reads back its own write");
	is(b->v[0], 3, "data: the parent's later write does not reach the child");
	is(data_word, 4, "data: the child's write did not reach the parent");
}

/* .bss, untouched before fork: both sides fault in their own zero page. */
static void bss_child(struct report *r)
{
	r->v[0] = bss_page[100];
	memset(bss_page, 'c', PAGE);
	r->v[1] = bss_page[PAGE - 1];
}
static void bss_parent(void)
{
	memset(bss_page + PAGE / 2, 'p', PAGE / 2);
}
static void bss_after(struct report *r)
{
	r->v[0] = bss_page[0];
	r->v[1] = bss_page[PAGE - 1];
}
static void bss_check(const struct report *a, const struct report *b)
{
	is(a->v[0], 0, "bss: zero in the child");
	is(a->v[1], 'c', "bss: the child's write reads back");
	ok(b->v[0] == 'c' && b->v[1] == 'c',
	   "bss: the parent's write does not reach the child");
	ok(bss_page[0] == 0 && bss_page[PAGE - 1] == 'p',
	   "bss: the child's write did not reach the parent");
}

/* 64 pages the parent filled: the child rewrites every one. */
static int
big_count(char want)
{
	int n = 0;

	for (int i = 0; i < BIG_PAGES; i++)
		n += big[i * PAGE] == want && big[i * PAGE + PAGE - 1] == want;
	return n;
}
static void big_prepare(void) { memset(big, 'P', sizeof(big)); }
static void big_child(struct report *r)
{
	r->v[0] = big_count('P');
	memset(big, 'C', sizeof(big));
	r->v[1] = big_count('C');
}
static void big_parent(void)
{
	for (int i = 0; i < BIG_PAGES; i += 2)
		big[i * PAGE + 7] = 'Q';
}
static void big_after(struct report *r)
{
	int q = 0;

	for (int i = 0; i < BIG_PAGES; i++)
		q += big[i * PAGE + 7] == 'Q';
	r->v[0] = big_count('C');
	r->v[1] = q;
}
static void big_check(const struct report *a, const struct report *b)
{
	is(a->v[0], BIG_PAGES, "64 pages: the child sees the parent's data");
	is(a->v[1], BIG_PAGES, "64 pages: the child's writes read back");
	is(b->v[0], BIG_PAGES, "64 pages: still the child's after the parent wrote");
	is(b->v[1], 0, "64 pages: none of the parent's writes reached the child");
	is(big_count('P'), BIG_PAGES, "64 pages: the parent's are intact");
}

/*
 * The kernel writes into a shared page: read(2) in the child into a
 * buffer the parent filled. The kernel must copy the page first, as it
 * does for a user write (a kernel write ignores the read-only PTE unless
 * CR0.WP is set).
 */
static void kbuf_prepare(void) { memset(kbuf, 'P', sizeof(kbuf)); }
static void kbuf_child(struct report *r)
{
	int p[2];

	xpipe(p);
	write(p[1], "kernel", 6);
	r->v[0] = read(p[0], kbuf + 100, 6);
	r->v[1] = !memcmp(kbuf + 100, "kernel", 6);
	r->v[2] = kbuf[0];
	close(p[0]);
	close(p[1]);
}
static void kbuf_parent(void)
{
	int p[2];

	/* And the other way: the parent's kernel write, child unaffected. */
	xpipe(p);
	write(p[1], "parent", 6);
	read(p[0], kbuf + 200, 6);
	close(p[0]);
	close(p[1]);
}
static void kbuf_after(struct report *r)
{
	r->v[0] = kbuf[200];
	r->v[1] = !memcmp(kbuf + 100, "kernel", 6);
}
static void kbuf_check(const struct report *a, const struct report *b)
{
	is(a->v[0], 6, "read(2) into a shared page: 6 bytes");
	ok(a->v[1] && a->v[2] == 'P',
	   "read(2) into a shared page: the child has its data on its copy");
	ok(kbuf[100] == 'P', "the kernel's write for the child did not reach "
	   "the parent");
	ok(!memcmp(kbuf + 200, "parent", 6), "the parent's read(2) landed");
	ok(b->v[0] == 'P' && b->v[1],
	   "the kernel's write for the parent did not reach the child");
}

static const struct cow_case cow_cases[] = {
	{ "data", data_prepare, data_child, data_parent, data_after, data_check },
	{ "bss", NULL, bss_child, bss_parent, bss_after, bss_check },
	{ "64 pages", big_prepare, big_child, big_parent, big_after, big_check },
	{ "kernel write", kbuf_prepare, kbuf_child, kbuf_parent, kbuf_after,
	  kbuf_check },
};

/* The stack: a local array the parent filled, in this frame. */
static void __attribute__((noinline))
test_cow_stack(void)
{
	volatile char local[3 * PAGE];
	int up[2], gate[2];
	long seen[3] = { 0, 0, 0 };
	pid_t pid;
	char go;

	memset((char *)local, 's', sizeof(local));
	xpipe(up);
	xpipe(gate);
	pid = xfork();
	if (pid == 0) {
		close(gate[1]);
		seen[0] = local[0] == 's' && local[sizeof(local) - 1] == 's';
		memset((char *)local, 'c', sizeof(local));
		write(up[1], seen, sizeof(seen));
		read(gate[0], &go, 1);
		seen[1] = local[PAGE] == 'c' && local[2 * PAGE + 5] == 'c';
		write(up[1], seen, sizeof(seen));
		raw_exit(0);
	}
	close(up[1]);
	close(gate[0]);
	ok(read_full(up[0], seen, sizeof(seen)) == 0 && seen[0],
	   "stack: the child sees the parent's locals");
	local[PAGE] = 'p';
	local[2 * PAGE + 5] = 'p';
	write(gate[1], "g", 1);
	close(gate[1]);
	ok(read_full(up[0], seen, sizeof(seen)) == 0 && seen[1],
	   "stack: the parent's later writes do not reach the child");
	close(up[0]);
	ok(local[0] == 's' && local[sizeof(local) - 1] == 's',
	   "stack: the child's writes did not reach the parent");
	check_reaped(pid, "stack");
}

/*
 * brk: memory the parent got from brk before fork is copied; the child's
 * own brk moves do not move the parent's; malloc'd memory likewise.
 */
static void
test_cow_heap(void)
{
	char *heap = sbrk(2 * PAGE), *m = malloc(1000);
	char *brk_before;
	long seen[4] = { 0, 0, 0, 0 };
	int up[2];
	pid_t pid;

	if (!ok(heap != (void *)-1 && m, "heap: sbrk and malloc")) {
		free(m);
		return;
	}
	memset(heap, 'h', 2 * PAGE);
	memset(m, 'm', 1000);
	brk_before = sbrk(0);
	xpipe(up);
	pid = xfork();
	if (pid == 0) {
		char *more;

		seen[0] = heap[0] == 'h' && heap[2 * PAGE - 1] == 'h' &&
			  m[999] == 'm';
		memset(heap, 'c', 2 * PAGE);
		memset(m, 'c', 1000);
		more = sbrk(4 * PAGE);
		seen[1] = more == brk_before;
		if (more != (void *)-1) {
			memset(more, 'x', 4 * PAGE);
			seen[2] = more[4 * PAGE - 1] == 'x';
		}
		seen[3] = (long)sbrk(0);
		write(up[1], seen, sizeof(seen));
		raw_exit(0);
	}
	close(up[1]);
	if (!ok(read_full(up[0], seen, sizeof(seen)) == 0,
		"heap: the child reported")) {
		close(up[0]);
		reap(pid);
		return;
	}
	close(up[0]);
	ok(seen[0], "heap: the child sees brk and malloc memory");
	ok(seen[1] && seen[2], "heap: the child's sbrk grows from the same break");
	is(seen[3], (long)(brk_before + 4 * PAGE), "heap: the child's new break");
	check_reaped(pid, "heap");
	ok(heap[0] == 'h' && heap[2 * PAGE - 1] == 'h' && m[0] == 'm' &&
	   m[999] == 'm', "heap: the child's writes did not reach the parent");
	ok(sbrk(0) == brk_before, "heap: the parent's break did not move");
	free(m);
	sbrk(-2 * PAGE);
}

/*
 * Three generations: the grandchild sees the child's copy (written after
 * the first fork), and nobody's writes reach anyone else.
 */
static void
test_grandchild(void)
{
	long seen[4] = { 0, 0, 0, 0 };
	int up[2];
	pid_t pid;

	data_word = 10;
	xpipe(up);
	pid = xfork();
	if (pid == 0) {
		pid_t g;
		int st = -1;

		data_word = 20;
		g = xfork();
		if (g == 0) {
			seen[0] = data_word;
			data_word = 30;
			seen[1] = getppid();
			write(up[1], seen, sizeof(seen));
			raw_exit(0);
		}
		seen[2] = xwait4(g, &st, 0) == g && st == 0;
		seen[3] = data_word;
		write(up[1], seen, sizeof(seen));
		raw_exit(0);
	}
	close(up[1]);
	if (ok(read_full(up[0], seen, sizeof(seen)) == 0,
	       "grandchild: reported")) {
		is(seen[0], 20, "grandchild: sees the child's copy");
		is(seen[1], pid, "grandchild: its parent is the child");
	}
	if (ok(read_full(up[0], seen, sizeof(seen)) == 0, "child: reported")) {
		ok(seen[2], "child: reaped the grandchild");
		is(seen[3], 20, "child: the grandchild's write did not reach it");
	}
	close(up[0]);
	check_reaped(pid, "grandchild");
	is(data_word, 10, "parent: neither write reached it");
}

/*
 * The other owner goes away: after the child exits without writing, the
 * parent's write (to a page that is still read-only for it) must land in
 * its own memory; and a read-only object stays readable in the child.
 */
static void
test_sole_owner(void)
{
	pid_t pid;
	int st = -1;

	data_word = 50;
	pid = xfork();
	if (pid == 0)
		raw_exit(ro_word == 77 && data_word == 50 ? 0 : 1);
	is(xwait4(pid, &st, 0), pid, "sole owner: child reaped");
	is(st, 0, "sole owner: the child read .rodata and .data");
	data_word = 51;
	is(data_word, 51, "sole owner: the parent's write after the child left");
	is(ro_word, 77, ".rodata unchanged");
}

/*
 * mmap'd memory: a MAP_SHARED anonymous page stays shared across fork
 * (both see each other's writes, and a FUTEX_WAIT in the child on a word
 * there is woken by the parent); a MAP_PRIVATE one is copied.
 */
static void
test_mmap(void)
{
	volatile int *shr, *prv;
	int st = -1;
	pid_t pid;

	shr = (void *)syscall(SYS_mmap2, NULL, PAGE, PROT_READ | PROT_WRITE,
			      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	prv = (void *)syscall(SYS_mmap2, NULL, PAGE, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (shr == MAP_FAILED || prv == MAP_FAILED) {
		skip(6, "mmap2 failed");
		return;
	}
	shr[0] = 1;
	prv[0] = 1;
	pid = xfork();
	if (pid == 0) {
		int bad = 0;

		bad |= (shr[0] != 1 || prv[0] != 1);
		shr[1] = 2;
		prv[1] = 2;
		/* Wait for the parent's go in the shared page. */
		while (shr[2] == 0)
			xfutex_wait(&shr[2], 0);
		bad |= (shr[3] != 3) << 1;
		bad |= (prv[3] != 0) << 2;
		raw_exit(bad);
	}
	if (!ok(pid > 0, "mmap: fork"))
		return;
	while (shr[1] != 2)
		sched_yield();
	is(shr[1], 2, "MAP_SHARED: the child's write is ours");
	shr[3] = 3;
	prv[3] = 3;
	shr[2] = 1;
	xfutex_wake(&shr[2], 1);
	is(xwait4(pid, &st, 0), pid, "mmap: the child woke and exited");
	if (!is(st, 0, "the child saw our MAP_SHARED write and not our "
		"MAP_PRIVATE one"))
		diag("status 0x%x (bits: before fork, shared, private)", st);
	is(prv[1], 0, "MAP_PRIVATE: the child's write is its own");
	ok(syscall(SYS_munmap, shr, PAGE) == 0 &&
	   syscall(SYS_munmap, prv, PAGE) == 0, "munmap both");
}

int
main(void)
{
	for (int p = 0; p < RAW_NPATHS; p++)
		test_returns_twice(p);
	test_libc_syscall();
	test_libc_fork();
	for (int p = 0; p < RAW_NPATHS; p++)
		test_registers(p);
	for (size_t i = 0; i < sizeof(cow_cases) / sizeof(cow_cases[0]); i++)
		run_cow(&cow_cases[i]);
	test_cow_stack();
	test_cow_heap();
	test_grandchild();
	test_sole_owner();
	test_mmap();
	is(xwait4(-1, NULL, WNOHANG), -1, "every child was reaped");
	return done_testing();
}
