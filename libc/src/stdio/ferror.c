#include "stdio_impl.h"

/* Non-zero if a write on f has failed. */
int
ferror(FILE *f)
{
	return f->flags & F_ERR;
}
