/*
 * entry.h: helpers for the system-call entry tests (tests/user/entry_*,
 * sys_*, fault_*).
 *
 *   entry_syscall(path, nr, a1..a6)  one raw call, the raw eax back
 *   entry_snap(path, in, before, after)
 *                                    one call with every register loaded
 *                                    from *in; snapshots just before and
 *                                    just after the entering instruction
 *   struct vdso, vdso_open, vdso_sym  the vDSO's ELF image, read in place
 *   fault_announce, fault_survived   the two halves of a fault_* program
 *
 * The three paths into the kernel a user program has on Linux i386:
 *
 *   ENTRY_INT80    int $0x80, inline
 *   ENTRY_GS       call *%gs:0x10 (the TCB's copy of AT_SYSINFO: libc's way)
 *   ENTRY_SYSINFO  call *AT_SYSINFO (straight from the auxiliary vector)
 *
 * Header only, so no program needs a make rule of its own: helpers are
 * static inline, and the register-snapshot routines are file-scope asm
 * with the global variables they use. So include it from exactly one .c
 * file per program (every tests/user program is one file).
 */
#ifndef ENTRY_H
#define ENTRY_H

#include <elf.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <asm/processor-flags.h>
#include "tap.h"

enum entry_path { ENTRY_INT80, ENTRY_GS, ENTRY_SYSINFO, ENTRY_NPATHS };

static inline const char *
entry_path_name(enum entry_path p)
{
	return p == ENTRY_INT80 ? "int $0x80" :
	       p == ENTRY_GS ? "call *%gs:0x10" : "call *AT_SYSINFO";
}

/* AT_SYSINFO: __kernel_vsyscall, or 0 if the kernel gave no vDSO. */
static inline unsigned long
entry_sysinfo(void)
{
	return getauxval(AT_SYSINFO);
}

/*
 * Where `call *entry_target` and `jmp *entry_target` go: AT_SYSINFO, or
 * for entry_snap_jmp a point inside __kernel_vsyscall.
 */
unsigned long entry_target;

/*
 * One system call with six arguments, entered by `insn`; the raw eax
 * (a result or -errno) is returned, errno is not touched. Argument 6
 * travels in ebp, which cannot be an asm operand: it is pushed while esp
 * is still where GCC thinks (so an esp-relative operand reads right),
 * then ebp is saved and loaded from the stack, as musl does.
 */
#define ENTRY_TRAP6(insn, r, n, a, b, c, d, e, f)			\
	__asm__ __volatile__("pushl %[f]\n\t"				\
			     "pushl %%ebp\n\t"				\
			     "movl 4(%%esp), %%ebp\n\t"			\
			     insn "\n\t"				\
			     "popl %%ebp\n\t"				\
			     "addl $4, %%esp"				\
			     : "=a"(r)					\
			     : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d),	\
			       "D"(e), [f] "g"(f), [t] "i"(&entry_target) \
			     : "memory", "cc")

static inline long
entry_syscall(enum entry_path p, long n, long a, long b, long c, long d,
	      long e, long f)
{
	long r;

	switch (p) {
	case ENTRY_INT80:
		ENTRY_TRAP6("int $0x80", r, n, a, b, c, d, e, f);
		break;
	case ENTRY_GS:
		ENTRY_TRAP6("call *%%gs:0x10", r, n, a, b, c, d, e, f);
		break;
	default:
		entry_target = entry_sysinfo();
		ENTRY_TRAP6("call *%c[t]", r, n, a, b, c, d, e, f);
		break;
	}
	return r;
}

/* The same with fewer arguments (the others are 0). */
#define entry_syscall0(p, n)		entry_syscall(p, n, 0, 0, 0, 0, 0, 0)
#define entry_syscall1(p, n, a)		entry_syscall(p, n, (long)(a), 0, 0, 0, 0, 0)
#define entry_syscall2(p, n, a, b) \
	entry_syscall(p, n, (long)(a), (long)(b), 0, 0, 0, 0)
#define entry_syscall3(p, n, a, b, c) \
	entry_syscall(p, n, (long)(a), (long)(b), (long)(c), 0, 0, 0)

