#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * execv, looking `file` up in $PATH (default "/bin:/usr/bin") unless it
 * contains a '/'. An empty PATH element is the current directory. Tries
 * each directory in turn while the error says "not there" (ENOENT,
 * ENOTDIR) or "not allowed" (EACCES, reported at the end if seen);
 * stops at any other error. Returns -1 with errno.
 */
int
execvp(const char *file, char *const argv[])
{
	const char *path = getenv("PATH"), *p, *end;
	size_t flen = strlen(file), dlen;
	char buf[PATH_MAX];
	int eacces = 0;

	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return execv(file, argv);
	if (!path)
		path = "/bin:/usr/bin";
	if (flen >= NAME_MAX + 1) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (p = path;; p = end + 1) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		dlen = end - p;
		if (dlen + 1 + flen + 1 <= sizeof buf) {
			memcpy(buf, p, dlen);
			if (dlen)
				buf[dlen++] = '/';
			memcpy(buf + dlen, file, flen + 1);
			execv(buf, argv);
			if (errno == EACCES)
				eacces = 1;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		if (!*end)
			break;
	}
	errno = eacces ? EACCES : ENOENT;
	return -1;
}
