#include "stdio_impl.h"

/* fd 2, unbuffered: every write goes out at once. */
static FILE f = {
	.fd = 2,
	.mode = _IONBF,
};
FILE *const stderr = &f;
