/*
 * GDT layout and selectors, Linux's i386 layout (asm/segment.h):
 *
 *   0       null
 *   1-5     unused
 *   6-8     TLS entries (set_thread_area; loaded on each task switch)
 *   9-11    unused
 *   12      kernel code   0x60      sysenter derives from SYSENTER_CS:
 *   13      kernel data   0x68        SS = CS + 8
 *   14      user code     0x73        user CS = CS + 16 (RPL 3)
 *   15      user data     0x7b        user SS = CS + 24 (RPL 3)
 *   16      TSS           0x80
 *   17      double-fault TSS 0x88
 *
 * Plain #defines: included by assembly too.
 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

#define GDT_ENTRY_TLS_MIN		6
#define GDT_ENTRY_TLS_ENTRIES		3
#define GDT_ENTRY_TLS_MAX		(GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES - 1)
#define GDT_ENTRY_KERNEL_CS		12
#define GDT_ENTRY_KERNEL_DS		13
#define GDT_ENTRY_DEFAULT_USER_CS	14
#define GDT_ENTRY_DEFAULT_USER_DS	15
#define GDT_ENTRY_TSS			16
#define GDT_ENTRY_DOUBLEFAULT_TSS	17
#define GDT_ENTRIES			32

#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)		/* 0x60 */
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)		/* 0x68 */
#define __USER_CS	(GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)	/* 0x73 */
#define __USER_DS	(GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)	/* 0x7b */
#define __TSS_SEL	(GDT_ENTRY_TSS * 8)			/* 0x80 */
#define __DOUBLEFAULT_TSS_SEL (GDT_ENTRY_DOUBLEFAULT_TSS * 8)	/* 0x88 */

#endif
