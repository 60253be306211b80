/*
 * Leaving the machine: power off, or end a test run with a status.
 *
 * Under QEMU with `-device isa-debug-exit,iobase=0xf4,iosize=0x04`, a
 * write of v to port 0xf4 ends QEMU with exit status (v << 1) | 1, so
 * TEST_EXIT_PASS gives 33 and TEST_EXIT_FAIL 35. The host test library
 * (tests/lib/Boot.pm) reads these two values from this file.
 */
#ifndef _ASM_POWER_H
#define _ASM_POWER_H

#define ISA_DEBUG_EXIT_PORT	0xf4
#define TEST_EXIT_PASS		0x10
#define TEST_EXIT_FAIL		0x11

#ifndef __ASSEMBLER__
#include <kernel/compiler.h>

/*
 * Stop the emulator with `code` through isa-debug-exit; without that
 * device, power off (Bochs shutdown port, ACPI on QEMU); failing all,
 * halt with interrupts off.
 */
__noreturn void machine_exit(int code);
__noreturn void machine_power_off(void);
__noreturn void machine_halt(void);
/* Reset through the keyboard controller; a triple fault if that fails. */
__noreturn void machine_restart(void);
#endif

#endif
