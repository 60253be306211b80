/*
 * sys_uname: uname (122) fills struct new_utsname -- six fields of 65
 * bytes, 390 in all, each NUL-terminated -- and nothing past it.
 * sysname is "Linux" (C libraries and programs test it). machine is
 * what a 32-bit Linux kernel reports: "i" + the CPU family, capped at
 * 6, + "86" (arch/x86/kernel/cpu/bugs.c), so "i686" on anything from
 * the Pentium Pro on; the family comes from CPUID here.
 */
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include "lib/entry.h"
#include "lib/tap.h"

#define FIELD	65
#define NFIELDS	6

/* The CPU family as Linux computes it (x86_family()). */
static unsigned
cpu_family(void)
{
	unsigned eax = 1, ebx, ecx, edx, family;

	__asm__ volatile("cpuid" : "+a"(eax), "=b"(ebx), "=c"(ecx), "=d"(edx));
	family = (eax >> 8) & 0xf;
	if (family == 0xf)
		family += (eax >> 20) & 0xff;
	return family;
}

int
main(void)
{
	static const char *const names[NFIELDS] = {
		"sysname", "nodename", "release", "version", "machine", "domainname",
	};
	unsigned char buf[NFIELDS * FIELD + 16];
	const char *f = (const char *)buf;
	char machine[8];
	int i, tail = 1;

	_Static_assert(sizeof(struct utsname) == NFIELDS * FIELD, "390 bytes");
	memset(buf, 0xff, sizeof buf);
	if (!is(entry_syscall1(ENTRY_GS, SYS_uname, buf), 0, "uname"))
		return done_testing();
	for (i = 0; i < NFIELDS; i++)
		ok(memchr(f + i * FIELD, 0, FIELD) != NULL, "%s is NUL-terminated: \"%.65s\"",
		   names[i], f + i * FIELD);
	for (i = NFIELDS * FIELD; i < (int)sizeof buf; i++)
		tail &= buf[i] == 0xff;
	ok(tail, "nothing written past 390 bytes");
	is_str(f, "Linux", "sysname");
	snprintf(machine, sizeof machine, "i%u86",
		 cpu_family() > 6 ? 6 : cpu_family());
	is_str(f + 4 * FIELD, machine, "machine (CPU family %u)", cpu_family());
	ok(f[2 * FIELD] >= '0' && f[2 * FIELD] <= '9' && strchr(f + 2 * FIELD, '.'),
	   "release looks like a version: \"%s\"", f + 2 * FIELD);
	return done_testing();
}
