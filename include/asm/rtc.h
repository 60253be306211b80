/* The CMOS real-time clock (arch/i386/rtc.c). */
#ifndef _ASM_RTC_H
#define _ASM_RTC_H

#include <kernel/types.h>

/* The RTC's date and time as seconds since the Unix epoch (UTC). */
u32 rtc_read_seconds(void);

#endif
