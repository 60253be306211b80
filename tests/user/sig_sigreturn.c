/*
 * sig_sigreturn: rt_sigreturn trusts nothing in the frame. A SIGUSR1
 * handler forges one field of its ucontext (or a frame is built by hand
 * and passed to a raw rt_sigreturn), each case in a child whose result
 * comes back through a pipe and its wait status, so the parent (and the
 * kernel) outlive whatever happens. What Linux 6.1 does:
 *
 *   eflags: only the user-changeable bits are taken (AC OF DF TF SF ZF
 *     AF PF CF RF); IOPL, NT, VM, ID and IF come from the kernel: after
 *     eflags = IOPL 3|NT|VM|..., pushfl shows IOPL 0, no NT, no VM, and
 *     a cli right after still faults (SIGSEGV SI_KERNEL); eflags = 0
 *     leaves IF set; TF is taken: one instruction runs, then SIGTRAP
 *     TRAP_TRACE;
 *   cs and ss get RPL 3 forced (0x70 -> 0x73 and 0x78 -> 0x7b run on);
 *     any other bad cs (0x60, 0x10, the null selector, the user data
 *     segment) or ss (null, 0x60, the user code segment) makes the
 *     return to user mode fail: SIGILL with si_code ILL_BADSTK and
 *     si_addr 0, which kills the process if not handled;
 *   ds, es, fs, gs: an unusable selector (0xfffb, beyond any GDT, or
 *     0x0007, an LDT selector without an LDT) is reloaded as the null
 *     selector (read back as 0 right after the return); a valid one
 *     (the TLS selector of gs put in fs) is taken as it is;
 *   fpstate: NULL is accepted (the FPU state is reset), a pointer to
 *     unmapped memory or to the kernel is a bad frame: SIGSEGV;
 *   the frame itself: rt_sigreturn or sigreturn with esp on an unmapped
 *     page is a bad frame: SIGSEGV;
 *   a hand-built frame (every register, eip, esp, flags, segments and
 *     the mask) is taken as it is.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>
#include <asm/processor-flags.h>
#include "lib/sig_raw.h"
#include "lib/sig_watchdog.h"
#include "lib/tap.h"

#define SIG_STR(x)	#x
#define SIG_NR(x)	SIG_STR(x)

/* The flags rt_sigreturn takes from the frame (Linux's FIX_EFLAGS). */
#define USER_FLAGS (X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | \
		    X86_EFLAGS_TF | X86_EFLAGS_SF | X86_EFLAGS_ZF | \
		    X86_EFLAGS_AF | X86_EFLAGS_PF | X86_EFLAGS_CF | X86_EFLAGS_RF)

/* The same entry for each routine below: kill(arg1, arg2) by int $0x80. */
#define KILL_ENTRY(name)						\
	".globl	" #name "\n"						\
	".type	" #name ", @function\n"					\
	#name ":\n"							\
	"	pushl	%ebx\n"						\
	"	movl	8(%esp), %ebx\n"				\
	"	movl	12(%esp), %ecx\n"				\
	"	movl	$" SIG_NR(SYS_kill) ", %eax\n"			\
	"	int	$0x80\n"

/*
 * kill_flags: the flags right after the return, then clean flags, then
 * a cli at sr_cli (its SIGSEGV handler resumes at sr_cli_end).
 * kill_step: one nop after the return, sr_step_end after it.
 * kill_csss: cs | ss << 16 right after the return.
 */
unsigned long kill_flags(int pid, int sig);
unsigned long kill_step(int pid, int sig);
unsigned long kill_csss(int pid, int sig);
extern const char sr_cli[], sr_cli_end[], sr_step_end[];
__asm__(".text\n"
	KILL_ENTRY(kill_flags)
	"	pushfl\n"
	"	popl	%eax\n"
	"	pushl	$0x202\n"
	"	popfl\n"
	".globl	sr_cli, sr_cli_end\n"
	"sr_cli:\n"
	"	cli\n"
	"sr_cli_end:\n"
	"	popl	%ebx\n"
	"	ret\n"
	".size	kill_flags, . - kill_flags\n"
	KILL_ENTRY(kill_step)
	"	nop\n"
	".globl	sr_step_end\n"
	"sr_step_end:\n"
	"	nop\n"
	"	popl	%ebx\n"
	"	ret\n"
	".size	kill_step, . - kill_step\n"
	KILL_ENTRY(kill_csss)
	"	xorl	%eax, %eax\n"
	"	movw	%ss, %ax\n"
	"	shll	$16, %eax\n"
	"	movw	%cs, %ax\n"
	"	popl	%ebx\n"
	"	ret\n"
	".size	kill_csss, . - kill_csss\n");

