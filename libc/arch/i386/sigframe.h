/*
 * sigframe.h: where the i386 kernel's signal frames keep the
 * interrupted registers, for the unwind tables of the sigreturn
 * trampolines (__restore.S, __restore_rt.S). sigaction.c checks these
 * numbers against <asm/sigcontext.h> and <sys/ucontext.h>.
 *
 * A handler is entered with its return address (the trampoline, from
 * sa_restorer) on top of the frame; when it returns, that word is popped
 * and %esp points at:
 *
 *	struct sigframe (no SA_SIGINFO)	struct rt_sigframe (SA_SIGINFO)
 *	  0  sig				  0  sig
 *	  4  struct sigcontext_32 sc		  4  siginfo_t *pinfo
 *	     ...				  8  void *puc
 *						 12  siginfo_t info (128 bytes)
 *						140  struct ucontext uc: flags,
 *						     link, stack (20 bytes) then
 *						160  uc_mcontext, a sigcontext_32
 */
#ifndef _LIBC_SIGFRAME_H
#define _LIBC_SIGFRAME_H

/* The sigcontext from %esp after the handler returned. */
#define SIGFRAME_SC		4
#define RT_SIGFRAME_SC		160

/* Offsets in struct sigcontext_32 (4 * the REG_* index of <sys/ucontext.h>). */
#define SC_EDI		16
#define SC_ESI		20
#define SC_EBP		24
#define SC_ESP		28
#define SC_EBX		32
#define SC_EDX		36
#define SC_ECX		40
#define SC_EAX		44
#define SC_EIP		56

#ifdef __ASSEMBLER__
/*
 * DWARF for "the caller's registers are in the sigcontext at %esp + sc",
 * as the kernel's vDSO describes its own trampolines: the CFA is the
 * saved esp (DW_CFA_def_cfa_expression: DW_OP_breg4 sc+SC_ESP;
 * DW_OP_deref) and each register is at a fixed place (DW_CFA_expression
 * r: DW_OP_breg4 sc+off). DWARF numbers: eax 0, ecx 1, edx 2, ebx 3,
 * ebp 5, esi 6, edi 7, eip 8. The offsets are SLEB128, here one byte
 * below 64 and two below 8192.
 */
.macro cfi_sleb_op op, off, pre:vararg
	.if \off < 64
	.cfi_escape \pre, 2, \op, \off
	.elseif \off < 8192
	.cfi_escape \pre, 3, \op, (\off & 0x7f) | 0x80, \off >> 7
	.else
	.error "sigframe offset out of range"
	.endif
.endm

.macro cfi_reg_at r, off
	cfi_sleb_op 0x74, \off, 0x10, \r
.endm

.macro cfi_cfa_at off
	.if \off < 64
	.cfi_escape 0x0f, 3, 0x74, \off, 0x06
	.elseif \off < 8192
	.cfi_escape 0x0f, 4, 0x74, (\off & 0x7f) | 0x80, \off >> 7, 0x06
	.else
	.error "sigframe offset out of range"
	.endif
.endm

/* Every rule, for a sigcontext at %esp + sc. */
.macro cfi_sigcontext sc
	cfi_cfa_at (\sc+SC_ESP)
	cfi_reg_at 0, (\sc+SC_EAX)
	cfi_reg_at 1, (\sc+SC_ECX)
	cfi_reg_at 2, (\sc+SC_EDX)
	cfi_reg_at 3, (\sc+SC_EBX)
	cfi_reg_at 5, (\sc+SC_EBP)
	cfi_reg_at 6, (\sc+SC_ESI)
	cfi_reg_at 7, (\sc+SC_EDI)
	cfi_reg_at 8, (\sc+SC_EIP)
.endm
#endif

#endif
