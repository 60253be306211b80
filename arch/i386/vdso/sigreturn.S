/*
 * arch/i386/vdso/sigreturn.S: __kernel_sigreturn and __kernel_rt_sigreturn,
 * the signal-return trampolines. Not assembled alone: each
 * vsyscall-*.S includes it after its __kernel_vsyscall, because the
 * trampolines sit at fixed offsets from that symbol, as on Linux:
 *
 *	__kernel_vsyscall + 32	__kernel_sigreturn
 *	__kernel_vsyscall + 64	__kernel_rt_sigreturn
 *
 * Who calls them: nobody calls them. The kernel delivers a signal by
 * building a signal frame on the user stack whose first word (pretcode)
 * is the address of one of these, and starting the handler; the
 * handler's `ret` pops pretcode and lands here. The stack then, higher
 * addresses first:
 *
 *	sigframe (no SA_SIGINFO)	rt_sigframe (SA_SIGINFO)
 *	  ...				  ...  struct ucontext uc
 *	  struct sigcontext sc		  siginfo_t info
 *	  int sig      <- esp		  void *puc
 *					  siginfo_t *pinfo
 *					  int sig      <- esp
 *
 * The old-style frame's sigreturn expects sc at esp, so sig is popped
 * first; rt_sigreturn finds its frame at esp as it is. Both always use
 * int $0x80 (in both images): sigreturn rewrites every register, and
 * the sysenter exit path would not restore them.
 *
 * Unwind information: while here, the caller's registers are not on a
 * stack frame of ours but in the saved sigcontext, so the CFI says so
 * with DWARF expressions (DW_CFA_def_cfa_expression: CFA = the saved
 * esp; DW_CFA_expression: register n lives at esp + offset), emitted by
 * .cfi_escape because gas has no directive for them. Offsets come from
 * the generated vdso-sigframe.h. .cfi_signal_frame marks the FDE ('S'):
 * the unwinder then uses the saved eip as it is rather than eip - 1.
 * The unwinder looks the trampoline up at (return address - 1), as if
 * the handler had been called from here, so each FDE also covers the
 * nop just before its trampoline (the HACK Linux documents too).
 */
#include <asm/unistd_32.h>
#include <generated/vdso-sigframe.h>

/* DWARF opcodes and i386 register numbers for the .cfi_escape bytes. */
#define DW_CFA_def_cfa_expression	0x0f
#define DW_CFA_expression		0x10
#define DW_OP_breg4			0x74	/* esp + sleb128 offset */
#define DW_OP_deref			0x06
#define DWARF_EAX	0
#define DWARF_ECX	1
#define DWARF_EDX	2
#define DWARF_EBX	3
#define DWARF_EBP	5
#define DWARF_ESI	6
#define DWARF_EDI	7
#define DWARF_EIP	8

/* CFA = *(esp + off): the esp saved in the sigcontext. */
.macro cfa_at off
	.if (\off) < 0x40
	.cfi_escape DW_CFA_def_cfa_expression, 3, DW_OP_breg4, (\off), DW_OP_deref
	.elseif (\off) < 0x2000
	.cfi_escape DW_CFA_def_cfa_expression, 4, DW_OP_breg4, ((\off) & 0x7f) | 0x80, (\off) >> 7, DW_OP_deref
	.else
	.error "cfa_at: offset too large for two sleb128 bytes"
	.endif
.endm

/* Register `reg` was saved at esp + off. */
.macro reg_at reg, off
	.if (\off) < 0x40
	.cfi_escape DW_CFA_expression, \reg, 2, DW_OP_breg4, (\off)
	.elseif (\off) < 0x2000
	.cfi_escape DW_CFA_expression, \reg, 3, DW_OP_breg4, ((\off) & 0x7f) | 0x80, (\off) >> 7
	.else
	.error "reg_at: offset too large for two sleb128 bytes"
	.endif
.endm

/* The whole picture for a sigcontext at esp + sc. (gas splits macro
 * arguments at spaces outside parentheses, hence the parentheses.) */
.macro sigcontext_at sc
	cfa_at ((\sc) + SC_ESP)
	reg_at DWARF_EAX, ((\sc) + SC_EAX)
	reg_at DWARF_ECX, ((\sc) + SC_ECX)
	reg_at DWARF_EDX, ((\sc) + SC_EDX)
	reg_at DWARF_EBX, ((\sc) + SC_EBX)
	reg_at DWARF_EBP, ((\sc) + SC_EBP)
	reg_at DWARF_ESI, ((\sc) + SC_ESI)
	reg_at DWARF_EDI, ((\sc) + SC_EDI)
	reg_at DWARF_EIP, ((\sc) + SC_EIP)
.endm

	.text
	/* Pad with nops up to one byte before the fixed offset. */
	.org	__kernel_vsyscall + 32 - 1, 0x90
	.cfi_startproc
	.cfi_signal_frame
	sigcontext_at SIGFRAME_SC
	/* The byte the unwinder looks up for (return address - 1). */
	nop
	.globl	__kernel_sigreturn
	.type	__kernel_sigreturn, @function
__kernel_sigreturn:
	/* Drop sig: esp now points at the struct sigcontext. */
	popl	%eax
	sigcontext_at (SIGFRAME_SC - 4)
	movl	$__NR_sigreturn, %eax
	/* Does not return: the kernel reloads every register from sc. */
	int	$0x80
	.cfi_endproc
	.size	__kernel_sigreturn, . - __kernel_sigreturn

	.org	__kernel_vsyscall + 64 - 1, 0x90
	.cfi_startproc
	.cfi_signal_frame
	sigcontext_at RT_SIGFRAME_SC
	nop
	.globl	__kernel_rt_sigreturn
	.type	__kernel_rt_sigreturn, @function
__kernel_rt_sigreturn:
	/* esp still points at sig; the kernel finds uc from there. */
	movl	$__NR_rt_sigreturn, %eax
	/* Does not return: the kernel reloads every register from uc. */
	int	$0x80
	.cfi_endproc
	.size	__kernel_rt_sigreturn, . - __kernel_rt_sigreturn
