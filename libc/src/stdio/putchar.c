#include <stdio.h>

/* fputc(c, stdout). */
int
putchar(int c)
{
	return fputc(c, stdout);
}