/*
 * kill_segs: ds, es, fs and gs right after the return into segs_seen[],
 * read before any memory access and put back from the stack first.
 */
void kill_segs(int pid, int sig);
unsigned long segs_seen[4];
__asm__(".text\n"
	".globl	kill_segs\n"
	".type	kill_segs, @function\n"
	"kill_segs:\n"
	"	pushl	%ebx\n"
	"	pushl	%esi\n"
	"	pushl	%ds\n"
	"	pushl	%es\n"
	"	pushl	%fs\n"
	"	pushl	%gs\n"
	"	movl	28(%esp), %ebx\n"
	"	movl	32(%esp), %ecx\n"
	"	movl	$" SIG_NR(SYS_kill) ", %eax\n"
	"	int	$0x80\n"
	"	movl	%ds, %eax\n"
	"	movl	%es, %ecx\n"
	"	movl	%fs, %edx\n"
	"	movl	%gs, %esi\n"
	"	popl	%gs\n"
	"	popl	%fs\n"
	"	popl	%es\n"
	"	popl	%ds\n"
	"	movl	%eax, segs_seen\n"
	"	movl	%ecx, segs_seen+4\n"
	"	movl	%edx, segs_seen+8\n"
	"	movl	%esi, segs_seen+12\n"
	"	popl	%esi\n"
	"	popl	%ebx\n"
	"	ret\n"
	".size	kill_segs, . - kill_segs\n");

/*
 * forge_rt(frame, &frame->uc.uc_mcontext.esp): store esp (after saving
 * the callee-saved registers) in the frame, point esp at frame->sig and
 * rt_sigreturn. The frame's eip must be forge_rt_resume, which stores
 * eax..ebp and the flags in forged_seen[] and returns.
 */
void forge_rt(struct krt_sigframe *f, unsigned long *esp_field);
extern const char forge_rt_resume[];
unsigned long forged_seen[8];
__asm__(".text\n"
	".globl	forge_rt, forge_rt_resume\n"
	".type	forge_rt, @function\n"
	"forge_rt:\n"
	"	pushl	%ebx\n"
	"	pushl	%esi\n"
	"	pushl	%edi\n"
	"	pushl	%ebp\n"
	"	movl	20(%esp), %eax\n"
	"	movl	24(%esp), %ecx\n"
	"	movl	%esp, (%ecx)\n"
	"	leal	4(%eax), %esp\n"
	"	movl	$" SIG_NR(SYS_rt_sigreturn) ", %eax\n"
	"	int	$0x80\n"
	"	ud2\n"
	"forge_rt_resume:\n"
	"	pushfl\n"
	"	popl	forged_seen+28\n"
	"	movl	%eax, forged_seen\n"
	"	movl	%ebx, forged_seen+4\n"
	"	movl	%ecx, forged_seen+8\n"
	"	movl	%edx, forged_seen+12\n"
	"	movl	%esi, forged_seen+16\n"
	"	movl	%edi, forged_seen+20\n"
	"	movl	%ebp, forged_seen+24\n"
	"	pushl	$0x202\n"
	"	popfl\n"
	"	popl	%ebp\n"
	"	popl	%edi\n"
	"	popl	%esi\n"
	"	popl	%ebx\n"
	"	ret\n"
	".size	forge_rt, . - forge_rt\n");

/* What the SIGUSR1 handler forges. */
enum field { F_EFL, F_CS, F_SS, F_DS, F_ES, F_FS, F_GS, F_FPSTATE };
static enum field forge_field;
static unsigned long forge_value;
static unsigned long orig_eflags;

static void
forger(int sig, siginfo_t *si, void *ucv)
{
	mcontext_t *mc = &((ucontext_t *)ucv)->uc_mcontext;
	greg_t *g = mc->gregs;

	(void)sig;
	(void)si;
	switch (forge_field) {
	case F_EFL:
		orig_eflags = g[REG_EFL];
		g[REG_EFL] = forge_value;
		break;
	case F_CS: g[REG_CS] = forge_value; break;
	case F_SS: g[REG_SS] = forge_value; break;
	case F_DS: g[REG_DS] = forge_value; break;
	case F_ES: g[REG_ES] = forge_value; break;
	case F_FS: g[REG_FS] = forge_value; break;
	case F_GS: g[REG_GS] = forge_value; break;
	case F_FPSTATE: mc->fpregs = (fpregset_t)forge_value; break;
	}
}

