/*
 * sys/thread_area.h: the i386 TLS descriptor calls (no glibc header has
 * them). struct user_desc is the kernel's <asm/ldt.h>.
 */
#ifndef _SYS_THREAD_AREA_H
#define _SYS_THREAD_AREA_H

#include <asm/ldt.h>

int set_thread_area(struct user_desc *desc);
int get_thread_area(struct user_desc *desc);

#endif
