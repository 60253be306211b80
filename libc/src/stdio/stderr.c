#include "stdio_impl.h"

/* fd 2, unbuffered: every write goes out at once. */
FILE __stderr_FILE = {
	.fd = 2,
	.mode = _IONBF,
};
FILE *const stderr = &__stderr_FILE;
