#include <errno.h>
#include <string.h>

/* Linux's (glibc's) messages for the common errors. */
static const char *const msgs[] = {
	[0]		= "Success",
	[EPERM]		= "Operation not permitted",
	[ENOENT]	= "No such file or directory",
	[ESRCH]		= "No such process",
	[EINTR]		= "Interrupted system call",
	[EIO]		= "Input/output error",
	[ENXIO]		= "No such device or address",
	[E2BIG]		= "Argument list too long",
	[ENOEXEC]	= "Exec format error",
	[EBADF]		= "Bad file descriptor",
	[ECHILD]	= "No child processes",
	[EAGAIN]	= "Resource temporarily unavailable",
	[ENOMEM]	= "Cannot allocate memory",
	[EACCES]	= "Permission denied",
	[EFAULT]	= "Bad address",
	[ENOTBLK]	= "Block device required",
	[EBUSY]		= "Device or resource busy",
	[EEXIST]	= "File exists",
	[EXDEV]		= "Invalid cross-device link",
	[ENODEV]	= "No such device",
	[ENOTDIR]	= "Not a directory",
	[EISDIR]	= "Is a directory",
	[EINVAL]	= "Invalid argument",
	[ENFILE]	= "Too many open files in system",
	[EMFILE]	= "Too many open files",
	[ENOTTY]	= "Inappropriate ioctl for device",
	[ETXTBSY]	= "Text file busy",
	[EFBIG]		= "File too large",
	[ENOSPC]	= "No space left on device",
	[ESPIPE]	= "Illegal seek",
	[EROFS]		= "Read-only file system",
	[EMLINK]	= "Too many links",
	[EPIPE]		= "Broken pipe",
	[EDOM]		= "Numerical argument out of domain",
	[ERANGE]	= "Numerical result out of range",
	[EDEADLK]	= "Resource deadlock avoided",
	[ENAMETOOLONG]	= "File name too long",
	[ENOLCK]	= "No locks available",
	[ENOSYS]	= "Function not implemented",
	[ENOTEMPTY]	= "Directory not empty",
	[ELOOP]		= "Too many levels of symbolic links",
	[EOVERFLOW]	= "Value too large for defined data type",
	[EOPNOTSUPP]	= "Operation not supported",
	[ETIMEDOUT]	= "Connection timed out",
};

/* The message for errnum; "Unknown error N" (in a static buffer) if none. */
char *
strerror(int errnum)
{
	static char unknown[32] = "Unknown error ";
	char digits[12], *d = digits + sizeof digits, *p = unknown + 14;
	unsigned u = errnum < 0 ? -(unsigned)errnum : (unsigned)errnum;

	if (errnum >= 0 && (size_t)errnum < sizeof msgs / sizeof msgs[0] && msgs[errnum])
		return (char *)msgs[errnum];
	*--d = 0;
	do
		*--d = '0' + u % 10;
	while (u /= 10);
	if (errnum < 0)
		*p++ = '-';
	strcpy(p, d);
	return unknown;
}
