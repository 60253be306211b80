#include <time.h>
#include "syscall.h"
#include "vdso.h"

/* Seconds since the Epoch, also stored in *t if t is not NULL. */
time_t
time(time_t *t)
{
	time_t (*f)(time_t *) = __vdso_time_fn;

	if (f)
		return f(t);
	return __syscall_ret(__syscall1(SYS_time, (long)t));
}
