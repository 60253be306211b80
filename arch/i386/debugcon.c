/*
 * Port 0xE9 console: QEMU (-debugcon) and Bochs (port_e9_hack) print
 * every byte written there. Reading the port returns 0xE9 when such a
 * device exists, so the console registers only then.
 */
#include <asm/io.h>
#include <kernel/console.h>

#define DEBUGCON_PORT 0xE9

static void debugcon_write(const char *s, size_t n)
{
	for (; n; n--)
		outb(DEBUGCON_PORT, *s++);
}

static struct console debugcon = {
	.name = "e9",
	.write = debugcon_write,
};

void debugcon_init(void)
{
	if (inb(DEBUGCON_PORT) == DEBUGCON_PORT)
		register_console(&debugcon);
}
