/*
 * sig_ucontext: what a handler writes into its frame is what the program
 * resumes with: sigreturn and rt_sigreturn reload the registers, eip and
 * the mask from it.
 *
 *   SIGILL on ud2: the handler sees eip on the ud2 (0f 0b), adds 2 and
 *     sets eax: execution goes on after the ud2 with that eax;
 *   SIGSEGV on a load from an unmapped address: the handler emulates the
 *     load (eax = a value, eip past the 5-byte instruction);
 *   SIGUSR1 from kill by int $0x80 with known registers: the handler
 *     rewrites eax, ebx, ecx, edx, esi, edi, ebp and the arithmetic
 *     flags, and they are what the code after the int finds; through the
 *     vDSO (which pops ebp, edx and ecx itself on the way out) eax, ebx,
 *     esi and edi;
 *   a new eip: the code after the int $0x80 is skipped, execution goes
 *     on at another label;
 *   uc_sigmask: a signal added there is blocked after the return;
 *     SIGKILL and SIGSTOP added there are dropped;
 *   the old frame (no SA_SIGINFO): the sigcontext above sig, eax and
 *     oldmask changed there, are taken back by sigreturn.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>
#include "lib/entry.h"
#include "lib/sig_raw.h"
#include "lib/tap.h"

#define SIG_STR(x)	#x
#define SIG_NR(x)	SIG_STR(x)

/*
 * int kill_then(int pid): kill(pid, SIGUSR1) by int $0x80, then return
 * 1; a handler that moves eip to kill_then_other makes it return 2.
 */
int kill_then(int pid);
extern const char kill_then_other[];
__asm__(".text\n"
	".globl	kill_then, kill_then_other\n"
	".type	kill_then, @function\n"
	"kill_then:\n"
	"	pushl	%ebx\n"
	"	movl	8(%esp), %ebx\n"
	"	movl	$" SIG_NR(SIGUSR1) ", %ecx\n"
	"	movl	$" SIG_NR(SYS_kill) ", %eax\n"
	"	int	$0x80\n"
	"	movl	$1, %eax\n"
	"	popl	%ebx\n"
	"	ret\n"
	"kill_then_other:\n"
	"	movl	$2, %eax\n"
	"	popl	%ebx\n"
	"	ret\n"
	".size	kill_then, . - kill_then\n");

/* An old-style handler's entry esp (pointing at pretcode). */
volatile unsigned long stub_esp;
void (*volatile stub_next)(int);
void sig_stub(int);
__asm__(".text\n"
	".globl	sig_stub\n"
	".type	sig_stub, @function\n"
	"sig_stub:\n"
	"	movl	%esp, stub_esp\n"
	"	jmp	*stub_next\n"
	".size	sig_stub, . - sig_stub\n");

static volatile int calls;
static volatile unsigned long seen_eip;
static unsigned char seen_bytes[2];

enum action { SKIP_UD2, EMULATE_LOAD, SET_REGS, SET_SOME_REGS, NEW_EIP, NEW_MASK };
static enum action act;

#define EFL_SET	(X86_EFLAGS_CF | X86_EFLAGS_ZF | X86_EFLAGS_SF | X86_EFLAGS_OF)

static void
handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	greg_t *g = uc->uc_mcontext.gregs;
	uint64_t m;

	(void)sig;
	(void)si;
	calls++;
	seen_eip = g[REG_EIP];
	memcpy(seen_bytes, (const void *)seen_eip, 2);
	switch (act) {
	case SKIP_UD2:
		g[REG_EIP] += 2;
		g[REG_EAX] = 0x1234abcd;
		break;
	case EMULATE_LOAD:
		g[REG_EIP] += 5;
		g[REG_EAX] = 0xfeedface;
		break;
	case SET_REGS:
		g[REG_ECX] = 0x0c0c0c0c;
		g[REG_EDX] = 0x0d0d0d0d;
		g[REG_EBP] = 0x0b0b0b0b;
		/* fall through */
	case SET_SOME_REGS:
		g[REG_EAX] = 0x0a0a0a0a;
		g[REG_EBX] = 0x0b0b0b0c;
		g[REG_ESI] = 0x05050505;
		g[REG_EDI] = 0x0d1d1d1d;
		g[REG_EFL] = (g[REG_EFL] & ~ENTRY_ARITH_FLAGS) | EFL_SET;
		break;
	case NEW_EIP:
		g[REG_EIP] = (greg_t)kill_then_other;
		break;
	case NEW_MASK:
		memcpy(&m, &uc->uc_sigmask, sizeof m);
		m |= KSIGBIT(SIGUSR2) | KSIGBIT(SIGKILL) | KSIGBIT(SIGSTOP);
		memcpy(&uc->uc_sigmask, &m, sizeof m);
		break;
	}
}

static void
install(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
	calls = 0;
}

/* noinline: the asm defines a global label, so it must appear once. */
static __attribute__((noinline)) void
test_ud2(void)
{
	extern const unsigned char ud2_here[];
	unsigned long eax;

	install(SIGILL);
	act = SKIP_UD2;
	__asm__ volatile("xorl %%eax, %%eax\n"
			 ".globl ud2_here\n"
			 "ud2_here:\n"
			 "	ud2\n"
			 : "=a"(eax) : : "memory");
	is(calls, 1, "ud2: SIGILL handled");
	is(seen_eip, (unsigned long)ud2_here, "uc eip is the ud2");
	ok(seen_bytes[0] == 0x0f && seen_bytes[1] == 0x0b, "and the bytes there are 0f 0b");
	is(eax, 0x1234abcd, "eip += 2 went on after it, with the handler's eax");
}

