/*
 * entry_nt: a system call made with EFLAGS.NT (nested task) set returns
 * normally, with NT still set.
 *
 * NT is dangerous in the kernel: an iret executed with NT set is a task
 * return through the TSS back link. int $0x80 clears NT on the way in
 * (a gate does); sysenter does not, so the kernel must clear it itself
 * before anything can iret (Linux: .Lsysenter_fix_flags), while keeping
 * the user's copy in pt_regs. Both ways out restore the user's flags.
 * A user program can set NT with popfl at any privilege level.
 */
#include <errno.h>
#include <sys/syscall.h>
#include "lib/entry.h"
#include "lib/tap.h"

int
main(void)
{
	const unsigned long flags = X86_EFLAGS_FIXED | X86_EFLAGS_IF |
				    X86_EFLAGS_NT | X86_EFLAGS_CF;
	long pid = entry_syscall0(ENTRY_INT80, SYS_getpid);
	int p;

	for (p = 0; p < ENTRY_NPATHS; p++) {
		struct entry_regs in, before, after;
		const char *name = entry_path_name(p);

		if (p != ENTRY_INT80 && !entry_sysinfo()) {
			skip(4, "no AT_SYSINFO");
			continue;
		}
		entry_regs_fill(&in, SYS_getpid, flags);
		entry_snap(p, &in, &before, &after);
		ok(before.eflags & X86_EFLAGS_NT, "%s: NT set before the call", name);
		is((long)after.eax, pid, "%s with NT: getpid", name);
		ok(!entry_regs_diff(&before, &after),
		   "%s with NT: NT still set, every register kept", name);

		entry_regs_fill(&in, 0xffffffff, flags);
		entry_snap(p, &in, &before, &after);
		ok((long)after.eax == -ENOSYS && !entry_regs_diff(&before, &after),
		   "%s with NT, invalid number: -ENOSYS, every register kept", name);
	}
	return done_testing();
}
