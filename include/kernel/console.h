/*
 * Console drivers. Each output device (COM1, VGA text, port 0xE9)
 * registers a struct console; printk writes every message to all of them.
 */
#ifndef _KERNEL_CONSOLE_H
#define _KERNEL_CONSOLE_H

#include <kernel/types.h>

struct console {
	const char *name;
	void (*write)(const char *s, size_t n);
	struct console *next;
};

void register_console(struct console *con);
void console_write(const char *s, size_t n);
/* Wait until every console has sent what it was given (the UART drains). */
void console_flush(void);

/* The drivers, in arch/i386/. */
void serial_console_init(void);
void serial_flush(void);
/* A byte received on COM1, or -1 if none is waiting (never blocks). */
int serial_getc(void);
void vga_console_init(void);
void debugcon_init(void);

#endif
