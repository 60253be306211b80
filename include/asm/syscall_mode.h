/*
 * The system-call mechanism chosen at boot with syscall=int80|sysenter|auto.
 * This issue only records the request; the entry code that honours it
 * (arch/i386/entry.S, the sysenter MSRs) comes with the syscall issue.
 */
#ifndef _ASM_SYSCALL_MODE_H
#define _ASM_SYSCALL_MODE_H

enum syscall_mode {
	SYSCALL_MODE_AUTO,	/* sysenter if the CPU has a working SEP */
	SYSCALL_MODE_INT80,	/* int $0x80 only; MSRs never programmed */
	SYSCALL_MODE_SYSENTER,	/* sysenter; falls back to int80 without SEP */
};

extern enum syscall_mode syscall_mode;
const char *syscall_mode_name(void);

#endif
