/* vdso.h (internal): symbols of the kernel's vDSO. */
#ifndef _LIBC_INTERNAL_VDSO_H
#define _LIBC_INTERNAL_VDSO_H

#include "libc.h"

/*
 * The address of `name` at `version` in the ELF image at `ehdr` (a vDSO
 * as mapped by the kernel), or NULL if the image has no such symbol.
 */
hidden void *__vdso_lookup(const void *ehdr, const char *version,
			   const char *name);

/* The vDSO's time functions, NULL when absent (set by __init_vdso). */
extern hidden void *__vdso_clock_gettime_fn;
extern hidden void *__vdso_gettimeofday_fn;
extern hidden void *__vdso_time_fn;

#endif