/*
 * Register snapshots. The field offsets are used by the asm below.
 * Segment registers are stored with 16-bit moves into zeroed fields.
 */
struct entry_regs {
	unsigned long eax, ebx, ecx, edx, esi, edi, ebp, esp;	/* 0 .. 28 */
	unsigned long eflags;					/* 32 */
	unsigned long ds, es, fs, gs, ss;			/* 36 .. 52 */
};
_Static_assert(offsetof(struct entry_regs, esp) == 28, "esp at 28");
_Static_assert(offsetof(struct entry_regs, eflags) == 32, "eflags at 32");
_Static_assert(offsetof(struct entry_regs, ss) == 52, "ss at 52");

struct entry_regs entry_in, entry_before, entry_after;
unsigned long entry_saved_esp;

/*
 * ENTRY_SNAP name, insn: a routine `name` (callable from C as void
 * name(void); it preserves every register and the flags) that
 *
 *   loads eax..ebp and eflags from entry_in (esp stays what it is),
 *   stores every register, eflags as the CPU accepted them, esp and the
 *   segment registers in entry_before,
 *   executes insn,
 *   stores the same in entry_after (label name_ret: the return point
 *   for entries that come back through a hand-made frame),
 *   and returns with its caller's registers and flags.
 *
 * Between the popfl and the last store only aligned accesses are made,
 * so EFLAGS.AC may be set (Linux enables CR0.AM: a misaligned user
 * access with AC set is a SIGBUS there).
 */
__asm__(
	".macro ENTRY_SAVE to\n"
	"	pushfl\n"
	"	popl	\\to+32\n"
	"	movl	%eax, \\to+0\n"
	"	movl	%ebx, \\to+4\n"
	"	movl	%ecx, \\to+8\n"
	"	movl	%edx, \\to+12\n"
	"	movl	%esi, \\to+16\n"
	"	movl	%edi, \\to+20\n"
	"	movl	%ebp, \\to+24\n"
	"	movl	%esp, \\to+28\n"
	"	movw	%ds, \\to+36\n"
	"	movw	%es, \\to+40\n"
	"	movw	%fs, \\to+44\n"
	"	movw	%gs, \\to+48\n"
	"	movw	%ss, \\to+52\n"
	".endm\n"
	".macro ENTRY_SNAP name, insn:vararg\n"
	"	.text\n"
	"	.globl	\\name, \\name\\()_ret\n"
	"	.type	\\name, @function\n"
	"\\name:\n"
	"	pushfl\n"
	"	pushal\n"
	"	movl	%esp, entry_saved_esp\n"
	"	pushl	entry_in+32\n"
	"	movl	entry_in+4, %ebx\n"
	"	movl	entry_in+8, %ecx\n"
	"	movl	entry_in+12, %edx\n"
	"	movl	entry_in+16, %esi\n"
	"	movl	entry_in+20, %edi\n"
	"	movl	entry_in+24, %ebp\n"
	"	movl	entry_in+0, %eax\n"
	"	popfl\n"
	"	ENTRY_SAVE entry_before\n"
	"	\\insn\n"
	"\\name\\()_ret:\n"
	"	ENTRY_SAVE entry_after\n"
	"	movl	entry_saved_esp, %esp\n"
	"	popal\n"
	"	popfl\n"
	"	ret\n"
	"	.size	\\name, . - \\name\n"
	".endm\n"
	"	ENTRY_SNAP entry_snap_int80, int $0x80\n"
	"	ENTRY_SNAP entry_snap_gs, call *%gs:0x10\n"
	"	ENTRY_SNAP entry_snap_sysinfo, call *entry_target\n"
	/* For entering __kernel_vsyscall in the middle: see entry_snap_at. */
	"	ENTRY_SNAP entry_snap_jmp, jmp *entry_target\n"
	/* A sysenter of our own: the kernel returns to the vDSO regardless. */
	"	ENTRY_SNAP entry_snap_sysenter, sysenter\n");

void entry_snap_int80(void);
void entry_snap_gs(void);
void entry_snap_sysinfo(void);
void entry_snap_jmp(void);
void entry_snap_sysenter(void);
extern const char entry_snap_jmp_ret[];

