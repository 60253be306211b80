#include <sys/auxv.h>
#include "vdso.h"

void *__vdso_clock_gettime_fn;
void *__vdso_gettimeofday_fn;
void *__vdso_time_fn;

/* Find the vDSO's LINUX_2.6 time functions, if the kernel mapped one. */
void
__init_vdso(void)
{
	unsigned long *a = __auxv_find(AT_SYSINFO_EHDR);
	const void *eh = a ? (const void *)a[1] : NULL;

	if (!eh)
		return;
	__vdso_clock_gettime_fn = __vdso_lookup(eh, "LINUX_2.6", "__vdso_clock_gettime");
	__vdso_gettimeofday_fn = __vdso_lookup(eh, "LINUX_2.6", "__vdso_gettimeofday");
	__vdso_time_fn = __vdso_lookup(eh, "LINUX_2.6", "__vdso_time");
}
