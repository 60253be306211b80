/*
 * entry_sysenter: the sysenter convention itself, without the vDSO's
 * first half. __kernel_vsyscall pushes ecx, edx, ebp, copies esp to ebp
 * and executes sysenter; the kernel takes ebp as the user stack: it reads
 * argument 6 from (ebp) and returns to the vDSO's return point with
 * esp = ebp, where the vDSO pops ebp, edx, ecx and returns. Here the
 * program jumps straight to that sysenter instruction with ebp pointing
 * at a frame of its own (struct entry_sysenter_frame) somewhere else --
 * a static buffer, a frame that straddles two pages, a page nobody has
 * touched yet -- and checks that the kernel used exactly that memory.
 *
 * Both Linux (entry_SYSENTER_32 / do_fast_syscall_32: "Fetch EBP from
 * where the vDSO stashed it", return to the landing pad with sp = ebp)
 * and this kernel work this way. A vDSO without sysenter (syscall=int80
 * here, or a CPU without SEP) skips the program.
 *
 * The bad-ebp cases end in SIGSEGV -- the kernel answers -EFAULT, then
 * the vDSO pops from the bad stack -- so they are fault_sysenter_*.
 */
#include <errno.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "lib/entry.h"
#include "lib/tap.h"

#define FLAGS (X86_EFLAGS_FIXED | X86_EFLAGS_IF | ENTRY_ARITH_FLAGS)

static unsigned long sysenter_insn;

/*
 * Enter with ebx..edi from in and ebp = frame (holding arg6, and edx and
 * ecx for the vDSO to restore); check the result and every register.
 */
static void
enter(const char *what, struct entry_sysenter_frame *frame, unsigned long nr,
      long ebx, unsigned long arg6, long want)
{
	struct entry_regs in, before, after, expect;

	entry_regs_fill(&in, nr, FLAGS);
	in.ebx = ebx;
	if (nr == SYS_sync_file_range)
		in.ecx = in.edx = in.esi = in.edi = 0;	/* offset 0, nbytes 0 */
	frame->ebp = arg6;
	frame->edx = 0x0ed0ed0e;
	frame->ecx = 0x0ec0ec0e;
	entry_snap_at(sysenter_insn, frame, &in, &before, &after);

	/* what the vDSO's pops and ret must have left */
	expect = before;
	expect.ebp = arg6;
	expect.edx = frame->edx;
	expect.ecx = frame->ecx;
	expect.esp = (unsigned long)frame + 16;
	is((long)after.eax, want, "%s: result", what);
	ok(!entry_regs_diff(&expect, &after),
	   "%s: back through the frame (esp = frame + 16, ebp/edx/ecx from it), "
	   "the rest kept", what);
}

int
main(void)
{
	static struct entry_sysenter_frame frame;
	static unsigned char two_pages[8192] __attribute__((aligned(4096)));
	long pid = entry_syscall0(ENTRY_INT80, SYS_getpid);
	struct stat64 st;
	unsigned long brk0, fresh;
	long valid;

	sysenter_insn = vdso_sysenter_insn();
	if (!sysenter_insn)
		return entry_skip_all("no sysenter in this vDSO");
	diag("sysenter at %#lx", sysenter_insn);

	enter("getpid, frame in .bss", &frame, SYS_getpid, 0, 0x600dbeef, pid);
	enter("invalid number", &frame, 0xffffffff, 0, 0x600dbeef, -ENOSYS);

	/* Argument 6 comes from the frame: a bad flag there is -EINVAL. */
	entry_syscall2(ENTRY_INT80, SYS_fstat64, 1, &st);
	valid = S_ISREG(st.st_mode) || S_ISBLK(st.st_mode) ? 0 : -ESPIPE;
	enter("sync_file_range, flags 8 in (ebp)", &frame, SYS_sync_file_range,
	      1, 8, -EINVAL);
	enter("sync_file_range, flags 0 in (ebp)", &frame, SYS_sync_file_range,
	      1, 0, valid);

	/*
	 * The frame straddles a page boundary, misaligned: (ebp) is split.
	 * Flags 0 must be read as 0: a read from anywhere else (edx's bytes
	 * follow) would see stray bits and give -EINVAL.
	 */
	enter("frame across a page boundary",
	      (struct entry_sysenter_frame *)(two_pages + 4096 - 2),
	      SYS_sync_file_range, 1, 0, valid);

	/*
	 * (ebp) on a page nobody has touched: the kernel's own read must
	 * fault it in (demand-zero), not fail with -EFAULT. Two fresh brk
	 * pages; the frame starts 4 bytes below the second one, so its
	 * other fields (written here) are on the second page only, and
	 * arg 6 reads 0 from the first.
	 */
	brk0 = entry_syscall1(ENTRY_INT80, SYS_brk, 0);
	fresh = (brk0 + 4095) & ~4095UL;
	if (!ok((unsigned long)entry_syscall1(ENTRY_INT80, SYS_brk, fresh + 8192) ==
		fresh + 8192, "brk: two fresh pages")) {
		return done_testing();
	}
	{
		struct entry_sysenter_frame *f = (void *)(fresh + 4096 - 4);
		struct entry_regs in, before, after;

		entry_regs_fill(&in, SYS_sync_file_range, FLAGS);
		in.ebx = 1;
		in.ecx = in.edx = in.esi = in.edi = 0;
		f->edx = 0x0ed0ed0e;
		f->ecx = 0x0ec0ec0e;
		entry_snap_at(sysenter_insn, f, &in, &before, &after);
		is((long)after.eax, valid, "(ebp) on an untouched page: read as 0");
		is(after.esp, (unsigned long)f + 16, "...and back through it");
	}
	entry_syscall1(ENTRY_INT80, SYS_brk, brk0);
	return done_testing();
}
