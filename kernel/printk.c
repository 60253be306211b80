/*
 * printk and the console list. Every message is formatted into one
 * buffer and handed whole to each registered console, so lines from the
 * serial port, VGA and port 0xE9 read the same.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/param.h>
#include <kernel/printk.h>
#include <kernel/string.h>

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

static struct console *consoles;

void register_console(struct console *con)
{
	struct console **p = &consoles;

	/* Append, so that consoles print in registration order. */
	while (*p)
		p = &(*p)->next;
	con->next = NULL;
	*p = con;
}

void console_write(const char *s, size_t n)
{
	for (struct console *c = consoles; c; c = c->next)
		c->write(s, n);
}

void console_flush(void)
{
	serial_flush();
}

int vprintk(const char *fmt, va_list ap)
{
	char buf[512];
	int level = LOGLEVEL_DEFAULT, n;

	if (fmt[0] == KERN_SOH[0] && fmt[1] >= '0' && fmt[1] <= '7') {
		level = fmt[1] - '0';
		fmt += 2;
	}
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	if (level < console_loglevel)
		console_write(buf, n);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void console_printf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	console_write(buf, n);
}

/* loglevel=N (0..8): show messages of level < N, as Linux does. */
static int set_loglevel(const char *val)
{
	u32 v;

	if (!val || kstrtou32(val, &v) || v > 8)
		return -EINVAL;
	console_loglevel = v;
	return 0;
}
early_param("loglevel", set_loglevel, "7",
	    "show messages with a level below this (0-8)");
