/*
 * proc_fpu: the x87 and SSE registers belong to each task, and a signal
 * handler borrows them without disturbing the interrupted code.
 *
 *   two processes keep different values in st(0), xmm1, the x87 control
 *     word and MXCSR across many task switches (sched_yield between the
 *     checks): the kernel saves and restores them at every switch;
 *   a handler starts with a clean FPU (control word 0x37f, MXCSR 0x1f80),
 *     may change every FPU register, and the interrupted code finds its
 *     own values after sigreturn;
 *   uc_mcontext.fpregs points to Linux's struct _fpstate_32: the legacy
 *     header holds the control word, and with FXSR (magic 0) the fxsave
 *     image follows with MXCSR and xmm1 as they were;
 *   a handler that writes the control word and MXCSR into that state
 *     changes them for the code it returns to;
 *   an unmasked x87 divide by zero is SIGFPE with FPE_FLTDIV at the next
 *     waiting instruction (fwait). (Not the SSE equivalent: QEMU's TCG
 *     never raises SIMD exceptions, unmasked or not, on Linux either.)
 */
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>
#include "lib/tap.h"

/* Linux's struct _fpstate_32 (asm/sigcontext.h), the parts used here. */
struct fpstate32 {
	uint32_t cw, sw, tag, ipoff, cssel, dataoff, datasel;
	uint8_t st[80];
	uint16_t status, magic;
	/* The fxsave image from here: fcw fsw ftw fop fip fcs foo fos mxcsr ... */
	uint16_t fx_cwd, fx_swd, fx_twd, fx_fop;
	uint32_t fx_fip, fx_fcs, fx_foo, fx_fos, fx_mxcsr, fx_mxcsr_mask;
	uint8_t fx_st[128];
	uint32_t fx_xmm[8][4];
};

/* CPUID(1).EDX bit `bit`: 24 FXSR, 25 SSE. */
static int cpu_has(int bit)
{
	uint32_t a = 1, b, c, d;

	__asm__ __volatile__("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	return (d >> bit) & 1;
}

static uint16_t get_cw(void)
{
	uint16_t cw;

	__asm__ __volatile__("fnstcw %0" : "=m"(cw));
	return cw;
}

static void set_cw(uint16_t cw)
{
	__asm__ __volatile__("fldcw %0" : : "m"(cw));
}

static uint32_t get_mxcsr(void)
{
	uint32_t m;

	__asm__ __volatile__("stmxcsr %0" : "=m"(m));
	return m;
}

static void set_mxcsr(uint32_t m)
{
	__asm__ __volatile__("ldmxcsr %0" : : "m"(m));
}

static void set_xmm1(uint32_t v)
{
	__asm__ __volatile__("movd %0, %%xmm1" : : "r"(v));
}

static uint32_t get_xmm1(void)
{
	uint32_t v;

	__asm__ __volatile__("movd %%xmm1, %0" : "=r"(v));
	return v;
}

/* Push v onto the x87 stack; read st(0) back as an integer. */
static void push_st(int v)
{
	__asm__ __volatile__("fildl %0" : : "m"(v));
}

static int get_st0(void)
{
	int v;

	__asm__ __volatile__("fistl %0" : "=m"(v));
	return v;
}

static void pop_st(void)
{
	__asm__ __volatile__("fstp %%st(0)" : : : "memory");
}

/* Keep the registers through `rounds` yields; the number of mismatches. */
static int hold_registers(int seed, int rounds, int sse)
{
	int bad = 0;

	set_cw(0x037f ^ (seed & 1 ? 0x0c00 : 0x0400));	/* rounding bits */
	push_st(1000 + seed);
	if (sse) {
		set_mxcsr(0x1f80 ^ (seed & 1 ? 0x6000 : 0x2000));
		set_xmm1(0x5eed0000u + seed);
	}
	for (int i = 0; i < rounds; i++) {
		sched_yield();
		bad += get_st0() != 1000 + seed;
		bad += get_cw() != (0x037f ^ (seed & 1 ? 0x0c00 : 0x0400));
		if (sse) {
			bad += get_xmm1() != 0x5eed0000u + seed;
			bad += get_mxcsr() !=
			       (0x1f80u ^ (seed & 1 ? 0x6000u : 0x2000u));
		}
	}
	pop_st();
	set_cw(0x037f);
	if (sse)
		set_mxcsr(0x1f80);
	return bad;
}

static volatile uint32_t h_cw, h_mxcsr, h_magic, h_hdr_cw, h_fx_mxcsr,
	h_fx_xmm1, h_has_fpregs;
static volatile int write_back;
static int sse;

static void handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	struct fpstate32 *fp = (struct fpstate32 *)uc->uc_mcontext.fpregs;

	(void)sig;
	(void)si;
	h_cw = get_cw();
	h_mxcsr = sse ? get_mxcsr() : 0;
	h_has_fpregs = fp != NULL;
	if (fp) {
		h_magic = fp->magic;
		h_hdr_cw = fp->cw & 0xffff;
		if (fp->magic == 0) {
			h_fx_mxcsr = fp->fx_mxcsr;
			h_fx_xmm1 = fp->fx_xmm[1][0];
		}
		if (write_back) {
			/* The legacy header's cw counts; MXCSR from fxsave. */
			fp->cw = (fp->cw & 0xffff0000) | 0x027f;
			if (fp->magic == 0)
				fp->fx_mxcsr = 0x1f80 | 0x8000; /* flush to zero */
		}
	}
	/* Trample on everything: the interrupted code must not notice. */
	set_cw(0x0c7f);
	if (sse) {
		set_mxcsr(0x7f80);
		set_xmm1(0xdeadbeef);
	}
	push_st(-1);
	push_st(-2);
}

