#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>
#include "syscall.h"

#define PAGE	4096

/*
 * Map len bytes; i386 Linux's mmap2 takes the offset in 4096-byte
 * units, so an offset that is not a multiple of 4096 is EINVAL here (as
 * glibc's). Returns the address, or MAP_FAILED and errno.
 */
void *
mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if (off & (PAGE - 1)) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	if (len >= PTRDIFF_MAX) {
		errno = ENOMEM;
		return MAP_FAILED;
	}
	return (void *)__syscall_ret(__syscall6(SYS_mmap2, (long)addr, len, prot,
						flags, fd, (unsigned long)off / PAGE));
}
