#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include "stdio_impl.h"

/*
 * The printf engine: %d %i %u %o %x %X %p %s %c %% with the flags
 * - 0 + space #, a width and a precision (digits or *), and the length
 * modifiers hh h l ll z j t. 64-bit values are divided with the libgcc
 * helpers (__udivdi3, __umoddi3). Floating-point conversions are not
 * supported: their argument is consumed and the directive printed as is.
 */

#define LEFT	0x01	/* '-': pad on the right */
#define ZERO	0x02	/* '0': pad numbers with zeros */
#define PLUS	0x04	/* '+': sign on positive numbers */
#define SPACE	0x08	/* ' ': space before positive numbers */
#define ALT	0x10	/* '#': 0x prefix, leading octal 0 */

enum length { L_INT, L_CHAR, L_SHORT, L_LONG, L_LLONG, L_SIZE, L_MAX, L_PTRDIFF };

struct out {
	FILE *f;
	int count;
};

/* Send n bytes to the stream and count them. */
static void
out(struct out *o, const char *s, size_t n)
{
	__fwritex(s, n, o->f);
	o->count += n;
}

/* Send n copies of c (nothing if n <= 0). */
static void
pad(struct out *o, char c, int n)
{
	enum { CHUNK = 32 };
	char buf[CHUNK];

	memset(buf, c, CHUNK);
	for (; n > 0; n -= CHUNK)
		out(o, buf, n < CHUNK ? n : CHUNK);
}

/* Fetch a signed argument of the given length, widened. */
static intmax_t
arg_signed(enum length len, va_list *ap)
{
	switch (len) {
	case L_CHAR:	return (signed char)va_arg(*ap, int);
	case L_SHORT:	return (short)va_arg(*ap, int);
	case L_LONG:	return va_arg(*ap, long);
	case L_LLONG:	return va_arg(*ap, long long);
	case L_SIZE:	return va_arg(*ap, ssize_t);
	case L_MAX:	return va_arg(*ap, intmax_t);
	case L_PTRDIFF:	return va_arg(*ap, ptrdiff_t);
	default:	return va_arg(*ap, int);
	}
}

/* Fetch an unsigned argument of the given length, widened. */
static uintmax_t
arg_unsigned(enum length len, va_list *ap)
{
	switch (len) {
	case L_CHAR:	return (unsigned char)va_arg(*ap, unsigned);
	case L_SHORT:	return (unsigned short)va_arg(*ap, unsigned);
	case L_LONG:	return va_arg(*ap, unsigned long);
	case L_LLONG:	return va_arg(*ap, unsigned long long);
	case L_SIZE:	return va_arg(*ap, size_t);
	case L_MAX:	return va_arg(*ap, uintmax_t);
	case L_PTRDIFF:	return (uintptr_t)va_arg(*ap, ptrdiff_t);
	default:	return va_arg(*ap, unsigned);
	}
}

/* Write v's digits in base 8, 10 or 16 so they end just before `end`;
 * returns the first digit. 32-bit values avoid the 64-bit division. */
static char *
digits(char *end, uintmax_t v, unsigned base, int upper)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned long v32;

	for (; v > ULONG_MAX; v /= base)
		*--end = set[v % base];
	for (v32 = v; v32; v32 /= base)
		*--end = set[v32 % base];
	return end;
}

/* Emit a field: padding, prefix (sign, 0x), zeros, then the body. */
static void
field(struct out *o, const char *pre, int plen, const char *body, int blen,
      int zeros, int width, int fl)
{
	int total = plen + zeros + blen;

	if (!(fl & LEFT))
		pad(o, ' ', width - total);
	out(o, pre, plen);
	pad(o, '0', zeros);
	out(o, body, blen);
	if (fl & LEFT)
		pad(o, ' ', width - total);
}

/* Emit an integer conversion: value v (magnitude), sign/prefix pre,
 * precision prec (-1 = none), base, the flags and the width. */
static void
number(struct out *o, uintmax_t v, const char *pre, unsigned base, int upper,
       int prec, int width, int fl)
{
	char buf[24], *end = buf + sizeof buf, *d = digits(end, v, base, upper);
	int plen = strlen(pre), dlen, zeros;

	if (!v && prec != 0)
		*--d = '0';
	if (base == 8 && (fl & ALT) && (d == end || *d != '0') && prec <= end - d)
		*--d = '0';
	dlen = end - d;
	zeros = prec > dlen ? prec - dlen : 0;
	if ((fl & (ZERO | LEFT)) == ZERO && prec < 0 && width > plen + dlen)
		zeros = width - plen - dlen;
	field(o, pre, plen, d, dlen, zeros, width, fl);
}

/* Parse a decimal number at *s (clamped to INT_MAX), advancing *s. */
static int
decimal(const char **s)
{
	int n = 0;

	for (; **s >= '0' && **s <= '9'; (*s)++)
		n = n > (INT_MAX - 9) / 10 ? INT_MAX : n * 10 + (**s - '0');
	return n;
}

/* Format one directive starting just after its '%'; returns the
 * position after it. */
