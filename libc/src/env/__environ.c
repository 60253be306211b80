#include <unistd.h>
#include "libc.h"

/* The environment, set from envp by __libc_start_main. */
char **__environ;
weak_alias(__environ, environ);
