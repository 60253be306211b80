/*
 * fault_singlestep_sysenter: a system call entered with EFLAGS.TF set,
 * by `popfl; sysenter`. sysenter does not clear TF, so the CPU takes a
 * debug trap on the kernel's first instruction, on the entry stack; the
 * kernel must ignore the traps it gets there until it has cleared TF
 * (Linux: is_sysenter_singlestep), keep the user's TF in pt_regs, and
 * return with iret so that the user is single-stepped again: a debug
 * trap after the first user instruction, SIGTRAP, which kills us (no
 * handler). Being killed is the proof that the trap was not lost; the
 * next program running is the proof that the kernel survived.
 *
 * The sysenter is our own: `popfl` must come right before it (after any
 * other instruction the trap would hit user mode first). The kernel
 * returns to the vDSO's return point as always, with esp = ebp = our
 * frame, and the vDSO's pops and ret come back to label 1 below. With
 * no sysenter in the vDSO (syscall=int80 here) the same is done with
 * int $0x80, which must deliver the trap just as well.
 */
#include <sys/syscall.h>
#include "lib/entry.h"
#include "lib/tap.h"

#define STR(x)	STR2(x)
#define STR2(x)	#x

static struct entry_sysenter_frame frame;
unsigned long step_saved_esp;

/* void step_sysenter(struct entry_sysenter_frame *f): getpid, TF set. */
void step_sysenter(struct entry_sysenter_frame *f);
/* void step_int80(void): getpid by int $0x80, TF set. */
void step_int80(void);

__asm__(".text\n"
	".globl step_sysenter\n"
	"step_sysenter:\n"
	"	movl	4(%esp), %eax\n"
	"	pushl	%ebp\n"
	"	pushl	%ebx\n"
	"	movl	%esp, step_saved_esp\n"
	"	movl	$1f, 12(%eax)\n"		/* frame->ret */
	"	movl	%eax, %ebp\n"			/* the stack sysenter uses */
	"	movl	$" STR(SYS_getpid) ", %eax\n"
	"	xorl	%ebx, %ebx\n"
	"	pushfl\n"
	"	orl	$0x100, (%esp)\n"		/* TF */
	"	popfl\n"
	"	sysenter\n"
	/* Only if the trap was lost: clear TF, back to the caller. */
	"1:	movl	step_saved_esp, %esp\n"
	"	pushfl\n"
	"	andl	$~0x100, (%esp)\n"
	"	popfl\n"
	"	popl	%ebx\n"
	"	popl	%ebp\n"
	"	ret\n"
	".globl step_int80\n"
	"step_int80:\n"
	"	pushl	%ebx\n"
	"	movl	$" STR(SYS_getpid) ", %eax\n"
	"	xorl	%ebx, %ebx\n"
	"	pushfl\n"
	"	orl	$0x100, (%esp)\n"
	"	popfl\n"
	"	int	$0x80\n"
	"	pushfl\n"
	"	andl	$~0x100, (%esp)\n"
	"	popfl\n"
	"	popl	%ebx\n"
	"	ret\n");

int
main(void)
{
	if (vdso_sysenter_insn()) {
		fault_announce("sysenter with TF set");
		step_sysenter(&frame);
		return fault_survived("single-stepping through sysenter");
	}
	fault_announce("int $0x80 with TF set (the vDSO has no sysenter)");
	step_int80();
	return fault_survived("single-stepping through int $0x80");
}
