/* %gs is loaded only at the very end: trap with int $0x80 until then. */
#define SYSCALL_NO_TLS
#include <elf.h>
#include <string.h>
#include <sys/auxv.h>
#include <asm/ldt.h>
#include "pthread_impl.h"
#include "syscall.h"
#include "tcb.h"

/*
 * The main thread's static TLS block and TCB, laid out like glibc's
 * (TLS variant II): the PT_TLS image ends where the TCB starts.
 *
 *	tp - round_up(p_memsz, p_align)	.tdata copy, then .tbss zeroes
 *	tp = %gs base			struct tcb
 *
 * Small images fit here; larger ones get memory from brk. The image's
 * description stays in __tls_image: pthread_create lays out every new
 * thread's block the same way.
 */
static unsigned char builtin_tls[512 + sizeof(struct tcb)]
	__attribute__((aligned(TCB_ALIGN)));

struct tls_image __tls_image;

/* The value of auxv entry `type`, or 0. */
static unsigned long
aux(unsigned long type)
{
	unsigned long *a = __auxv_find(type);

	return a ? a[1] : 0;
}

/* Report a fatal startup error on fd 2 and exit with status 127. */
static _Noreturn void
die(const char *msg)
{
	__syscall3(SYS_write, 2, (long)msg, strlen(msg));
	for (;;)
		__syscall1(SYS_exit_group, 127);
}

/* Raw brk: `size` fresh bytes at the old break, before malloc runs. */
static void *
early_alloc(size_t size)
{
	unsigned long cur = __syscall1(SYS_brk, 0);

	if ((unsigned long)__syscall1(SYS_brk, cur + size) != cur + size)
		die("libc: no memory for the TLS block\n");
	return (void *)cur;
}

/* The program's PT_TLS header (its __thread image) or NULL; *bias = load bias. */
static const Elf32_Phdr *
find_tls(uintptr_t *bias)
{
	const char *ph = (const char *)aux(AT_PHDR);
	size_t n = aux(AT_PHNUM), ent = aux(AT_PHENT), i;
	const Elf32_Phdr *tls = NULL;

	*bias = 0;
	for (i = 0; ph && i < n; i++) {
		const Elf32_Phdr *p = (const Elf32_Phdr *)(ph + i * ent);

		if (p->p_type == PT_PHDR)
			*bias = (uintptr_t)ph - p->p_vaddr;
		else if (p->p_type == PT_TLS)
			tls = p;
	}
	return tls;
}

/*
 * Build the main thread's TLS block and TCB, fill the TCB (self pointers,
 * sysinfo, stack guard), install it with set_thread_area and load %gs.
 * Exits with status 127 if the kernel refuses the descriptor.
 */
void
__init_tls(void)
{
	uintptr_t bias, tp;
	const Elf32_Phdr *tls = find_tls(&bias);
	size_t align = TCB_ALIGN, off = 0, need;
	unsigned char *mem = builtin_tls;
	const unsigned char *rnd;
	struct user_desc d;
	struct tcb *t;
	long r;

	if (tls) {
		size_t a = tls->p_align > 1 ? tls->p_align : 1;

		off = (tls->p_memsz + a - 1) & -a;
		if (a > align)
			align = a;
	}
	__tls_image.size = off;
	__tls_image.align = align;
	if (tls) {
		__tls_image.image = (const void *)(tls->p_vaddr + bias);
		__tls_image.filesz = tls->p_filesz;
	}
	need = off + sizeof(struct tcb) + align - 1;
	if (need > sizeof builtin_tls)
		mem = early_alloc(need);
	tp = ((uintptr_t)mem + off + align - 1) & -align;
	if (tls) {
		unsigned char *block = (unsigned char *)tp - off;

		memcpy(block, __tls_image.image, tls->p_filesz);
		memset(block + tls->p_filesz, 0, off - tls->p_filesz);
	}

	t = (struct tcb *)tp;
	memset(t, 0, sizeof *t);
	t->tcb = t;
	t->self = t;
	t->sysinfo = aux(AT_SYSINFO);
	if (!t->sysinfo)
		t->sysinfo = (uintptr_t)__sysinfo_int80;
	/* glibc's canary: AT_RANDOM bytes with the low byte zeroed, so that
	 * a string overflow cannot reproduce it. */
	rnd = (const unsigned char *)aux(AT_RANDOM);
	if (rnd)
		memcpy(&t->stack_guard, rnd, sizeof t->stack_guard);
	t->stack_guard &= ~(uintptr_t)0xff;

	memset(&d, 0, sizeof d);
	d.entry_number = -1;
	d.base_addr = tp;
	d.limit = 0xfffff;
	d.seg_32bit = 1;
	d.limit_in_pages = 1;
	d.useable = 1;
	r = __set_thread_area(&d);
	if (r < 0)
		die("libc: set_thread_area failed: cannot set up TLS\n");
}
