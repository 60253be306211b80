/*
 * VGA text console: 80x25 cells at physical 0xB8000, light grey on black,
 * scrolling when the last line fills. The hardware cursor follows.
 */
#include <asm/boot.h>
#include <asm/io.h>
#include <kernel/console.h>
#include <kernel/string.h>

#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_ATTR	0x0700		/* grey on black, in the high byte */
#define VGA_CRTC_INDEX	0x3D4
#define VGA_CRTC_DATA	0x3D5

static u16 *const vga_mem = (u16 *)(PAGE_OFFSET + 0xB8000);
static unsigned row, col;

static void vga_scroll(void)
{
	memmove(vga_mem, vga_mem + VGA_COLS,
		(VGA_ROWS - 1) * VGA_COLS * sizeof(u16));
	for (unsigned i = 0; i < VGA_COLS; i++)
		vga_mem[(VGA_ROWS - 1) * VGA_COLS + i] = VGA_ATTR | ' ';
	row = VGA_ROWS - 1;
}

static void vga_move_cursor(void)
{
	unsigned pos = row * VGA_COLS + col;

	outb(VGA_CRTC_INDEX, 0x0F);
	outb(VGA_CRTC_DATA, pos & 0xff);
	outb(VGA_CRTC_INDEX, 0x0E);
	outb(VGA_CRTC_DATA, pos >> 8);
}

static void vga_putc(char c)
{
	switch (c) {
	case '\n':
		col = 0;
		row++;
		break;
	case '\r':
		col = 0;
		break;
	case '\t':
		col = (col + 8) & ~7u;
		break;
	case '\b':
		if (col)
			col--;
		break;
	default:
		vga_mem[row * VGA_COLS + col] = VGA_ATTR | (u8)c;
		col++;
	}
	if (col >= VGA_COLS) {
		col = 0;
		row++;
	}
	if (row >= VGA_ROWS)
		vga_scroll();
}

static void vga_write(const char *s, size_t n)
{
	while (n--)
		vga_putc(*s++);
	vga_move_cursor();
}

static struct console vga_console = {
	.name = "vga",
	.write = vga_write,
};

void vga_console_init(void)
{
	for (unsigned i = 0; i < VGA_COLS * VGA_ROWS; i++)
		vga_mem[i] = VGA_ATTR | ' ';
	row = col = 0;
	register_console(&vga_console);
}
