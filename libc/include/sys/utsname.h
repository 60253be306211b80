/*
 * sys/utsname.h: struct utsname is the kernel's struct new_utsname (what
 * the i386 uname syscall fills), with the field lengths from the UAPI.
 */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <linux/utsname.h>

struct utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};
_Static_assert(sizeof(struct utsname) == sizeof(struct new_utsname),
	       "struct utsname must match the kernel's struct new_utsname");

int uname(struct utsname *buf);

#endif
