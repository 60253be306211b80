#include <errno.h>
#include "tcb.h"

/* The calling thread's errno: a field of its TCB. */
int *
__errno_location(void)
{
	return &__tcb()->errno_val;
}