/* What the other handlers saw, and where they resume (eip). */
static volatile int seen_sig, seen_code;
static volatile unsigned long seen_addr, resume_at;

static void
catcher(int sig, siginfo_t *si, void *ucv)
{
	greg_t *g = ((ucontext_t *)ucv)->uc_mcontext.gregs;

	seen_sig = sig;
	seen_code = si->si_code;
	seen_addr = (unsigned long)si->si_addr;
	if (sig == SIGILL)	/* the context cannot be returned to */
		_exit(100 + si->si_code);
	g[REG_EIP] = resume_at;
	g[REG_EFL] &= ~X86_EFLAGS_TF;
}

static void
handle(int sig, void (*fn)(int, siginfo_t *, void *))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/* A child's report. */
struct result {
	unsigned long v[8];
};

/*
 * Run fn(r) in a child that forges field = value in its SIGUSR1 handler
 * (catching SIGILL too if catch_ill); the child sends r through a pipe
 * and exits 0. Returns 1 if r arrived; *status is its wait status.
 */
static int
in_child(void (*fn)(struct result *), enum field field, unsigned long value,
	 int catch_ill, struct result *r, int *status)
{
	int p[2];
	ssize_t n;
	pid_t pid;

	memset(r, 0, sizeof *r);
	pipe(p);
	pid = fork();
	if (pid == 0) {
		struct result mine;

		memset(&mine, 0, sizeof mine);
		close(p[0]);
		forge_field = field;
		forge_value = value;
		handle(SIGUSR1, forger);
		if (catch_ill)
			handle(SIGILL, catcher);
		fn(&mine);
		write(p[1], &mine, sizeof mine);
		_exit(0);
	}
	close(p[1]);
	n = read(p[0], r, sizeof *r);
	close(p[0]);
	waitpid(pid, status, 0);
	return n == (ssize_t)sizeof *r;
}

static void
c_flags(struct result *r)
{
	handle(SIGSEGV, catcher);
	resume_at = (unsigned long)sr_cli_end;
	r->v[0] = kill_flags(getpid(), SIGUSR1);
	r->v[1] = seen_sig;
	r->v[2] = seen_code;
	r->v[3] = orig_eflags;
}

static void
c_step(struct result *r)
{
	handle(SIGTRAP, catcher);
	resume_at = (unsigned long)sr_step_end;
	kill_step(getpid(), SIGUSR1);
	r->v[0] = seen_sig;
	r->v[1] = seen_code;
	r->v[2] = seen_addr;
}

static void
c_csss(struct result *r)
{
	r->v[0] = kill_csss(getpid(), SIGUSR1);
}

static void
c_segs(struct result *r)
{
	kill_segs(getpid(), SIGUSR1);
	memcpy(r->v, segs_seen, sizeof segs_seen);
}

static void
c_plain(struct result *r)
{
	kill(getpid(), SIGUSR1);
	r->v[0] = 1;
}

static void
test_eflags(void)
{
	int got;
	unsigned long forged = X86_EFLAGS_IOPL | X86_EFLAGS_NT | X86_EFLAGS_VM |
		X86_EFLAGS_ID | X86_EFLAGS_CF | X86_EFLAGS_ZF | X86_EFLAGS_SF |
		X86_EFLAGS_AC | X86_EFLAGS_DF | X86_EFLAGS_FIXED;
	struct result r;
	int status;

	got = in_child(c_flags, F_EFL, forged, 0, &r, &status);
	ok(got && status == 0,
	   "eflags IOPL 3, NT, VM, ID, AC, DF, CF, ZF, SF, IF clear: the child "
	   "went on (status %#x)", status);
	is(r.v[0], (r.v[3] & ~USER_FLAGS) | (forged & USER_FLAGS),
	   "only the user-changeable bits were taken (eflags %#lx)", r.v[0]);
	ok(!(r.v[0] & (X86_EFLAGS_IOPL | X86_EFLAGS_NT | X86_EFLAGS_VM)) &&
	   (r.v[0] & X86_EFLAGS_IF), "IOPL 0, no NT, no VM, IF set");
	ok(r.v[1] == SIGSEGV && r.v[2] == SI_KERNEL,
	   "cli right after still faults (signal %lu, si_code %#lx)", r.v[1], r.v[2]);

	got = in_child(c_flags, F_EFL, 0, 0, &r, &status);
	ok(got && status == 0,
	   "eflags 0: the child went on");
	is(r.v[0], r.v[3] & ~USER_FLAGS, "IF and the fixed bit stay (eflags %#lx)", r.v[0]);

	got = in_child(c_step, F_EFL, X86_EFLAGS_FIXED | X86_EFLAGS_IF | X86_EFLAGS_TF,
		    0, &r, &status);
	ok(got && status == 0, "eflags TF: the child went on");
	ok(r.v[0] == SIGTRAP && r.v[1] == TRAP_TRACE && r.v[2] == (unsigned long)sr_step_end,
	   "TF taken: SIGTRAP TRAP_TRACE after one instruction (signal %lu, "
	   "si_code %lu, si_addr %#lx)", r.v[0], r.v[1], r.v[2]);
}

