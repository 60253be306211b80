/*
 * libc_vdso: the vDSO symbol lookup (program headers -> PT_DYNAMIC ->
 * symbol, string, hash and version tables) on two fake vDSOs, one with
 * DT_HASH and one with DT_GNU_HASH, and on the real one if the kernel
 * maps it (qemu-user does not).
 */
#include <elf.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <time.h>
#include "lib/tap.h"

void *__vdso_lookup(const void *ehdr, const char *version, const char *name);
extern void *__vdso_clock_gettime_fn;
extern const char fake_vdso_sysv[], fake_vdso_gnu[];

/* Call the marker function at p (NULL gives -1). */
static int
call(void *p)
{
	return p ? ((int (*)(void))p)() : -1;
}

/* Every lookup case on one fake image. */
static void
test_image(const char *img, const char *kind)
{
	const Elf32_Ehdr *eh = (const void *)img;

	ok(eh->e_ident[EI_MAG1] == 'E' && eh->e_type == ET_DYN, "%s: an ELF DSO", kind);
	is(call(__vdso_lookup(img, "LINUX_2.5", "__kernel_vsyscall")), 25,
	   "%s: __kernel_vsyscall@LINUX_2.5", kind);
	is(call(__vdso_lookup(img, "LINUX_2.6", "__vdso_clock_gettime")), 26,
	   "%s: __vdso_clock_gettime@LINUX_2.6", kind);
	is(call(__vdso_lookup(img, "LINUX_2.6", "__vdso_gettimeofday")), 27,
	   "%s: __vdso_gettimeofday@LINUX_2.6", kind);
	is(call(__vdso_lookup(img, "LINUX_2.6", "__vdso_time")), 28,
	   "%s: __vdso_time@LINUX_2.6", kind);
	is(call(__vdso_lookup(img, "LINUX_2.5", "__vdso_getcpu")), 251,
	   "%s: __vdso_getcpu@LINUX_2.5", kind);
	ok(!__vdso_lookup(img, "LINUX_2.6", "__vdso_getcpu"),
	   "%s: wrong version is not found", kind);
	ok(!__vdso_lookup(img, "LINUX_2.6", "__kernel_vsyscall"),
	   "%s: older symbol at a newer version is not found", kind);
	ok(!__vdso_lookup(img, "LINUX_2.5", "not_exported"),
	   "%s: local symbol is not found", kind);
	ok(!__vdso_lookup(img, "LINUX_2.6", "__vdso_nothing"),
	   "%s: unknown name is not found", kind);
}

/* The kernel's own vDSO, if it mapped one. */
static void
test_real(void)
{
	const void *eh = (const void *)getauxval(AT_SYSINFO_EHDR);
	struct timespec ts;

	if (!eh) {
		skip(3, "no vDSO (AT_SYSINFO_EHDR absent)");
		return;
	}
	is((uintptr_t)__vdso_lookup(eh, "LINUX_2.5", "__kernel_vsyscall"),
	   getauxval(AT_SYSINFO), "real vDSO: __kernel_vsyscall == AT_SYSINFO");
	ok(__vdso_clock_gettime_fn != NULL, "real vDSO: __vdso_clock_gettime found");
	ok(clock_gettime(CLOCK_MONOTONIC, &ts) == 0, "clock_gettime through it");
}

/* Run the groups; the exit status is the failure count. */
int
main(void)
{
	test_image(fake_vdso_sysv, "DT_HASH image");
	test_image(fake_vdso_gnu, "DT_GNU_HASH image");
	ok(!__vdso_lookup(fake_vdso_gnu + 1, "LINUX_2.6", "__vdso_time"),
	   "not an ELF image: nothing found");
	ok(!__vdso_lookup(NULL, "LINUX_2.6", "__vdso_time"), "NULL image: nothing found");
	test_real();
	return done_testing();
}
