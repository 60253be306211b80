/*
 * COM1 console: a 16550 UART at 0x3F8, 115200 baud, 8N1, polled.
 * Output only; "\n" goes out as "\r\n" so terminals and logs agree.
 */
#include <asm/io.h>
#include <kernel/console.h>

#define COM1		0x3F8
#define UART_DATA	0	/* DLAB=0: transmit/receive buffer */
#define UART_DLL	0	/* DLAB=1: divisor low byte */
#define UART_IER	1	/* DLAB=0: interrupt enable */
#define UART_DLM	1	/* DLAB=1: divisor high byte */
#define UART_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define  LSR_DR		0x01	/* a received byte is waiting */
#define  LSR_THRE	0x20	/* transmit holding register empty */
#define  LSR_TEMT	0x40	/* transmitter completely idle */

#define UART_CLOCK	115200	/* divisor 1 = 115200 baud */

static void serial_putc(char c)
{
	/* Bounded wait: a missing UART must not hang the kernel. */
	for (int i = 0; i < 100000 && !(inb(COM1 + UART_LSR) & LSR_THRE); i++)
		;
	outb(COM1 + UART_DATA, c);
}

static void serial_write(const char *s, size_t n)
{
	for (; n; n--, s++) {
		if (*s == '\n')
			serial_putc('\r');
		serial_putc(*s);
	}
}

int serial_getc(void)
{
	if (!(inb(COM1 + UART_LSR) & LSR_DR))
		return -1;
	return inb(COM1 + UART_DATA);
}

void serial_flush(void)
{
	for (int i = 0; i < 1000000 && !(inb(COM1 + UART_LSR) & LSR_TEMT); i++)
		;
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_write,
};

void serial_console_init(void)
{
	unsigned divisor = UART_CLOCK / 115200;

	outb(COM1 + UART_IER, 0x00);		/* no interrupts: polled */
	outb(COM1 + UART_LCR, 0x80);		/* DLAB on */
	outb(COM1 + UART_DLL, divisor & 0xff);
	outb(COM1 + UART_DLM, divisor >> 8);
	outb(COM1 + UART_LCR, 0x03);		/* 8 bits, no parity, 1 stop */
	outb(COM1 + UART_FCR, 0xC7);		/* FIFOs on and cleared */
	outb(COM1 + UART_MCR, 0x03);		/* DTR, RTS */
	register_console(&serial_console);
}
