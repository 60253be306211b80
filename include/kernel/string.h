/* The string and memory routines the kernel (and GCC's code generator) needs. */
#ifndef _KERNEL_STRING_H
#define _KERNEL_STRING_H

#include <kernel/types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
size_t strlcpy(char *dst, const char *src, size_t size);

/*
 * Parse an unsigned number in base 10, or base 16 with a 0x prefix.
 * Returns 0 and stores it in *out when all of s is a number that fits
 * in 32 bits, -EINVAL (or -ERANGE on overflow) otherwise.
 */
int kstrtou32(const char *s, u32 *out);

#endif
