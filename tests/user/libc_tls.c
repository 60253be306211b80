/*
 * libc_tls: the TCB at %gs (glibc's i386 tcbhead_t layout), errno in it,
 * __thread variables below it, and the stack-protector canary at
 * %gs:0x14 (this program is built with -fstack-protector-all).
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/thread_area.h>
#include <unistd.h>
#include "lib/tap.h"

extern void __sysinfo_int80(void);	/* libc's int $0x80; ret */

static __thread int tdata = 42;
static __thread int tbss;
static __thread char tstr[32] = "thread-local";
static __thread long long tal __attribute__((aligned(64))) = 5;

/* The 32-bit word at %gs:off. */
#define GS_WORD(off) ({ uintptr_t v_;					\
	__asm__ volatile("movl %%gs:" #off ", %0" : "=r"(v_));		\
	v_; })

/* The %gs selector value. */
static unsigned
gs_selector(void)
{
	unsigned short gs;

	__asm__ volatile("movw %%gs, %0" : "=r"(gs));
	return gs;
}

/* The glibc tcbhead_t fields through %gs, and the selector itself. */
static void
test_tcb(void)
{
	uintptr_t tcb = GS_WORD(0x0);
	uintptr_t sysinfo = getauxval(AT_SYSINFO);
	unsigned sel = gs_selector();

	ok(tcb != 0, "%%gs:0 holds the TCB address (%#lx)", (unsigned long)tcb);
	is(GS_WORD(0x8), tcb, "%%gs:0x8 (self) == TCB address");
	is(*(uintptr_t *)tcb, tcb, "the TCB's first word points at itself");
	is(GS_WORD(0xc), 0, "%%gs:0xc multiple_threads == 0");
	if (sysinfo)
		is(GS_WORD(0x10), sysinfo, "%%gs:0x10 == AT_SYSINFO");
	else
		is(GS_WORD(0x10), (uintptr_t)__sysinfo_int80,
		   "%%gs:0x10 == the int $0x80 stub (no AT_SYSINFO)");
	is(sel & 7, 3, "%%gs is a GDT selector with RPL 3 (%#x)", sel);
	ok((sel >> 3) >= 6 && (sel >> 3) <= 8, "in a TLS slot, GDT 6..8 (%u)", sel >> 3);
	ok((uintptr_t)&errno >= tcb && (uintptr_t)&errno < tcb + 64,
	   "errno lives in the TCB");
}

/* The kernel's view of the descriptor matches the TCB. */
static void
test_thread_area(void)
{
	struct user_desc d;

	memset(&d, 0, sizeof d);
	d.entry_number = gs_selector() >> 3;
	is(get_thread_area(&d), 0, "get_thread_area(%%gs's slot)");
	is(d.base_addr, GS_WORD(0x0), "its base is the TCB");
	ok(d.limit == 0xfffff && d.limit_in_pages && d.seg_32bit && d.useable,
	   "4 GiB limit, 32-bit, useable");
	errno = 0;
	d.entry_number = 1;
	ok(get_thread_area(&d) == -1 && errno == EINVAL,
	   "get_thread_area(non-TLS slot): EINVAL");
}

/* __thread variables: initial values, placement, alignment. */
static void
test_thread_vars(void)
{
	uintptr_t tcb = GS_WORD(0x0);

	is(tdata, 42, ".tdata initialised");
	is(tbss, 0, ".tbss zeroed");
	is_str(tstr, "thread-local", ".tdata string");
	ok(tal == 5 && ((uintptr_t)&tal & 63) == 0, "64-byte aligned TLS variable");
	ok((uintptr_t)&tdata < tcb && tcb - (uintptr_t)&tdata < 4096,
	   "TLS block sits just below the TCB (variant II)");
	tdata = 7;
	tbss = 9;
	ok(*(volatile int *)&tdata == 7 && *(volatile int *)&tbss == 9,
	   "__thread variables are writable");
}

/* The stack-protector canary and a protected function. */
static void
test_canary(void)
{
	uintptr_t guard = GS_WORD(0x14);
	char buf[64];

	is(guard & 0xff, 0, "canary %%gs:0x14 has a zero low byte");
	if (getauxval(AT_RANDOM))
		ok(guard != 0, "canary comes from AT_RANDOM");
	else
		skip(1, "no AT_RANDOM");
	memset(buf, 'a', sizeof buf - 1);
	buf[sizeof buf - 1] = 0;
	is(strlen(buf), 63, "a protected function with an array returns");
}

/* Run the groups; the exit status is the failure count. */
int
main(void)
{
	test_tcb();
	test_thread_area();
	test_thread_vars();
	test_canary();
	return done_testing();
}