/* Run one call on path p with the registers of *in; fill *before and *after. */
static inline void
entry_snap(enum entry_path p, const struct entry_regs *in,
	   struct entry_regs *before, struct entry_regs *after)
{
	memset(&entry_before, 0, sizeof entry_before);
	memset(&entry_after, 0, sizeof entry_after);
	entry_in = *in;
	entry_target = entry_sysinfo();
	if (p == ENTRY_INT80)
		entry_snap_int80();
	else if (p == ENTRY_GS)
		entry_snap_gs();
	else
		entry_snap_sysinfo();
	*before = entry_before;
	*after = entry_after;
}

/*
 * The stack __kernel_vsyscall builds before it executes sysenter, at
 * the address it passes in ebp; the kernel returns to the vDSO's return
 * point with esp = that address, and the vDSO pops ebp, edx and ecx and
 * returns. (Both Linux's vDSO and ours: the convention is the kernel's.)
 */
struct entry_sysenter_frame {
	unsigned long ebp;	/* the caller's ebp: argument 6 */
	unsigned long edx;
	unsigned long ecx;
	unsigned long ret;	/* where the vDSO's ret goes */
};

/*
 * Jump to `insn` (the sysenter inside __kernel_vsyscall) with the
 * registers of *in, except that ebp is `frame`: the kernel reads
 * argument 6 from frame->ebp and comes back through it. frame->ret is
 * set here to entry_snap_jmp_ret. esp at the jump does not matter.
 */
static inline void
entry_snap_at(unsigned long insn, struct entry_sysenter_frame *frame,
	      const struct entry_regs *in, struct entry_regs *before,
	      struct entry_regs *after)
{
	memset(&entry_before, 0, sizeof entry_before);
	memset(&entry_after, 0, sizeof entry_after);
	entry_in = *in;
	entry_in.ebp = (unsigned long)frame;
	frame->ret = (unsigned long)entry_snap_jmp_ret;
	entry_target = insn;
	entry_snap_jmp();
	*before = entry_before;
	*after = entry_after;
}

/*
 * Compare what a call may not change: ebx..ebp, esp, eflags and the
 * segment registers (everything but eax). Prints a diag line for each
 * difference; returns how many there were.
 */
static inline int
entry_regs_diff(const struct entry_regs *want, const struct entry_regs *got)
{
	static const char *const names[] = {
		"eax", "ebx", "ecx", "edx", "esi", "edi", "ebp", "esp",
		"eflags", "ds", "es", "fs", "gs", "ss",
	};
	const unsigned long *w = &want->eax, *g = &got->eax;
	int i, bad = 0;

	for (i = 1; i < (int)(sizeof names / sizeof names[0]); i++) {
		if (w[i] == g[i])
			continue;
		diag("%s changed: %#lx before, %#lx after", names[i], w[i], g[i]);
		bad++;
	}
	return bad;
}

/* Arithmetic flags a user can set with popfl (EFLAGS bits 0..11). */
#define ENTRY_ARITH_FLAGS (X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | \
			   X86_EFLAGS_ZF | X86_EFLAGS_SF | X86_EFLAGS_OF)

/* Distinct, recognisable argument values, none a usable pointer. */
static inline void
entry_regs_fill(struct entry_regs *r, unsigned long nr, unsigned long flags)
{
	memset(r, 0, sizeof *r);
	r->eax = nr;
	r->ebx = 0xb0b1b2b3;
	r->ecx = 0xc0c1c2c3;
	r->edx = 0xd0d1d2d3;
	r->esi = 0x51515151;
	r->edi = 0xd1d1d1d1;
	r->ebp = 0xe0e1e2e3;
	r->eflags = flags;
}

/*
 * Execute a sysenter with ebp = `ebp` and eax = nr, without writing
 * anything at ebp: at `insn` inside __kernel_vsyscall if insn is not 0,
 * else one of our own. For the fault_sysenter_* programs: with a bad
 * ebp nothing comes back here (the kernel returns to the vDSO with
 * esp = ebp, and the vDSO's first pop faults), but if something does,
 * the caller gets control again.
 */
