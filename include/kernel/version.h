/* The kernel's name and version, as the boot banner (and later uname) tell them. */
#ifndef _KERNEL_VERSION_H
#define _KERNEL_VERSION_H

#define KERNEL_NAME	"gate386"
#define KERNEL_VERSION	"0.1.0"
#define KERNEL_BUILD_INFO "i386, gcc " __VERSION__

#endif
