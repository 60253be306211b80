#include <sys/time.h>
#include "syscall.h"
#include "vdso.h"

/* Wall-clock time in *tv (and the obsolete *tz), vDSO first. */
int
gettimeofday(struct timeval *restrict tv, struct timezone *restrict tz)
{
	int (*f)(struct timeval *, struct timezone *) = __vdso_gettimeofday_fn;

	if (f)
		return __syscall_ret(f(tv, tz));
	return __syscall_ret(__syscall2(SYS_gettimeofday, (long)tv, (long)tz));
}
