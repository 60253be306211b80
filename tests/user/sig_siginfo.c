/*
 * sig_siginfo: what an SA_SIGINFO handler is given, as Linux gives it.
 *
 *   siginfo: si_signo; si_code SI_USER with si_pid and si_uid for kill
 *     (from this process and from a child), SI_TKILL for tgkill,
 *     SI_QUEUE with si_value for sigqueue, SI_KERNEL for the SIGALRM of
 *     an ITIMER_REAL timer; si_errno 0;
 *   ucontext: uc_mcontext holds the interrupted registers. kill is
 *     entered from a routine that loaded every register with a known
 *     value (lib/entry.h's entry_snap): by int $0x80, eip is the
 *     instruction after the int, eax kill's 0, ebx..ebp, esp (and
 *     esp_at_signal), eflags and the six segment registers (stored
 *     zero-extended) exactly as before; through the vDSO, eip lies in
 *     the vDSO and ebx, esi, edi are kept. uc_link is NULL, uc_stack
 *     says SS_DISABLE (no alternate stack), oldmask and uc_sigmask are
 *     the mask before delivery;
 *   masks: the handler runs with the old mask plus sa_mask plus the
 *     signal itself, without the signal under SA_NODEFER; the old mask
 *     is back after it;
 *   SA_RESETHAND: the action is SIG_DFL already while the handler runs
 *     (and the signal is still blocked in it, Linux 6.1), so the next
 *     one kills (tried in a child).
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include "lib/entry.h"
#include "lib/sig_raw.h"
#include "lib/tap.h"

extern const char entry_snap_int80_ret[];

/* What the handler saw. */
static volatile int calls;
static siginfo_t seen_si;
static mcontext_t seen_mc;
static unsigned long seen_link, seen_ss_sp, seen_ss_size;
static int seen_ss_flags;
static uint64_t seen_ucmask, seen_mask;
static unsigned long seen_action;

static void
handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	struct ksigaction now;

	(void)sig;
	calls++;
	seen_si = *si;
	seen_mc = uc->uc_mcontext;
	seen_link = (unsigned long)uc->uc_link;
	seen_ss_sp = (unsigned long)uc->uc_stack.ss_sp;
	seen_ss_size = uc->uc_stack.ss_size;
	seen_ss_flags = uc->uc_stack.ss_flags;
	/* Only the first 8 bytes of uc_sigmask are the kernel's. */
	memcpy(&seen_ucmask, &uc->uc_sigmask, sizeof seen_ucmask);
	seen_mask = kmask();
	ksigaction(SIGUSR1, NULL, &now);
	seen_action = now.handler;
}

/* SIGUSR1 to handler with flags, sa_mask = { SIGHUP }. */
static void
install(int sig, int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO | flags;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGHUP);
	sigaction(sig, &sa, NULL);
	calls = 0;
	memset(&seen_si, 0, sizeof seen_si);
}

static void
setmask(uint64_t m)
{
	ksigprocmask(KSIG_SETMASK, &m, NULL);
}

static unsigned long
cur_cs(void)
{
	unsigned long cs;

	__asm__ volatile("movl %%cs, %0" : "=r"(cs));
	return cs & 0xffff;
}

/* kill(getpid(), SIGUSR1) on path p with known registers. */
static void
kill_snap(enum entry_path p, struct entry_regs *before, struct entry_regs *after)
{
	struct entry_regs in;

	entry_regs_fill(&in, SYS_kill,
			X86_EFLAGS_FIXED | X86_EFLAGS_IF | X86_EFLAGS_CF | X86_EFLAGS_ZF);
	in.ebx = getpid();
	in.ecx = SIGUSR1;
	entry_snap(p, &in, before, after);
}

