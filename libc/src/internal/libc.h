/* libc.h (internal): the library's private globals and helpers. */
#ifndef _LIBC_INTERNAL_LIBC_H
#define _LIBC_INTERNAL_LIBC_H

#include <stddef.h>
#include <stdint.h>

#define hidden		__attribute__((__visibility__("hidden")))
#define weak		__attribute__((__weak__))
#define weak_alias(old, new) \
	extern __typeof(old) new __attribute__((__weak__, __alias__(#old)))

/* The environment (envp) and the auxiliary vector (type, value pairs ending with AT_NULL). */
extern char **__environ;
extern hidden unsigned long *__auxv;

/* The (type, value) pair for `type`, or NULL; never touches errno. */
hidden unsigned long *__auxv_find(unsigned long type);

/* Build the main thread's TLS and TCB and load %gs (raw syscalls only). */
hidden void __init_tls(void);

/* Resolve the vDSO's time functions, if there is a vDSO. */
hidden void __init_vdso(void);

/* Set TLS descriptor `desc` and load %gs from it; 0 or -errno. */
struct user_desc;
hidden int __set_thread_area(struct user_desc *desc);

/* `int $0x80; ret`: TCB.sysinfo when there is no AT_SYSINFO. */
hidden void __sysinfo_int80(void);

/* Called by _start (crt1.S) with the initial stack pointer. */
_Noreturn void __libc_start_main(int (*main)(int, char **, char **), long *sp);

/* Run the atexit handlers, newest first (exit() calls it if linked). */
hidden void __funcs_on_exit(void);

/* Called by -fstack-protector code when the canary at %gs:0x14 changed. */
_Noreturn void __stack_chk_fail(void);

/* Write all pending stream output; exit() calls it if stdio is linked. */
hidden void __stdio_exit(void);

#endif