static inline void
entry_sysenter_ebp(unsigned long insn, unsigned long ebp, unsigned long nr)
{
	entry_regs_fill(&entry_in, nr, X86_EFLAGS_FIXED | X86_EFLAGS_IF);
	entry_in.ebp = ebp;
	entry_target = insn;
	if (insn)
		entry_snap_jmp();
	else
		entry_snap_sysenter();
}

/* ---- The vDSO's ELF image, as mapped at AT_SYSINFO_EHDR. ---- */

struct vdso {
	const Elf32_Ehdr *eh;
	uintptr_t bias;			/* add to p_vaddr, d_ptr, st_value */
	uintptr_t start, end;		/* the first PT_LOAD, in memory */
	const Elf32_Sym *sym;
	size_t nsym;
	const char *str;
	size_t strsz;
	const Elf32_Versym *versym;	/* NULL if unversioned */
	const Elf32_Verdef *verdef;
	const char *soname;		/* NULL if none */
	const char *why;		/* what was wrong, if vdso_open failed */
};

/* Number of symbols from a DT_GNU_HASH table: one past the last chain. */
static inline size_t
vdso_gnu_hash_nsym(const uint32_t *gh)
{
	uint32_t nbuckets = gh[0], symoffset = gh[1], nbloom = gh[2];
	const uint32_t *buckets = gh + 4 + nbloom;	/* ELFCLASS32: 32-bit bloom words */
	const uint32_t *chain = buckets + nbuckets;
	uint32_t i, last = 0;

	for (i = 0; i < nbuckets; i++)
		if (buckets[i] > last)
			last = buckets[i];
	if (last < symoffset)
		return symoffset;
	while (!(chain[last - symoffset] & 1))
		last++;
	return last + 1;
}

/* Read the image at ehdr; 0, or -1 with v->why set. */
static inline int
vdso_open(struct vdso *v, unsigned long ehdr)
{
	const Elf32_Phdr *ph;
	const Elf32_Dyn *dyn = NULL;
	const uint32_t *hash = NULL, *gnu = NULL;
	unsigned long soname = 0;
	int i, loads = 0;

	memset(v, 0, sizeof *v);
	v->eh = (const Elf32_Ehdr *)ehdr;
	if (!ehdr)
		return v->why = "no AT_SYSINFO_EHDR", -1;
	if (memcmp(v->eh->e_ident, ELFMAG, SELFMAG) ||
	    v->eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    v->eh->e_ident[EI_DATA] != ELFDATA2LSB)
		return v->why = "not a 32-bit little-endian ELF image", -1;
	if (v->eh->e_type != ET_DYN || v->eh->e_machine != EM_386)
		return v->why = "not an i386 shared object", -1;
	ph = (const Elf32_Phdr *)(ehdr + v->eh->e_phoff);
	for (i = 0; i < v->eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !loads++) {
			v->bias = ehdr + ph[i].p_offset - ph[i].p_vaddr;
			v->start = v->bias + ph[i].p_vaddr;
			v->end = v->start + ph[i].p_memsz;
		} else if (ph[i].p_type == PT_DYNAMIC) {
			dyn = (const Elf32_Dyn *)(ehdr + ph[i].p_offset);
		}
	}
	if (!loads || !dyn)
		return v->why = "no PT_LOAD or no PT_DYNAMIC", -1;
	for (; dyn->d_tag != DT_NULL; dyn++) {
		const void *p = (const void *)(v->bias + dyn->d_un.d_ptr);

		switch (dyn->d_tag) {
		case DT_SYMTAB:	v->sym = p; break;
		case DT_STRTAB:	v->str = p; break;
		case DT_STRSZ:	v->strsz = dyn->d_un.d_val; break;
		case DT_HASH:	hash = p; break;
		case DT_GNU_HASH: gnu = p; break;
		case DT_VERSYM:	v->versym = p; break;
		case DT_VERDEF:	v->verdef = p; break;
		case DT_SONAME:	soname = dyn->d_un.d_val; break;
		}
	}
	if (!v->sym || !v->str || (!hash && !gnu))
		return v->why = "no symbol table, string table or hash table", -1;
	v->nsym = hash ? hash[1] : vdso_gnu_hash_nsym(gnu);
	if (soname)
		v->soname = v->str + soname;
	if (!v->verdef)
		v->versym = NULL;
	return 0;
}

