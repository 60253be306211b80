/*
 * entry_vdso: the vDSO as user space finds it. The image at
 * AT_SYSINFO_EHDR is read in place as an ELF shared object (soname,
 * versioned exports), AT_SYSINFO must be its __kernel_vsyscall, and the
 * code there must enter the kernel by a convention the kernel honours.
 *
 * Linux's i386 vDSO (arch/x86/entry/vdso/vdso32): soname linux-gate.so.1,
 * one PT_LOAD, ELF entry = __kernel_vsyscall; __kernel_vsyscall,
 * __kernel_sigreturn, __kernel_rt_sigreturn at LINUX_2.5 and
 * __vdso_clock_gettime, __vdso_gettimeofday, __vdso_time at LINUX_2.6.
 * The sigreturn trampolines have fixed bytes: GCC's unwinder (libgcc
 * linux-unwind.h) and gdb recognise signal frames by them.
 */
#include <string.h>
#include <sys/auxv.h>
#include "lib/entry.h"
#include "lib/tap.h"

static const struct {
	const char *name, *version;
} exports[] = {
	{ "__kernel_vsyscall", "LINUX_2.5" },
	{ "__kernel_sigreturn", "LINUX_2.5" },
	{ "__kernel_rt_sigreturn", "LINUX_2.5" },
	{ "__vdso_clock_gettime", "LINUX_2.6" },
	{ "__vdso_gettimeofday", "LINUX_2.6" },
	{ "__vdso_time", "LINUX_2.6" },
};

/* Does [p, p + n) contain the byte pair a b? */
static int
has_pair(const unsigned char *p, size_t n, unsigned char a, unsigned char b)
{
	size_t i;

	for (i = 0; i + 1 < n; i++)
		if (p[i] == a && p[i + 1] == b)
			return 1;
	return 0;
}

static void
test_image(const struct vdso *v)
{
	const Elf32_Phdr *ph = (const void *)((const char *)v->eh + v->eh->e_phoff);
	const Elf32_Verdef *vd;
	int i, loads = 0, writable = 0, base_named = 0;

	for (i = 0; i < v->eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		loads++;
		writable |= !!(ph[i].p_flags & PF_W);
	}
	is(loads, 1, "one PT_LOAD");
	ok(!writable, "no writable segment (the pages are shared)");
	is_str(v->soname, "linux-gate.so.1", "soname");
	for (vd = v->verdef; vd; vd = vd->vd_next ?
	     (const void *)((const char *)vd + vd->vd_next) : NULL) {
		const Elf32_Verdaux *a = (const void *)((const char *)vd + vd->vd_aux);

		if ((vd->vd_flags & VER_FLG_BASE) && v->soname &&
		    !strcmp(v->str + a->vda_name, v->soname))
			base_named = 1;
	}
	ok(v->verdef && base_named, "the base version definition is the soname");
}

static void
test_exports(const struct vdso *v)
{
	size_t i;

	for (i = 0; i < sizeof exports / sizeof exports[0]; i++) {
		const Elf32_Sym *s = vdso_sym(v, exports[i].name, exports[i].version);
		unsigned long a = s ? v->bias + s->st_value : 0;
		const char *other = strcmp(exports[i].version, "LINUX_2.5") ?
				    "LINUX_2.5" : "LINUX_2.6";

		ok(s && a >= v->start && a < v->end, "%s@%s exported, inside the image",
		   exports[i].name, exports[i].version);
		ok(!vdso_sym(v, exports[i].name, other), "%s not also at %s",
		   exports[i].name, other);
	}
}

static void
test_sysinfo(const struct vdso *v)
{
	const Elf32_Sym *s = vdso_sym(v, "__kernel_vsyscall", "LINUX_2.5");
	unsigned long sysinfo = getauxval(AT_SYSINFO);
	const unsigned char *p;
	int int80, sysenter;

	if (!s) {
		skip(5, "no __kernel_vsyscall");
		return;
	}
	is(sysinfo, v->bias + s->st_value, "AT_SYSINFO is __kernel_vsyscall");
	is(v->bias + v->eh->e_entry, sysinfo, "the ELF entry is AT_SYSINFO too");

	/*
	 * Our kernel maps one of two images (int $0x80 or sysenter); Linux
	 * has both instructions, sysenter patched in by alternatives when
	 * the CPU has SEP. Either way at least one must be there.
	 */
	p = (const unsigned char *)(v->bias + s->st_value);
	int80 = has_pair(p, s->st_size, 0xcd, 0x80);
	sysenter = has_pair(p, s->st_size, 0x0f, 0x34);
	diag("__kernel_vsyscall: %u bytes, int $0x80: %s, sysenter: %s",
	     (unsigned)s->st_size, int80 ? "yes" : "no", sysenter ? "yes" : "no");
	ok(int80 || sysenter, "__kernel_vsyscall enters the kernel");

	/*
	 * sysenter saves nothing: the kernel finds the user stack in ebp and
	 * returns with esp = ebp, where the vDSO has pushed ecx, edx, ebp
	 * (which the kernel also reads as argument 6).
	 */
	if (sysenter) {
		ok(s->st_size >= 3 && p[0] == 0x51 && p[1] == 0x52 && p[2] == 0x55,
		   "sysenter variant starts with push ecx, edx, ebp");
		ok(vdso_sysenter_insn() != 0,
		   "sysenter variant: movl %%esp, %%ebp right before sysenter");
	} else {
		skip(2, "no sysenter in this vDSO");
	}
}

/* The trampolines a signal handler returns through. */
static void
test_sigreturn(const struct vdso *v)
{
	/* popl %eax; movl $__NR_sigreturn (119), %eax; int $0x80 */
	static const unsigned char sig[] = { 0x58, 0xb8, 0x77, 0, 0, 0, 0xcd, 0x80 };
	/* movl $__NR_rt_sigreturn (173), %eax; int $0x80 */
	static const unsigned char rt[] = { 0xb8, 0xad, 0, 0, 0, 0xcd, 0x80 };
	const Elf32_Sym *s = vdso_sym(v, "__kernel_sigreturn", "LINUX_2.5");
	const Elf32_Sym *r = vdso_sym(v, "__kernel_rt_sigreturn", "LINUX_2.5");

	ok(s && !memcmp((const void *)(v->bias + s->st_value), sig, sizeof sig),
	   "__kernel_sigreturn: popl %%eax; movl $119, %%eax; int $0x80");
	ok(r && !memcmp((const void *)(v->bias + r->st_value), rt, sizeof rt),
	   "__kernel_rt_sigreturn: movl $173, %%eax; int $0x80");
}

int
main(void)
{
	unsigned long ehdr = getauxval(AT_SYSINFO_EHDR);
	struct vdso v;

	ok(ehdr && !(ehdr & 0xfff), "AT_SYSINFO_EHDR is a page: %#lx", ehdr);
	if (!ok(!vdso_open(&v, ehdr), "the vDSO is an i386 ELF shared object") ||
	    !ok(v.nsym > 1, "it has dynamic symbols")) {
		diag("%s", v.why ? v.why : "no symbols");
		return done_testing();
	}
	test_image(&v);
	test_exports(&v);
	test_sysinfo(&v);
	test_sigreturn(&v);
	return done_testing();
}