static void
test_cs_ss(void)
{
	int got;
	static const struct {
		enum field f;
		unsigned long v;
		const char *what;
	} bad[] = {
		{ F_CS, 0x60, "cs 0x60" }, { F_CS, 0x10, "cs 0x10" },
		{ F_CS, 0, "cs 0 (null)" }, { F_CS, KUSER_DS, "cs = the user data segment" },
		{ F_SS, 0, "ss 0 (null)" }, { F_SS, 0x60, "ss 0x60" },
		{ F_SS, KUSER_CS, "ss = the user code segment" },
	};
	struct result r;
	unsigned i;
	int status;

	got = in_child(c_csss, F_CS, KUSER_CS & ~3, 0, &r, &status);
	ok(got && status == 0 &&
	   (r.v[0] & 0xffff) == KUSER_CS,
	   "cs %#x: RPL 3 forced, the child runs on with cs %#lx", KUSER_CS & ~3,
	   r.v[0] & 0xffff);
	got = in_child(c_csss, F_SS, KUSER_DS & ~3, 0, &r, &status);
	ok(got && status == 0 &&
	   r.v[0] >> 16 == KUSER_DS,
	   "ss %#x: RPL 3 forced, the child runs on with ss %#lx", KUSER_DS & ~3,
	   r.v[0] >> 16);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		got = in_child(c_plain, bad[i].f, bad[i].v, 0, &r, &status);
		ok(!got &&
		   WIFSIGNALED(status) && WTERMSIG(status) == SIGILL,
		   "%s: the child is killed by SIGILL (status %#x)", bad[i].what,
		   status);
	}
	in_child(c_plain, F_CS, 0x60, 1, &r, &status);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 100 + ILL_BADSTK,
	   "cs 0x60 with a SIGILL handler: it runs, si_code ILL_BADSTK "
	   "(status %#x)", status);
}

static unsigned long
cur_gs(void)
{
	unsigned long gs;

	__asm__ volatile("movl %%gs, %0" : "=r"(gs));
	return gs & 0xffff;
}

static void
test_data_segments(void)
{
	int got;
	static const char *const names[] = { "ds", "es", "fs", "gs" };
	static const unsigned long bad[] = { 0xfffb, 0x0007 };
	struct result r;
	unsigned i, b;
	int status;

	for (i = 0; i < 4; i++) {
		for (b = 0; b < 2; b++) {
			got = in_child(c_segs, F_DS + i, bad[b], 0, &r, &status);
			ok(got &&
			   status == 0 && (r.v[i] & 0xffff) == 0,
			   "%s %#lx: the child runs on with %s = 0 (read %#lx, "
			   "status %#x)", names[i], bad[b], names[i],
			   r.v[i] & 0xffff, status);
		}
	}
	got = in_child(c_segs, F_FS, cur_gs(), 0, &r, &status);
	ok(got && status == 0 &&
	   (r.v[2] & 0xffff) == cur_gs(),
	   "fs = the TLS selector %#lx: taken as it is (read %#lx)", cur_gs(),
	   r.v[2] & 0xffff);
}