static sigjmp_buf fpe_jmp;
static volatile int fpe_code;
static volatile uint32_t fpe_addr;

static void fpe_handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	fpe_code = si->si_code;
	fpe_addr = (uint32_t)si->si_addr;
	siglongjmp(fpe_jmp, 1);
}

/* A label in the asm below, for the expected si_addr. */
extern char x87_fwait[];

static void x87_divide_by_zero(void)
{
	__asm__ __volatile__(
		"fld1\n\t"
		"fldz\n\t"
		"fdivrp\n\t"		/* 1 / 0: ZE raised, reported later */
		".globl x87_fwait\n"
		"x87_fwait:\n\t"
		"fwait\n\t"
		::: "memory");
}

static void fpe_tests(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fpe_handler;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGFPE, &sa, NULL);

	fpe_code = 0;
	if (!sigsetjmp(fpe_jmp, 1)) {
		set_cw(0x037f & ~0x0004);	/* ZE unmasked */
		x87_divide_by_zero();
	}
	set_cw(0x037f);
	is(fpe_code, FPE_FLTDIV, "x87 1/0 unmasked: SIGFPE, FPE_FLTDIV");
	is(fpe_addr, (uint32_t)x87_fwait, "si_addr: the fwait that reported it");
}

int main(void)
{
	struct sigaction sa;
	int status, bad;
	pid_t pid;

	plan(18);
	sse = cpu_has(25);
	diag("SSE %s", sse ? "present: checking xmm1 and MXCSR too" : "absent: x87 only");

	pid = fork();
	if (pid == 0)
		_exit(hold_registers(1, 300, sse) ? 1 : 0);
	bad = hold_registers(2, 300, sse);
	is(bad, 0, "parent: its FPU registers survived 300 switches");
	ok(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	   WEXITSTATUS(status) == 0, "child: its own did too (status %#x)", status);

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);

	set_cw(0x007f);		/* all exceptions unmasked */
	push_st(42);
	if (sse) {
		set_mxcsr(0x1f80 | 0x6000);	/* round toward zero */
		set_xmm1(0x12345678);
	}
	raise(SIGUSR1);
	is(h_cw, 0x037f, "the handler starts with the default control word");
	if (sse)
		is(h_mxcsr, 0x1f80, "... and the default MXCSR");
	else
		skip(1, "no SSE");
	ok(h_has_fpregs, "uc_mcontext.fpregs is set");
	is(h_hdr_cw, 0x007f, "fpregs->cw: the interrupted control word");
	if (cpu_has(24))
		is(h_magic, 0, "magic 0: an fxsave image follows (FXSR)");
	else
		is(h_magic, 0xffff, "magic 0xffff: x87 state only (no FXSR)");
	if (sse && h_magic == 0) {
		is(h_fx_mxcsr, 0x1f80 | 0x6000, "fxsave image: the interrupted MXCSR");
		is(h_fx_xmm1, 0x12345678, "fxsave image: the interrupted xmm1");
	} else {
		skip(2, "no fxsave image");
	}
	is(get_cw(), 0x007f, "after the handler: the control word is back");
	is(get_st0(), 42, "... st(0) is back (the handler pushed two)");
	if (sse) {
		is(get_mxcsr(), 0x1f80 | 0x6000, "... MXCSR is back");
		is(get_xmm1(), 0x12345678, "... xmm1 is back");
	} else {
		skip(2, "no SSE");
	}

	write_back = 1;
	raise(SIGUSR1);
	is(get_cw(), 0x027f, "a control word written into fpregs takes effect");
	if (sse)
		is(get_mxcsr(), 0x1f80 | 0x8000, "an MXCSR written into the fxsave image takes effect");
	else
		skip(1, "no SSE");
	is(get_st0(), 42, "st(0) still holds 42");
	pop_st();
	set_cw(0x037f);
	fpe_tests();
	return done_testing();
}
