/*
 * vsnprintf: the subset of printf the kernel uses. Conversions d i u x X
 * p s c %, flags '-' and '0', a field width, a precision for strings
 * ("%.*s" too), and the length modifiers l and ll. 64-bit numbers are
 * divided by hand, since the kernel does not link libgcc.
 */
#include <kernel/printk.h>
#include <kernel/string.h>

struct out {
	char *buf;
	size_t size;
	size_t len;	/* characters wanted so far, even past size */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/* Divide *n by base in place and return the remainder. */
static unsigned div_u64(u64 *n, unsigned base)
{
	u32 hi = *n >> 32, lo = (u32)*n, rem;

	/* Long division in two 32-bit steps: divl takes edx:eax / base. */
	rem = hi % base;
	hi /= base;
	__asm__("divl %2" : "+a"(lo), "+d"(rem) : "rm"(base));
	*n = ((u64)hi << 32) | lo;
	return rem;
}

static void put_number(struct out *o, u64 v, unsigned base, bool upper,
		       bool negative, int width, bool left, char padc)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, ndigits;

	do
		tmp[n++] = digits[div_u64(&v, base)];
	while (v);
	ndigits = n;
	if (negative)
		width--;
	if (!left && padc == ' ')
		pad(o, ' ', width - n);
	if (negative)
		put(o, '-');
	if (!left && padc == '0')
		pad(o, '0', width - n);
	while (n)
		put(o, tmp[--n]);
	if (left)
		pad(o, ' ', width - ndigits);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		bool left = false, upper = false;
		char padc = ' ';
		int width = 0, prec = -1, lng = 0;
		size_t start;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt++;
		for (;; fmt++) {
			if (*fmt == '-')
				left = true;
			else if (*fmt == '0')
				padc = '0';
			else
				break;
		}
		if (*fmt == '*') {
			width = va_arg(ap, int);
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + *fmt++ - '0';
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			}
			while (*fmt >= '0' && *fmt <= '9')
				prec = prec * 10 + *fmt++ - '0';
		}
		while (*fmt == 'l') {
			lng++;
			fmt++;
		}
		if (*fmt == 'z')
			fmt++;

		start = o.len;
		switch (*fmt) {
		case 'd':
		case 'i': {
			s64 v = lng > 1 ? va_arg(ap, s64) : va_arg(ap, int);

			put_number(&o, v < 0 ? -(u64)v : (u64)v, 10, false,
				   v < 0, width, left, padc);
			break;
		}
		case 'u':
		case 'x':
		case 'X': {
			u64 v = lng > 1 ? va_arg(ap, u64) : va_arg(ap, unsigned);

			upper = *fmt == 'X';
			put_number(&o, v, *fmt == 'u' ? 10 : 16, upper, false,
				   width, left, padc);
			break;
		}
		case 'p':
			put(&o, '0');
			put(&o, 'x');
			put_number(&o, (uintptr_t)va_arg(ap, void *), 16, false,
				   false, 8, false, '0');
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			int n;

			if (!s)
				s = "(null)";
			n = prec >= 0 ? (int)strnlen(s, prec) : (int)strlen(s);
			if (!left)
				pad(&o, ' ', width - n);
			while (n--)
				put(&o, *s++);
			if (left)
				pad(&o, ' ', width - (int)(o.len - start));
			break;
		}
		case 'c':
			put(&o, (char)va_arg(ap, int));
			break;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--;
			break;
		default:
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
		if (left && *fmt == 'c')
			pad(&o, ' ', width - (int)(o.len - start));
	}
	if (o.size)
		o.buf[o.len < o.size ? o.len : o.size - 1] = '\0';
	return o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