static void
test_fpstate(void)
{
	int got;
	struct result r;
	int status;

	got = in_child(c_plain, F_FPSTATE, 0, 0, &r, &status);
	ok(got && status == 0,
	   "fpstate NULL: accepted (status %#x)", status);
	got = in_child(c_plain, F_FPSTATE, 0x1000, 0, &r, &status);
	ok(!got &&
	   WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	   "fpstate at unmapped 0x1000: killed by SIGSEGV (status %#x)", status);
	got = in_child(c_plain, F_FPSTATE, 0xc0100000, 0, &r, &status);
	ok(!got &&
	   WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	   "fpstate in the kernel: killed by SIGSEGV (status %#x)", status);
}

/* rt_sigreturn (or sigreturn) with esp on an unmapped page. */
static void
bad_esp(int nr, const char *what)
{
	char *gone = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status;
	pid_t pid;

	munmap(gone, 8192);
	pid = fork();
	if (pid == 0) {
		/* If it comes back at all, it comes back here: exit 3. */
		__asm__ volatile("movl %%esp, %%esi\n"
				 "movl %1, %%esp\n"
				 "int $0x80\n"
				 "movl %%esi, %%esp\n"
				 : "+a"(nr) : "r"(gone + 4096) : "esi", "memory");
		_exit(3);
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	   "%s with esp on an unmapped page: killed by SIGSEGV (status %#x)",
	   what, status);
}

static void
test_hand_built(void)
{
	static struct krt_sigframe f;
	unsigned long ds, es, fs, gs, cs, ss;
	uint64_t none = 0;

	__asm__ volatile("movl %%ds, %0; movl %%es, %1; movl %%fs, %2;"
			 "movl %%gs, %3; movl %%cs, %4; movl %%ss, %5"
			 : "=r"(ds), "=r"(es), "=r"(fs), "=r"(gs), "=r"(cs), "=r"(ss));
	memset(&f, 0, sizeof f);
	f.sig = SIGUSR1;
	f.uc.uc_stack.ss_flags = SS_DISABLE;
	f.uc.uc_mcontext.gs = gs;
	f.uc.uc_mcontext.fs = fs;
	f.uc.uc_mcontext.es = es;
	f.uc.uc_mcontext.ds = ds;
	f.uc.uc_mcontext.cs = cs;
	f.uc.uc_mcontext.ss = ss;
	f.uc.uc_mcontext.eax = 0xa0a0a0a0;
	f.uc.uc_mcontext.ebx = 0xb0b0b0b0;
	f.uc.uc_mcontext.ecx = 0xc0c0c0c0;
	f.uc.uc_mcontext.edx = 0xd0d0d0d0;
	f.uc.uc_mcontext.esi = 0x51515151;
	f.uc.uc_mcontext.edi = 0xd1d1d1d1;
	f.uc.uc_mcontext.ebp = 0xe0e0e0e0;
	f.uc.uc_mcontext.eip = (unsigned long)forge_rt_resume;
	f.uc.uc_mcontext.eflags = X86_EFLAGS_FIXED | X86_EFLAGS_IF |
		X86_EFLAGS_CF | X86_EFLAGS_ZF;
	f.uc.uc_sigmask = KSIGBIT(SIGUSR2) | KSIGBIT(50);
	memset(forged_seen, 0, sizeof forged_seen);
	forge_rt(&f, &f.uc.uc_mcontext.esp);
	ok(forged_seen[0] == 0xa0a0a0a0 && forged_seen[1] == 0xb0b0b0b0 &&
	   forged_seen[2] == 0xc0c0c0c0 && forged_seen[3] == 0xd0d0d0d0 &&
	   forged_seen[4] == 0x51515151 && forged_seen[5] == 0xd1d1d1d1 &&
	   forged_seen[6] == 0xe0e0e0e0,
	   "a hand-built frame to rt_sigreturn: every register as built");
	is(forged_seen[7] & (X86_EFLAGS_CF | X86_EFLAGS_ZF | X86_EFLAGS_SF),
	   X86_EFLAGS_CF | X86_EFLAGS_ZF, "and the flags");
	is(kmask(), KSIGBIT(SIGUSR2) | KSIGBIT(50), "and the mask");
	ksigprocmask(KSIG_SETMASK, &none, NULL);
}

int
main(void)
{
	sig_watchdog_start(10);
	test_eflags();
	test_cs_ss();
	test_data_segments();
	test_fpstate();
	bad_esp(SYS_rt_sigreturn, "rt_sigreturn");
	bad_esp(SYS_sigreturn, "sigreturn");
	test_hand_built();
	sig_watchdog_stop();
	return done_testing();
}