static void
test_int80_context(void)
{
	uint64_t mask = KSIGBIT(SIGUSR2) | KSIGBIT(40);
	struct entry_regs before, after;
	const greg_t *g = seen_mc.gregs;

	install(SIGUSR1, 0);
	setmask(mask);
	kill_snap(ENTRY_INT80, &before, &after);
	setmask(0);

	is(calls, 1, "kill by int $0x80: the handler ran once");
	is(seen_si.si_signo, SIGUSR1, "si_signo");
	is(seen_si.si_errno, 0, "si_errno 0");
	is(seen_si.si_code, SI_USER, "si_code SI_USER for kill");
	is(seen_si.si_pid, getpid(), "si_pid is the sender, this process");
	is(seen_si.si_uid, getuid(), "si_uid is the sender's uid");

	is((unsigned long)g[REG_EIP], (unsigned long)entry_snap_int80_ret,
	   "uc eip: the instruction after the int $0x80");
	is(g[REG_EAX], 0, "uc eax: kill's result");
	is((unsigned long)g[REG_EBX], before.ebx, "uc ebx");
	is((unsigned long)g[REG_ECX], before.ecx, "uc ecx");
	is((unsigned long)g[REG_EDX], before.edx, "uc edx");
	is((unsigned long)g[REG_ESI], before.esi, "uc esi");
	is((unsigned long)g[REG_EDI], before.edi, "uc edi");
	is((unsigned long)g[REG_EBP], before.ebp, "uc ebp");
	is((unsigned long)g[REG_ESP], before.esp, "uc esp");
	is((unsigned long)g[REG_UESP], before.esp, "uc esp_at_signal");
	is((unsigned long)g[REG_EFL], before.eflags, "uc eflags (CF, ZF set)");
	is((unsigned long)g[REG_CS], cur_cs(), "uc cs");
	is((unsigned long)g[REG_SS], before.ss, "uc ss");
	is((unsigned long)g[REG_DS], before.ds, "uc ds");
	is((unsigned long)g[REG_ES], before.es, "uc es");
	is((unsigned long)g[REG_FS], before.fs, "uc fs");
	is((unsigned long)g[REG_GS], before.gs, "uc gs");
	is(seen_mc.oldmask, (uint32_t)mask, "uc oldmask: the low word of the old mask");
	is(seen_link, 0, "uc_link NULL");
	ok(seen_ss_sp == 0 && seen_ss_size == 0 && seen_ss_flags == SS_DISABLE,
	   "uc_stack: no alternate stack (sp %#lx size %lu flags %d)",
	   seen_ss_sp, seen_ss_size, seen_ss_flags);
	is(seen_ucmask, mask, "uc_sigmask: the mask before delivery");
	is(seen_mask, mask | KSIGBIT(SIGHUP) | KSIGBIT(SIGUSR1),
	   "the handler's mask: old mask, sa_mask and the signal");
	is(after.eax, 0, "kill returned 0 after the handler");
	ok(!entry_regs_diff(&before, &after), "and every register came back");
}

static void
test_vdso_context(void)
{
	struct entry_regs before, after;
	const greg_t *g = seen_mc.gregs;
	struct vdso v;

	if (!entry_sysinfo() || vdso_open(&v, getauxval(AT_SYSINFO_EHDR))) {
		skip(6, "no vDSO");
		return;
	}
	install(SIGUSR1, 0);
	kill_snap(ENTRY_GS, &before, &after);
	is(calls, 1, "kill by call *%%gs:0x10: the handler ran once");
	ok((unsigned long)g[REG_EIP] >= v.start && (unsigned long)g[REG_EIP] < v.end,
	   "uc eip %#lx lies in the vDSO", (unsigned long)g[REG_EIP]);
	is(g[REG_EAX], 0, "uc eax: kill's result");
	ok((unsigned long)g[REG_EBX] == before.ebx &&
	   (unsigned long)g[REG_ESI] == before.esi &&
	   (unsigned long)g[REG_EDI] == before.edi, "uc ebx, esi, edi as loaded");
	is(seen_si.si_code, SI_USER, "si_code SI_USER");
	ok(!entry_regs_diff(&before, &after), "every register came back");
}