static void
test_emulate(void)
{
	unsigned long eax;

	install(SIGSEGV);
	act = EMULATE_LOAD;
	__asm__ volatile("xorl %%eax, %%eax\n"
			 "	.byte 0xa1\n"		/* movl 0x10, %%eax */
			 "	.long 0x10\n"
			 : "=a"(eax) : : "memory");
	is(calls, 1, "a load from 0x10: SIGSEGV handled");
	is(seen_bytes[0], 0xa1, "uc eip is the load");
	is(eax, 0xfeedface, "the handler emulated it: eip += 5, eax set");
}

static void
kill_snap(enum entry_path p, struct entry_regs *before, struct entry_regs *after)
{
	struct entry_regs in;

	entry_regs_fill(&in, SYS_kill, X86_EFLAGS_FIXED | X86_EFLAGS_IF);
	in.ebx = getpid();
	in.ecx = SIGUSR1;
	entry_snap(p, &in, before, after);
}

static void
test_regs(void)
{
	struct entry_regs before, after;

	install(SIGUSR1);
	act = SET_REGS;
	kill_snap(ENTRY_INT80, &before, &after);
	is(calls, 1, "kill by int $0x80: handled");
	ok(after.eax == 0x0a0a0a0a && after.ebx == 0x0b0b0b0c &&
	   after.ecx == 0x0c0c0c0c && after.edx == 0x0d0d0d0d &&
	   after.esi == 0x05050505 && after.edi == 0x0d1d1d1d &&
	   after.ebp == 0x0b0b0b0b,
	   "the code after the int has the handler's eax..ebp "
	   "(%#lx %#lx %#lx %#lx %#lx %#lx %#lx)", after.eax, after.ebx,
	   after.ecx, after.edx, after.esi, after.edi, after.ebp);
	is(after.eflags & ENTRY_ARITH_FLAGS, EFL_SET, "and its flags");
	is(after.esp, before.esp, "esp as it was");

	if (!entry_sysinfo()) {
		skip(2, "no AT_SYSINFO");
		return;
	}
	install(SIGUSR1);
	act = SET_SOME_REGS;
	kill_snap(ENTRY_GS, &before, &after);
	is(calls, 1, "kill by call *%%gs:0x10: handled");
	ok(after.eax == 0x0a0a0a0a && after.ebx == 0x0b0b0b0c &&
	   after.esi == 0x05050505 && after.edi == 0x0d1d1d1d &&
	   (after.eflags & ENTRY_ARITH_FLAGS) == EFL_SET &&
	   after.esp == before.esp,
	   "the caller of the vDSO has the handler's eax, ebx, esi, edi, flags");
}

static void
test_eip_and_mask(void)
{
	uint64_t none = 0;

	install(SIGUSR1);
	act = NEW_EIP;
	is(kill_then(getpid()), 2, "a new uc eip: execution went on there");
	is(calls, 1, "once");

	install(SIGUSR1);
	act = NEW_MASK;
	ksigprocmask(KSIG_SETMASK, &none, NULL);
	kill(getpid(), SIGUSR1);
	is(calls, 1, "uc_sigmask changed in the handler");
	is(kmask(), KSIGBIT(SIGUSR2),
	   "the mask after it: SIGUSR2 added, SIGKILL and SIGSTOP dropped");
	ksigprocmask(KSIG_SETMASK, &none, NULL);
}

static volatile uint32_t old_seen_mask;

static void
old_handler(int sig)
{
	struct ksigframe *f = (struct ksigframe *)stub_esp;

	(void)sig;
	calls++;
	old_seen_mask = f->sc.oldmask;
	f->sc.eax = 0x01d01d;
	f->sc.oldmask |= KSIGBIT(SIGUSR2);
}

static void
test_old_frame(void)
{
	struct entry_regs before, after;
	struct sigaction sa;
	uint64_t none = 0, hup = KSIGBIT(SIGHUP);

	memset(&sa, 0, sizeof sa);
	stub_next = old_handler;
	sa.sa_handler = sig_stub;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	calls = 0;
	ksigprocmask(KSIG_SETMASK, &hup, NULL);
	kill_snap(ENTRY_INT80, &before, &after);
	is(calls, 1, "old frame: handled");
	is(old_seen_mask, KSIGBIT(SIGHUP), "sigcontext.oldmask: the mask before");
	is(after.eax, 0x01d01d, "eax changed in the sigcontext: taken back");
	is(kmask(), KSIGBIT(SIGHUP) | KSIGBIT(SIGUSR2),
	   "oldmask changed in the sigcontext: the mask after it");
	ok(!entry_regs_diff(&before, &after), "the other registers came back");
	ksigprocmask(KSIG_SETMASK, &none, NULL);
}

int
main(void)
{
	test_ud2();
	test_emulate();
	test_regs();
	test_eip_and_mask();
	test_old_frame();
	return done_testing();
}
