/*
 * The system-call mechanism chosen at boot with syscall=int80|sysenter|auto.
 * The entry code is arch/i386/entry.S (system_call, sysenter_entry).
 */
#ifndef _ASM_SYSCALL_MODE_H
#define _ASM_SYSCALL_MODE_H

#include <kernel/types.h>

enum syscall_mode {
	SYSCALL_MODE_AUTO,	/* sysenter if the CPU has a working SEP */
	SYSCALL_MODE_INT80,	/* int $0x80 only; MSRs never programmed */
	SYSCALL_MODE_SYSENTER,	/* sysenter; falls back to int80 without SEP */
};

extern enum syscall_mode syscall_mode;
const char *syscall_mode_name(void);

/* After syscall_init: did this boot program the SYSENTER MSRs? */
extern bool sysenter_in_use;
/* Install the int $0x80 gate; set up sysenter if chosen; pick the vDSO. */
void syscall_init(void);

#endif