/* The version name of symbol i, or NULL (unversioned, or the base). */
static inline const char *
vdso_sym_version(const struct vdso *v, size_t i)
{
	const Elf32_Verdef *vd = v->verdef;
	unsigned ndx;

	if (!v->versym)
		return NULL;
	ndx = v->versym[i] & VERSYM_VERSION;
	for (;;) {
		if ((vd->vd_ndx & VERSYM_VERSION) == ndx) {
			const Elf32_Verdaux *a =
				(const void *)((const char *)vd + vd->vd_aux);

			return vd->vd_flags & VER_FLG_BASE ? NULL :
			       v->str + a->vda_name;
		}
		if (!vd->vd_next)
			return NULL;
		vd = (const void *)((const char *)vd + vd->vd_next);
	}
}

/*
 * The defined global (or weak) function or untyped symbol `name` at
 * `version` (any version if NULL), or NULL. The symbol's address is v->bias + st_value.
 */
static inline const Elf32_Sym *
vdso_sym(const struct vdso *v, const char *name, const char *version)
{
	size_t i;

	for (i = 1; i < v->nsym; i++) {
		const Elf32_Sym *s = &v->sym[i];
		const char *ver = vdso_sym_version(v, i);

		if (s->st_shndx == SHN_UNDEF || strcmp(v->str + s->st_name, name))
			continue;
		if (ELF32_ST_TYPE(s->st_info) != STT_FUNC &&
		    ELF32_ST_TYPE(s->st_info) != STT_NOTYPE)
			continue;
		if (ELF32_ST_BIND(s->st_info) != STB_GLOBAL &&
		    ELF32_ST_BIND(s->st_info) != STB_WEAK)
			continue;
		if (version && (!ver || strcmp(ver, version)))
			continue;
		return s;
	}
	return NULL;
}

/* The address of `name`@`version` in the mapped vDSO, or 0. */
static inline unsigned long
vdso_func(const char *name, const char *version)
{
	struct vdso v;
	const Elf32_Sym *s;

	if (vdso_open(&v, getauxval(AT_SYSINFO_EHDR)))
		return 0;
	s = vdso_sym(&v, name, version);
	return s ? v.bias + s->st_value : 0;
}

/*
 * The `sysenter` inside __kernel_vsyscall, right after its
 * `movl %esp, %ebp` (89 e5 0f 34), or 0 if this vDSO enters the kernel
 * otherwise (int $0x80 only).
 */
static inline unsigned long
vdso_sysenter_insn(void)
{
	struct vdso v;
	const Elf32_Sym *s;
	const unsigned char *p;
	size_t i;

	if (vdso_open(&v, getauxval(AT_SYSINFO_EHDR)) ||
	    !(s = vdso_sym(&v, "__kernel_vsyscall", "LINUX_2.5")))
		return 0;
	p = (const unsigned char *)(v.bias + s->st_value);
	for (i = 0; i + 4 <= s->st_size; i++)
		if (p[i] == 0x89 && p[i + 1] == 0xe5 && p[i + 2] == 0x0f &&
		    p[i + 3] == 0x34)
			return (unsigned long)(p + i + 2);
	return 0;
}

/* Skip the whole program: "1..0 # SKIP why". Returns the exit status. */
static inline int
entry_skip_all(const char *why)
{
	printf("    1..0 # SKIP %s\n", why);
	fflush(stdout);
	return 0;
}

/* ---- fault_* programs: announce, do the forbidden thing, report. ---- */

/* Say what is about to happen (a killed program prints nothing else). */
static inline void
fault_announce(const char *what)
{
	diag("about to %s: the kernel must kill this process", what);
}

/* Still alive: the forbidden thing was allowed. Returns the exit status. */
static inline int
fault_survived(const char *what)
{
	ok(0, "%s was allowed", what);
	return done_testing();
}

#endif
