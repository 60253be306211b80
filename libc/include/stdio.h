/*
 * stdio.h: buffered output streams. stdout is line buffered on a terminal
 * and fully buffered otherwise; stderr is unbuffered; exit() flushes all.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <features.h>
#include <stdarg.h>
#include <stddef.h>

#define EOF	(-1)
#define BUFSIZ	4096

#define _IOFBF	0
#define _IOLBF	1
#define _IONBF	2

typedef struct __file FILE;

extern FILE *const stdout;
extern FILE *const stderr;
#define stdout	(stdout)
#define stderr	(stderr)

int printf(const char *restrict fmt, ...) __printflike(1, 2);
int fprintf(FILE *restrict f, const char *restrict fmt, ...) __printflike(2, 3);
int sprintf(char *restrict buf, const char *restrict fmt, ...) __printflike(2, 3);
int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
	__printflike(3, 4);
int vprintf(const char *restrict fmt, va_list ap) __printflike(1, 0);
int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
	__printflike(2, 0);
int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
	__printflike(2, 0);
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
	      va_list ap) __printflike(3, 0);

int puts(const char *s);
int putchar(int c);
int fputs(const char *restrict s, FILE *restrict f);
int fputc(int c, FILE *f);
#define putc(c, f)	fputc(c, f)
size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f);
int fflush(FILE *f);
int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size);
int ferror(FILE *f);
void perror(const char *s);

#endif
