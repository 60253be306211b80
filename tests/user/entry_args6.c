/*
 * entry_args6: all six argument registers reach the kernel, on every
 * path. sync_file_range (314) is the probe: on i386 it takes six
 * registers -- fd (ebx), offset low/high (ecx, edx), nbytes low/high
 * (esi, edi), flags (ebp) -- and each one has an error of its own.
 *
 * Linux 6.1 (fs/sync.c, ksys_sync_file_range and sync_file_range; the
 * fd has been looked up first since 5.2) checks, in this order:
 *   no such fd					-EBADF
 *   flags outside WAIT_BEFORE|WRITE|WAIT_AFTER	-EINVAL
 *   offset < 0, offset + nbytes < 0 or wrapped	-EINVAL
 *   offset >= 2^44 (beyond a 32-bit page cache)	0, "success"
 *   not a regular file, block device, directory
 *   or symlink					-ESPIPE
 * Descriptor 1 is the console (a character device): -ESPIPE when
 * everything else is right. If it is a regular file or a block device
 * instead, the call really succeeds: 0.
 */
#include <errno.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "lib/entry.h"
#include "lib/tap.h"

#define VALID	1	/* stands for the result of a call that gets through */

static const struct {
	const char *what;
	long fd, off_lo, off_hi, n_lo, n_hi, flags;
	long want;
} cases[] = {
	{ "all arguments valid", 1, 0, 0, 0, 0, 0, VALID },
	{ "every valid flag (arg 6 = 7)", 1, 0, 0, 0, 0, 7, VALID },
	{ "a range inside the file", 1, 0x1000, 0, 0x2000, 0, 2, VALID },
	{ "bad flag bit 3 (arg 6)", 1, 0, 0, 0, 0, 8, -EINVAL },
	{ "bad flag bit 31 (arg 6)", 1, 0, 0, 0, 0, 0x80000000, -EINVAL },
	{ "negative offset (arg 3)", 1, 0, 0x80000000, 0, 0, 0, -EINVAL },
	{ "offset 2^44 (arg 3): 0 on a 32-bit kernel", 1, 0, 0x1000, 0, 0, 0, 0 },
	{ "negative end (arg 5)", 1, 0, 0, 0, 0x80000000, 0, -EINVAL },
	{ "offset + nbytes wraps (args 2, 3, 4)", 1, -1, 0x7fffffff, 1, 0, 0, -EINVAL },
	{ "fd -1 (arg 1)", -1, 0, 0, 0, 0, 0, -EBADF },
	{ "fd 99 (arg 1)", 99, 0, 0, 0, 0, 0, -EBADF },
	{ "fd -1 and a bad flag: the fd is looked at first", -1, 0, 0, 0, 0, 8, -EBADF },
};

int
main(void)
{
	struct stat64 st;
	long valid;
	size_t i;
	int p;

	if (!ok(entry_syscall2(ENTRY_INT80, SYS_fstat64, 1, &st) == 0, "fstat64(1)"))
		return done_testing();
	valid = S_ISREG(st.st_mode) || S_ISBLK(st.st_mode) ? 0 : -ESPIPE;
	diag("fd 1 has mode %#o: a valid call gives %ld", (unsigned)st.st_mode, valid);

	for (p = 0; p < ENTRY_NPATHS; p++) {
		if (p != ENTRY_INT80 && !entry_sysinfo()) {
			skip(sizeof cases / sizeof cases[0], "no AT_SYSINFO");
			continue;
		}
		for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			long r = entry_syscall(p, SYS_sync_file_range, cases[i].fd,
					       cases[i].off_lo, cases[i].off_hi,
					       cases[i].n_lo, cases[i].n_hi,
					       cases[i].flags);

			is(r, cases[i].want == VALID ? valid : cases[i].want,
			   "%s: %s", entry_path_name(p), cases[i].what);
		}
	}
	return done_testing();
}
