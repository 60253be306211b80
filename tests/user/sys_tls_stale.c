/*
 * sys_tls_stale: clearing the TLS entry that %fs has loaded. The call
 * returns normally and %fs reads 0 afterwards, on every path.
 *
 * On the way back to user mode i386 Linux pops the saved %fs, which now
 * names an empty descriptor: the pop faults, and the exception-table
 * fixup (EX_TYPE_POP_ZERO) loads the null selector instead. A kernel
 * that handles that fault badly -- say, by saving the same stale
 * selector again in the fault's own frame and faulting on its way out
 * -- dies here, so this runs apart from sys_thread_area.
 */
#include <string.h>
#include <sys/syscall.h>
#include <sys/thread_area.h>
#include "lib/entry.h"
#include "lib/tap.h"

static unsigned long data[2] = { 0xf5f5f5f5 };

static unsigned
get_fs(void)
{
	unsigned sel;

	__asm__ volatile("movl %%fs, %0" : "=r"(sel));
	return sel & 0xffff;
}

int
main(void)
{
	int p;

	for (p = 0; p < ENTRY_NPATHS; p++) {
		struct user_desc u;
		unsigned long v;
		unsigned sel;

		if (p != ENTRY_INT80 && !entry_sysinfo()) {
			skip(3, "no AT_SYSINFO");
			continue;
		}
		memset(&u, 0, sizeof u);
		u.entry_number = -1;
		u.base_addr = (unsigned long)data;
		u.limit = 0xfff;
		u.seg_32bit = 1;
		if (!is(entry_syscall1(ENTRY_INT80, SYS_set_thread_area, &u), 0,
			"%s: a TLS entry", entry_path_name(p)))
			break;
		sel = u.entry_number << 3 | 3;
		__asm__ volatile("movl %1, %%fs\n\t"
				 "movl %%fs:0, %0" : "=r"(v) : "r"(sel) : "memory");
		is(v, data[0], "%s: loaded in %%fs (%#x)", entry_path_name(p), sel);

		/* Clear it (LDT_zero) while %fs still holds it. */
		memset(&u, 0, sizeof u);
		u.entry_number = sel >> 3;
		ok(entry_syscall1(p, SYS_set_thread_area, &u) == 0 && get_fs() == 0,
		   "%s: cleared under %%fs: the call returns, %%fs is now 0",
		   entry_path_name(p));
	}
	return done_testing();
}
