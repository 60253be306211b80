/* Leaving the machine: emulator exit ports, power off, halt. */
#include <asm/io.h>
#include <asm/desc.h>
#include <asm/power.h>
#include <kernel/console.h>

/* Bochs powers off when "Shutdown" is written to this port. */
#define BOCHS_SHUTDOWN_PORT	0x8900
/* QEMU's PIIX4 ACPI PM1a control: SLP_EN with sleep type 0 = S5, off. */
#define QEMU_ACPI_PM1A_CNT	0x604
#define ACPI_SLP_EN		0x2000
#define KBD_CONTROLLER_CMD	0x64
#define KBD_CMD_RESET		0xFE

__noreturn void machine_halt(void)
{
	for (;;)
		__asm__ __volatile__("cli; hlt");
}

__noreturn void machine_power_off(void)
{
	console_flush();
	for (const char *s = "Shutdown"; *s; s++)
		outb(BOCHS_SHUTDOWN_PORT, *s);
	outw(QEMU_ACPI_PM1A_CNT, ACPI_SLP_EN);
	machine_halt();
}

__noreturn void machine_restart(void)
{
	static const struct desc_ptr no_idt = { 0, 0 };

	console_flush();
	/* The 8042's "pulse reset line" command. */
	outb(KBD_CONTROLLER_CMD, KBD_CMD_RESET);
	/* Still here: an empty IDT turns the next interrupt into a reset. */
	__asm__ __volatile__("lidt %0; int3" : : "m"(no_idt));
	machine_halt();
}

__noreturn void machine_exit(int code)
{
	console_flush();
	outl(ISA_DEBUG_EXIT_PORT, code);
	machine_power_off();
}
