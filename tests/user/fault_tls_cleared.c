/*
 * fault_tls_cleared: a TLS entry cleared by set_thread_area is an empty
 * descriptor, and loading its selector into %fs is a #GP (SIGSEGV on
 * Linux). Before that, the same selector is loaded while the entry is
 * valid, to show that the load itself is fine.
 */
#include <string.h>
#include <sys/syscall.h>
#include <sys/thread_area.h>
#include "lib/entry.h"
#include "lib/tap.h"

static unsigned long data[2];

int
main(void)
{
	struct user_desc u;
	unsigned sel;

	memset(&u, 0, sizeof u);
	u.entry_number = -1;
	u.base_addr = (unsigned long)data;
	u.limit = 0xfff;
	u.seg_32bit = 1;
	if (entry_syscall1(ENTRY_GS, SYS_set_thread_area, &u)) {
		ok(0, "set_thread_area");
		return done_testing();
	}
	sel = u.entry_number << 3 | 3;
	__asm__ volatile("movl %0, %%fs\n\t"
			 "movl %1, %%fs" : : "r"(sel), "r"(0));
	memset(&u, 0, sizeof u);
	u.entry_number = sel >> 3;
	entry_syscall1(ENTRY_GS, SYS_set_thread_area, &u);	/* clear it */
	fault_announce("load the cleared TLS selector into %fs");
	__asm__ volatile("movl %0, %%fs" : : "r"(sel));
	return fault_survived("loading a cleared TLS selector");
}