static void
test_tgkill(void)
{
	install(SIGUSR1, 0);
	is(ktgkill(getpid(), gettid(), SIGUSR1), 0, "tgkill to this thread");
	is(calls, 1, "tgkill: the handler ran");
	is(seen_si.si_code, SI_TKILL, "tgkill: si_code SI_TKILL");
	is(seen_si.si_pid, getpid(), "tgkill: si_pid");
	is(seen_si.si_uid, getuid(), "tgkill: si_uid");
}

static void
test_sigqueue(void)
{
	union sigval v = { .sival_int = 0x5eed };

	install(SIGUSR1, 0);
	is(sigqueue(getpid(), SIGUSR1, v), 0, "sigqueue to this process");
	is(calls, 1, "sigqueue: the handler ran");
	is(seen_si.si_code, SI_QUEUE, "sigqueue: si_code SI_QUEUE");
	is(seen_si.si_pid, getpid(), "sigqueue: si_pid");
	is(seen_si.si_value.sival_int, 0x5eed, "sigqueue: si_value");
}

/* A kill from a child: si_pid is the child. */
static void
test_from_child(void)
{
	pid_t parent = getpid(), pid;
	int status;

	install(SIGUSR1, 0);
	setmask(KSIGBIT(SIGUSR1));
	pid = fork();
	if (pid == 0)
		_exit(kill(parent, SIGUSR1) ? 1 : 0);
	waitpid(pid, &status, 0);
	is(status, 0, "a child sent SIGUSR1 to its parent");
	is(calls, 0, "blocked: not delivered yet");
	setmask(0);
	is(calls, 1, "delivered once unblocked");
	is(seen_si.si_code, SI_USER, "from a child: si_code SI_USER");
	is(seen_si.si_pid, pid, "from a child: si_pid is the child's pid");
}

/* The SIGALRM of setitimer(ITIMER_REAL): sent by the kernel. */
static void
test_timer(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 20000 } };
	struct timespec ts = { 0, 10000000 };
	int i;

	install(SIGALRM, 0);
	setitimer(ITIMER_REAL, &it, NULL);
	/* At most 2 s: a kernel that never sends it fails, not hangs. */
	for (i = 0; i < 200 && !calls; i++)
		nanosleep(&ts, NULL);
	is(calls, 1, "ITIMER_REAL: the handler ran");
	is(seen_si.si_signo, SIGALRM, "ITIMER_REAL: si_signo SIGALRM");
	is(seen_si.si_code, SI_KERNEL, "ITIMER_REAL: si_code SI_KERNEL");
	is(seen_si.si_pid, 0, "ITIMER_REAL: si_pid 0");
	ksig_handle(SIGALRM, KSIG_DFL, 0);
}

static void
test_masks(void)
{
	int status;
	pid_t pid;

	install(SIGUSR1, SA_NODEFER);
	setmask(KSIGBIT(SIGUSR2));
	kill(getpid(), SIGUSR1);
	is(calls, 1, "SA_NODEFER: the handler ran");
	is(seen_mask, KSIGBIT(SIGUSR2) | KSIGBIT(SIGHUP),
	   "SA_NODEFER: the handler's mask has sa_mask but not the signal");
	is(kmask(), KSIGBIT(SIGUSR2), "the old mask is back after it");
	setmask(0);

	install(SIGUSR1, SA_RESETHAND);
	kill(getpid(), SIGUSR1);
	is(calls, 1, "SA_RESETHAND: the handler ran");
	is(seen_action, KSIG_DFL, "SA_RESETHAND: SIG_DFL already inside the handler");
	is(seen_mask, KSIGBIT(SIGHUP) | KSIGBIT(SIGUSR1),
	   "SA_RESETHAND: the signal is blocked in the handler");
	pid = fork();
	if (pid == 0) {
		kill(getpid(), SIGUSR1);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1,
	   "SA_RESETHAND: the next SIGUSR1 kills (status %#x)", status);
}

int
main(void)
{
	test_int80_context();
	test_vdso_context();
	test_tgkill();
	test_sigqueue();
	test_from_child();
	test_timer();
	test_masks();
	return done_testing();
}
