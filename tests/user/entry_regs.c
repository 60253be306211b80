/*
 * entry_regs: a system call changes eax and nothing else, on every path.
 * Like Linux's selftests/x86/test_syscall_vdso.c: every register gets a
 * known value, the arithmetic flags (and AC) are set with popfl, one
 * call is made (getpid, and an invalid number, whose error path is a
 * different exit from the kernel), and all registers are compared with
 * what they were just before the entering instruction: ebx, ecx, edx,
 * esi, edi, ebp, esp, eflags, ds, es, fs, gs, ss.
 *
 * Linux returns from int $0x80 with iret and from sysenter with popfl
 * and sysexit: both restore every user flag. DF is tried on int $0x80
 * only: a function call (into the vDSO) with DF set breaks the ABI.
 */
#include <errno.h>
#include <sys/syscall.h>
#include "lib/entry.h"
#include "lib/tap.h"

#define BASE_FLAGS	(X86_EFLAGS_FIXED | X86_EFLAGS_IF)

static const struct {
	unsigned long flags;
	const char *name;
	int int80_only;
} flag_sets[] = {
	{ BASE_FLAGS, "flags clear", 0 },
	{ BASE_FLAGS | ENTRY_ARITH_FLAGS, "CF PF AF ZF SF OF set", 0 },
	{ BASE_FLAGS | ENTRY_ARITH_FLAGS | X86_EFLAGS_AC, "arith flags and AC set", 0 },
	{ BASE_FLAGS | X86_EFLAGS_CF | X86_EFLAGS_DF, "CF and DF set", 1 },
};

static void
one(enum entry_path p, unsigned long nr, long want, unsigned long flags,
    const char *what)
{
	struct entry_regs in, before, after;

	entry_regs_fill(&in, nr, flags);
	entry_snap(p, &in, &before, &after);
	if (!is((long)after.eax, want, "%s, nr %#lx, %s: eax", entry_path_name(p), nr, what))
		return;
	if ((before.eflags & flags) != flags) {
		/* the CPU refused a flag: the test itself is wrong */
		ok(0, "%s: flags %#lx asked, %#lx set", what, flags, before.eflags);
		return;
	}
	ok(!entry_regs_diff(&before, &after),
	   "%s, nr %#lx, %s: every other register kept", entry_path_name(p), nr,
	   what);
}

int
main(void)
{
	long pid = entry_syscall0(ENTRY_INT80, SYS_getpid);
	size_t f;
	int p;

	for (p = 0; p < ENTRY_NPATHS; p++) {
		if (p != ENTRY_INT80 && !entry_sysinfo()) {
			skip(12, "no AT_SYSINFO");
			continue;
		}
		for (f = 0; f < sizeof flag_sets / sizeof flag_sets[0]; f++) {
			if (flag_sets[f].int80_only && p != ENTRY_INT80)
				continue;
			one(p, SYS_getpid, pid, flag_sets[f].flags, flag_sets[f].name);
			one(p, 0xffffffff, -ENOSYS, flag_sets[f].flags,
			    flag_sets[f].name);
		}
	}
	return done_testing();
}
