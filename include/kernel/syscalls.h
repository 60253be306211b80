/*
 * System-call handlers, as sys_call_table (kernel/sys_call_table.c)
 * calls them: up to six arguments, from ebx, ecx, edx, esi, edi, ebp in
 * that order; the return value (or -errno) goes back in eax.
 */
#ifndef _KERNEL_SYSCALLS_H
#define _KERNEL_SYSCALLS_H

#include <asm/uaccess.h>
#include <kernel/types.h>

struct user_desc;
struct iovec;
struct new_utsname;
struct stat64;
struct __kernel_old_timeval;
struct timezone;
struct timespec;

long sys_ni_syscall(void);
long sys_exit(int code);
long sys_exit_group(int code);
long sys_read(unsigned int fd, char __user *buf, size_t count);
long sys_write(unsigned int fd, const char __user *buf, size_t count);
long sys_writev(unsigned int fd, const struct iovec __user *iov, int iovcnt);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_fstat64(unsigned int fd, struct stat64 __user *st);
long sys_close(unsigned int fd);
long sys_dup(unsigned int fildes);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_fcntl64(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_pipe(int __user *fildes);
long sys_pipe2(int __user *fildes, int flags);
long sys_sync_file_range(int fd, u32 off_lo, u32 off_hi, u32 n_lo, u32 n_hi,
			 unsigned int flags);
long sys_getpid(void);
/* Everyone is root: uid and gid 0. */
long sys_getuid(void);
long sys_gettid(void);
long sys_getppid(void);
long sys_getpgid(int pid);
long sys_getpgrp(void);
long sys_setpgid(int pid, int pgid);
long sys_brk(unsigned long brk);
struct mmap_arg_struct;
long sys_old_mmap(struct mmap_arg_struct __user *arg);
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff);
long sys_munmap(unsigned long addr, size_t len);
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);
long sys_uname(struct new_utsname __user *name);
long sys_sched_yield(void);
long sys_time(s32 __user *tloc);
long sys_gettimeofday(struct __kernel_old_timeval __user *tv,
		      struct timezone __user *tz);
long sys_clock_gettime(int clock, struct timespec __user *tp);
long sys_nanosleep(struct timespec __user *req,
		   struct timespec __user *rem);
long sys_set_thread_area(struct user_desc __user *u_info);
long sys_get_thread_area(struct user_desc __user *u_info);
long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg);
long sys_futex(u32 __user *uaddr, int op, u32 val,
	       const struct timespec __user *utime, u32 __user *uaddr2,
	       u32 val3);
struct clone_args;
struct rusage;
long sys_fork(void);
long sys_vfork(void);
long sys_clone(unsigned long clone_flags, unsigned long newsp,
	       int __user *parent_tid, unsigned long tls, int __user *child_tid);
long sys_clone3(struct clone_args __user *uargs, size_t size);
long sys_execve(const char __user *filename, const u32 __user *argv,
		const u32 __user *envp);
long sys_wait4(int pid, int __user *stat_addr, int options,
	       struct rusage __user *ru);
long sys_waitpid(int pid, int __user *stat_addr, int options);
long sys_chdir(const char __user *path);
long sys_getcwd(char __user *buf, unsigned long size);
struct k_sigaction;
struct old_sigaction;
long sys_rt_sigaction(int sig, const struct k_sigaction __user *act,
		      struct k_sigaction __user *oact, size_t sigsetsize);
long sys_sigaction(int sig, const struct old_sigaction __user *act,
		   struct old_sigaction __user *oact);

/* Signals (kernel/signal.c, kernel/itimer.c, arch/i386/signal.c). */
struct kitimerval;
long sys_restart_syscall(void);
long sys_kill(int pid, int sig);
long sys_tkill(int pid, int sig);
long sys_tgkill(int tgid, int pid, int sig);
long sys_rt_sigprocmask(int how, const u64 __user *nset, u64 __user *oset,
			size_t sigsetsize);
long sys_sigprocmask(int how, const u32 __user *nset, u32 __user *oset);
long sys_rt_sigpending(u64 __user *set, size_t sigsetsize);
long sys_sigpending(u32 __user *set);
long sys_rt_sigsuspend(const u64 __user *mask, size_t sigsetsize);
long sys_sigsuspend(int unused1, int unused2, u32 mask);
long sys_pause(void);
long sys_sigaltstack(const void __user *uss, void __user *uoss);
long sys_alarm(unsigned int seconds);
long sys_setitimer(int which, const struct kitimerval __user *value,
		   struct kitimerval __user *ovalue);
long sys_getitimer(int which, struct kitimerval __user *value);
long sys_rt_sigtimedwait(const u64 __user *these, void __user *info,
			 const struct timespec __user *ts, size_t sigsetsize);
long sys_rt_sigqueueinfo(int pid, int sig, const void __user *info);
long sys_sigreturn(void);
long sys_rt_sigreturn(void);

#endif
