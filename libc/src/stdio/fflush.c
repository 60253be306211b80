#include "stdio_impl.h"

/* Write f's pending output (every stream's if f is NULL); 0 or EOF. */
int
fflush(FILE *f)
{
	int r;

	if (!f)
		return fflush(stdout) | fflush(stderr);
	__lock(&f->lock);
	r = __fflush_one(f);
	__unlock(&f->lock);
	return r;
}
