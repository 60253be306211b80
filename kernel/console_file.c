/*
 * The console as a file: what descriptors 0, 1 and 2 of every process
 * refer to. Output goes to every console (COM1, VGA, port 0xE9); input
 * comes from COM1, a line at a time with echo, like a terminal in
 * canonical mode (no line editing beyond backspace). It answers TCGETS
 * and fstat64 like a tty, so a C library can tell it is one.
 */
#include <asm/ioctls.h>
#include <asm/stat.h>
#include <asm/termbits.h>
#include <linux/fcntl.h>
#include <linux/stat.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/file.h>
#include <kernel/sched.h>
#include <kernel/string.h>

/* Linux's /dev/console: character device 5:1 (new_encode_dev form). */
#define CONSOLE_RDEV	((5 << 8) | 1)

static ssize_t console_read(struct file *f, char __user *buf, size_t count)
{
	size_t n = 0;

	while (n < count) {
		int c = serial_getc();
		char ch;

		if (c < 0) {
			if (signal_pending(current))
				return n ? (ssize_t)n : -ERESTARTSYS;
			/* Nothing yet: let others run, or wait for a tick. */
			schedule();
			__asm__ __volatile__("hlt");
			continue;
		}
		ch = c == '\r' ? '\n' : c;
		if ((ch == '\b' || ch == 0x7f)) {
			if (n) {
				n--;
				console_write("\b \b", 3);
			}
			continue;
		}
		console_write(&ch, 1);
		if (copy_to_user(buf + n, &ch, 1))
			return n ? (ssize_t)n : -EFAULT;
		n++;
		if (ch == '\n')
			break;
	}
	return n;
}

static ssize_t console_write_user(struct file *f, const char __user *buf,
				  size_t count)
{
	char chunk[256];
	size_t done = 0;

	while (done < count) {
		size_t n = count - done < sizeof(chunk) ? count - done :
			   sizeof(chunk);
		size_t left = copy_from_user(chunk, buf + done, n);

		console_write(chunk, n - left);
		done += n - left;
		if (left)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

/* A terminal in canonical mode with echo, 115200 8N1, as Linux's default. */
static void console_termios(struct termios *t)
{
	memset(t, 0, sizeof(*t));
	t->c_iflag = ICRNL | IXON;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL;
	t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE |
		     IEXTEN;
	/* Linux's INIT_C_CC: ^C ^\\ DEL ^U ^D, VTIME 0, VMIN 1, ^Q ^S ^Z ... */
	t->c_cc[VINTR] = 003;
	t->c_cc[VQUIT] = 034;
	t->c_cc[VERASE] = 0177;
	t->c_cc[VKILL] = 025;
	t->c_cc[VEOF] = 004;
	t->c_cc[VTIME] = 0;
	t->c_cc[VMIN] = 1;
	t->c_cc[VSTART] = 021;
	t->c_cc[VSTOP] = 023;
	t->c_cc[VSUSP] = 032;
	t->c_cc[VREPRINT] = 022;
	t->c_cc[VDISCARD] = 017;
	t->c_cc[VWERASE] = 027;
	t->c_cc[VLNEXT] = 026;
}

static long console_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct termios t;

	switch (cmd) {
	case TCGETS:
		console_termios(&t);
		if (copy_to_user((void __user *)arg, &t, sizeof(t)))
			return -EFAULT;
		return 0;
	default:
		return -ENOTTY;
	}
}

static void console_stat(struct file *f, struct stat64 *st)
{
	st->st_mode = S_IFCHR | 0620;
	st->st_nlink = 1;
	st->st_rdev = CONSOLE_RDEV;
	st->st_blksize = 1024;
	st->st_ino = st->__st_ino = 1;
}

static const struct file_operations console_fops = {
	.read = console_read,
	.write = console_write_user,
	.ioctl = console_ioctl,
	.stat = console_stat,
};

struct file console_file = {
	.f_op = &console_fops,
	.f_count = 1,	/* the kernel's own reference: never released */
	.f_flags = O_RDWR,
};
