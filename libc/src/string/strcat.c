#include <string.h>

/* Append src to the string in dst; returns dst. */
char *
strcat(char *restrict dst, const char *restrict src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}
