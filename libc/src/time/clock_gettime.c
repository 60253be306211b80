#include <time.h>
#include "syscall.h"
#include "vdso.h"

/* Read clock clk into *ts, in the vDSO when it has __vdso_clock_gettime
 * (which returns 0 or -errno itself), else with the system call. */
int
clock_gettime(clockid_t clk, struct timespec *ts)
{
	int (*f)(clockid_t, struct timespec *) = __vdso_clock_gettime_fn;

	if (f)
		return __syscall_ret(f(clk, ts));
	return __syscall_ret(__syscall2(SYS_clock_gettime, clk, (long)ts));
}
