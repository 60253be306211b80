#include <unistd.h>

/* execve with the current environment. */
int
execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}
