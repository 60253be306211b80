/*
 * libc_syscall: the system-call path. A fake __kernel_vsyscall put in
 * %gs:0x10 records the registers each wrapper loads, so the Linux i386
 * register convention is checked without help from the kernel; then
 * real calls check errno and the int $0x80 / sysinfo agreement.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lib/tap.h"

/* Registers seen by record_regs, in the order of the ABI. */
struct regs {
	unsigned long eax, ebx, ecx, edx, esi, edi, ebp;
} seen;
long fake_result;
void record_regs(void);

/* record_regs: a stand-in for __kernel_vsyscall. Called with eax = nr and
 * the arguments in ebx ecx edx esi edi ebp; stores them in `seen` and
 * returns fake_result in eax, preserving every other register. */
__asm__(".text\n"
	".globl record_regs\n"
	".type record_regs, @function\n"
	"record_regs:\n"
	"	movl %eax, seen+0\n"
	"	movl %ebx, seen+4\n"
	"	movl %ecx, seen+8\n"
	"	movl %edx, seen+12\n"
	"	movl %esi, seen+16\n"
	"	movl %edi, seen+20\n"
	"	movl %ebp, seen+24\n"
	"	movl fake_result, %eax\n"
	"	ret\n"
	".size record_regs, . - record_regs\n");

/* Swap TCB.sysinfo (%gs:0x10); returns the old value. */
static uintptr_t
swap_sysinfo(uintptr_t v)
{
	uintptr_t old;

	__asm__ volatile("movl %%gs:0x10, %0\n\t"
			 "movl %1, %%gs:0x10" : "=&r"(old) : "r"(v) : "memory");
	return old;
}

/* Argument registers and result decoding, seen through a fake sysinfo. */
static void
test_registers(void)
{
	static const char buf[] = "not written";
	struct regs six, three;
	long r6, r3, rmax, rmin, rmid;
	int e6, emax, emin;
	uintptr_t old;

	/* No output while the fake is in place: printf would use it too. */
	old = swap_sysinfo((uintptr_t)record_regs);
	fake_result = 0x1234;
	errno = 0;
	r6 = syscall(4242, 0x11111111, 0x22222222, 0x33333333, 0x44444444,
		     0x55555555, 0x66666666);
	e6 = errno;
	six = seen;
	r3 = write(7, buf, 9);
	three = seen;
	fake_result = -4095;
	rmax = syscall(1);
	emax = errno;
	fake_result = -1;
	rmin = syscall(1);
	emin = errno;
	fake_result = -4096;
	errno = 0;
	rmid = syscall(1);
	e6 += errno;
	swap_sysinfo(old);

	ok(r6 == 0x1234 && e6 == 0, "syscall() returns the fake's eax, errno untouched");
	is(six.eax, 4242, "syscall(): eax = number");
	is(six.ebx, 0x11111111, "syscall(): ebx = arg 1");
	is(six.ecx, 0x22222222, "syscall(): ecx = arg 2");
	is(six.edx, 0x33333333, "syscall(): edx = arg 3");
	is(six.esi, 0x44444444, "syscall(): esi = arg 4");
	is(six.edi, 0x55555555, "syscall(): edi = arg 5");
	is(six.ebp, 0x66666666, "syscall(): ebp = arg 6");
	is(r3, 0x1234, "write() goes through %%gs:0x10 too");
	ok(three.eax == SYS_write && three.ebx == 7 &&
	   three.ecx == (uintptr_t)buf && three.edx == 9,
	   "write(): eax=SYS_write ebx=fd ecx=buf edx=count");
	ok(rmax == -1 && emax == 4095, "-4095 becomes -1, errno 4095");
	ok(rmin == -1 && emin == 1, "-1 becomes -1, errno 1");
	ok(rmid == -4096, "-4096 is a value, not an error");
}

/* getpid through int $0x80 directly, bypassing %gs:0x10. */
static long
getpid_int80(void)
{
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(SYS_getpid) : "memory");
	return r;
}

/* Real calls: errno values, int $0x80 vs %gs:0x10, six-register calls. */
static void
test_real(void)
{
	errno = 0;
	ok(syscall(9999) == -1 && errno == ENOSYS, "syscall(9999): -1, ENOSYS");
	errno = 0;
	ok(write(-1, "x", 1) == -1 && errno == EBADF, "write(-1): -1, EBADF");
	is(syscall(SYS_getpid), getpid(), "syscall(SYS_getpid) == getpid()");
	is(getpid_int80(), getpid(), "int $0x80 and %%gs:0x10 agree");
	is(syscall(SYS_write, 1, "", 0, -1, -1, -1), 0,
	   "a real call with six loaded registers");
	is(syscall(SYS_write, 1, "    # written by syscall(SYS_write)\n", 36), 36,
	   "syscall(SYS_write) writes");
}

/* Run the groups; the exit status is the failure count. */
int
main(void)
{
	test_registers();
	test_real();
	return done_testing();
}
