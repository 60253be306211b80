/*
 * fault_sysenter_unmapped_ebp: sysenter with ebp on an unmapped page
 * (0x1000). The kernel's read of argument 6 faults, and its fixup
 * answers -EFAULT.
 * Then the kernel returns to the vDSO with esp = ebp, as always, and the
 * vDSO's first pop faults: SIGSEGV. The kernel must survive all of it.
 *
 * Linux: do_fast_syscall_32 fails to fetch ebp ("User code screwed
 * up"), sets -EFAULT and returns through iret to the landing pad with
 * sp = the bad ebp; selftests/x86/single_step_syscall.c relies on the
 * same SIGSEGV with ebp = 0. The sysenter is the vDSO's (entered right
 * at it, past its pushes); if the vDSO has none (syscall=int80 here),
 * one of our own, which such a kernel must refuse (#GP: SYSENTER_CS is
 * 0) -- also a kill.
 */
#include <sys/syscall.h>
#include "lib/entry.h"
#include "lib/tap.h"

int
main(void)
{
	unsigned long insn = vdso_sysenter_insn();

	fault_announce(insn ? "enter the vDSO's sysenter with ebp = 0x1000" :
		       "execute sysenter (the vDSO has none) with ebp = 0x1000");
	entry_sysenter_ebp(insn, 0x1000, SYS_getpid);
	return fault_survived("returning from sysenter with ebp = 0x1000");
}
