/*
 * entry_badnr: system-call numbers with nothing behind them give -ENOSYS
 * on every path, and the registers (all but eax) come back unchanged.
 *
 * Three kinds, all -ENOSYS on Linux 6.1 i386 (syscall_32.tbl):
 *   past the table: 451 (Linux 6.1's first free number, after
 *     set_mempolicy_home_node = 450), 1000, and numbers whose sign bit
 *     is set, which the kernel must compare unsigned (-1 is special on
 *     Linux -- it skips the table entirely -- and still gives -ENOSYS);
 *   holes in the table: 222, 251, 285, 387..392;
 *   names that never had an implementation (break, stty, ftime, lock,
 *     afs_syscall, getpmsg, vserver) or lost it (bdflush, _sysctl).
 */
#include <errno.h>
#include <sys/syscall.h>
#include "lib/entry.h"
#include "lib/tap.h"

static const unsigned long numbers[] = {
	451, 1000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff,
	222, 251, 285, 387, 392,
	SYS_break, SYS_stty, SYS_ftime, SYS_lock, SYS_afs_syscall, SYS_getpmsg,
	SYS_vserver, SYS_bdflush, SYS__sysctl,
};

int
main(void)
{
	size_t i;
	int p;

	for (p = 0; p < ENTRY_NPATHS; p++) {
		if (p != ENTRY_INT80 && !entry_sysinfo()) {
			skip(sizeof numbers / sizeof numbers[0], "no AT_SYSINFO");
			continue;
		}
		for (i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
			struct entry_regs in, before, after;

			entry_regs_fill(&in, numbers[i], X86_EFLAGS_FIXED |
					X86_EFLAGS_IF | X86_EFLAGS_CF);
			entry_snap(p, &in, &before, &after);
			if ((long)after.eax != -ENOSYS)
				diag("eax: got %ld, expected %d (-ENOSYS)",
				     (long)after.eax, -ENOSYS);
			ok((long)after.eax == -ENOSYS && !entry_regs_diff(&before, &after),
			   "%s, nr %lu (%#lx): -ENOSYS, other registers kept",
			   entry_path_name(p), numbers[i], numbers[i]);
		}
	}
	return done_testing();
}