static const char *
directive(struct out *o, const char *p, va_list *ap)
{
	const char *start = p - 1;
	int fl = 0, width = 0, prec = -1;
	enum length len = L_INT;
	const char *pre = "";
	uintmax_t u;
	intmax_t s;
	const char *str;
	char c;

	for (;; p++) {
		if (*p == '-')		fl |= LEFT;
		else if (*p == '0')	fl |= ZERO;
		else if (*p == '+')	fl |= PLUS;
		else if (*p == ' ')	fl |= SPACE;
		else if (*p == '#')	fl |= ALT;
		else			break;
	}
	if (*p == '*') {
		p++;
		width = va_arg(*ap, int);
		if (width < 0) {
			fl |= LEFT;
			width = width == INT_MIN ? INT_MAX : -width;
		}
	} else {
		width = decimal(&p);
	}
	if (*p == '.') {
		p++;
		if (*p == '*') {
			p++;
			prec = va_arg(*ap, int);
			if (prec < 0)
				prec = -1;
		} else {
			prec = decimal(&p);
		}
	}
	switch (*p) {
	case 'h': len = *++p == 'h' ? (p++, L_CHAR) : L_SHORT; break;
	case 'l': len = *++p == 'l' ? (p++, L_LLONG) : L_LONG; break;
	case 'q': p++; len = L_LLONG; break;
	case 'z': p++; len = L_SIZE; break;
	case 'j': p++; len = L_MAX; break;
	case 't': p++; len = L_PTRDIFF; break;
	case 'L': p++; len = L_LLONG; break;
	}

	switch ((c = *p++)) {
	case 'd':
	case 'i':
		s = arg_signed(len, ap);
		u = s < 0 ? -(uintmax_t)s : (uintmax_t)s;
		pre = s < 0 ? "-" : fl & PLUS ? "+" : fl & SPACE ? " " : "";
		number(o, u, pre, 10, 0, prec, width, fl);
		break;
	case 'u':
		number(o, arg_unsigned(len, ap), "", 10, 0, prec, width, fl);
		break;
	case 'o':
		number(o, arg_unsigned(len, ap), "", 8, 0, prec, width, fl);
		break;
	case 'x':
	case 'X':
		u = arg_unsigned(len, ap);
		if ((fl & ALT) && u)
			pre = c == 'x' ? "0x" : "0X";
		number(o, u, pre, 16, c == 'X', prec, width, fl);
		break;
	case 'p':
		u = (uintptr_t)va_arg(*ap, void *);
		if (!u) {	/* glibc prints NULL as (nil) */
			field(o, "", 0, "(nil)", 5, 0, width, fl);
			break;
		}
		number(o, u, "0x", 16, 0, prec, width, fl);
		break;
	case 'c':
		c = va_arg(*ap, int);
		field(o, "", 0, &c, 1, 0, width, fl);
		break;
	case 's':
		str = va_arg(*ap, const char *);
		if (!str)	/* glibc: "(null)", unless the precision cuts it */
			str = prec < 0 || prec >= 6 ? "(null)" : "";
		field(o, "", 0, str, prec < 0 ? strlen(str) : strnlen(str, prec),
		      0, width, fl);
		break;
	case '%':
		out(o, "%", 1);
		break;
	case 'f': case 'F': case 'e': case 'E':
	case 'g': case 'G': case 'a': case 'A':
		if (len == L_LLONG)
			(void)va_arg(*ap, long double);
		else
			(void)va_arg(*ap, double);
		out(o, start, p - start);
		break;
	case '\0':	/* a lone '%' at the end: print it */
		p--;
		out(o, start, p - start);
		break;
	default:	/* unknown: print the directive as is */
		out(o, start, p - start);
		break;
	}
	return p;
}

/*
 * Format to f, whose lock the caller holds; returns the number of bytes
 * produced, or -1 if a write failed. An unbuffered stream gets a
 * temporary buffer, so one printf is one write() (a whole line on
 * stderr stays together).
 */
static int
format(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct out o = { f, 0 };
	unsigned char tmp[256], *saved_buf = f->buf;
	size_t saved_size = f->size;
	int olderr = f->flags & F_ERR, unbuffered = f->mode == _IONBF;
	va_list ap2;
	const char *p;

	if (unbuffered) {
		f->mode = _IOFBF;
		f->buf = tmp;
		f->size = sizeof tmp;
		f->len = 0;
	}
	f->flags &= ~F_ERR;
	va_copy(ap2, ap);
	for (p = fmt; *p;) {
		const char *lit = p;

		while (*p && *p != '%')
			p++;
		if (p > lit)
			out(&o, lit, p - lit);
		if (*p == '%')
			p = directive(&o, p + 1, &ap2);
	}
	va_end(ap2);
	if (unbuffered) {
		__fflush_one(f);
		f->mode = _IONBF;
		f->buf = saved_buf;
		f->size = saved_size;
	}
	if (f->flags & F_ERR)
		o.count = -1;
	f->flags |= olderr;
	return o.count;
}

/* Format to f under its lock: one call, one uninterrupted piece of output. */
int
vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	int r;

	__lock(&f->lock);
	r = format(f, fmt, ap);
	__unlock(&f->lock);
	return r;
}
