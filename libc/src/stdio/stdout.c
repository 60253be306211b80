#include "stdio_impl.h"

static unsigned char buf[BUFSIZ];

/* fd 1; buffering decided at the first write: line if a tty, else full. */
static FILE f = {
	.fd = 1,
	.mode = -1,
	.buf = buf,
	.size = sizeof buf,
};
FILE *const stdout = &f;

/* At exit: write what stdout still holds (stderr is unbuffered). */
void
__stdio_exit(void)
{
	__fflush_one(&f);
}
