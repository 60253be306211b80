#include "stdio_impl.h"

/* Write f's pending output (every stream's if f is NULL); 0 or EOF. */
int
fflush(FILE *f)
{
	if (!f)
		return __fflush_one(stdout) | __fflush_one(stderr);
	return __fflush_one(f);
}
