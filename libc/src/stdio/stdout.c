#include "stdio_impl.h"

static unsigned char buf[BUFSIZ];

/* fd 1; buffering decided at the first write: line if a tty, else full. */
FILE __stdout_FILE = {
	.fd = 1,
	.mode = -1,
	.buf = buf,
	.size = sizeof buf,
};
FILE *const stdout = &__stdout_FILE;

/* At exit: write what stdout still holds (stderr is unbuffered). */
void
__stdio_exit(void)
{
	__lock(&__stdout_FILE.lock);
	__fflush_one(&__stdout_FILE);
	__unlock(&__stdout_FILE.lock);
}
