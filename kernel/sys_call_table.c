/*
 * sys_call_table: one slot per Linux i386 system-call number, from 0 up to
 * the highest number in Debian's asm/unistd_32.h (NR_syscalls is generated
 * from it). Numbers come from that header, never from here; every slot
 * this kernel does not implement is sys_ni_syscall (-ENOSYS).
 * entry.S calls slot eax with the six argument registers as C arguments.
 */
#include <asm/unistd_32.h>
#include <generated/nr_syscalls.h>
#include <kernel/errno.h>
#include <kernel/syscalls.h>

long sys_ni_syscall(void)
{
	return -ENOSYS;
}

const void *const sys_call_table[NR_syscalls] = {
	[0 ... NR_syscalls - 1] = sys_ni_syscall,
	[__NR_restart_syscall] = sys_restart_syscall,
	[__NR_exit] = sys_exit,
	[__NR_fork] = sys_fork,
	[__NR_read] = sys_read,
	[__NR_write] = sys_write,
	[__NR_close] = sys_close,
	[__NR_waitpid] = sys_waitpid,
	[__NR_execve] = sys_execve,
	[__NR_chdir] = sys_chdir,
	[__NR_time] = sys_time,
	[__NR_ioctl] = sys_ioctl,
	[__NR_getpid] = sys_getpid,
	[__NR_getuid] = sys_getuid,
	[__NR_geteuid] = sys_getuid,
	[__NR_getgid] = sys_getuid,
	[__NR_getegid] = sys_getuid,
	[__NR_getuid32] = sys_getuid,
	[__NR_geteuid32] = sys_getuid,
	[__NR_getgid32] = sys_getuid,
	[__NR_getegid32] = sys_getuid,
	[__NR_alarm] = sys_alarm,
	[__NR_pause] = sys_pause,
	[__NR_kill] = sys_kill,
	[__NR_dup] = sys_dup,
	[__NR_pipe] = sys_pipe,
	[__NR_brk] = sys_brk,
	[__NR_setpgid] = sys_setpgid,
	[__NR_fcntl] = sys_fcntl,
	[__NR_dup2] = sys_dup2,
	[__NR_getppid] = sys_getppid,
	[__NR_getpgrp] = sys_getpgrp,
	[__NR_sigaction] = sys_sigaction,
	[__NR_sigsuspend] = sys_sigsuspend,
	[__NR_sigpending] = sys_sigpending,
	[__NR_gettimeofday] = sys_gettimeofday,
	[__NR_reboot] = sys_reboot,
	[__NR_mmap] = sys_old_mmap,
	[__NR_munmap] = sys_munmap,
	[__NR_setitimer] = sys_setitimer,
	[__NR_getitimer] = sys_getitimer,
	[__NR_wait4] = sys_wait4,
	[__NR_sigreturn] = sys_sigreturn,
	[__NR_clone] = sys_clone,
	[__NR_uname] = sys_uname,
	[__NR_mprotect] = sys_mprotect,
	[__NR_sigprocmask] = sys_sigprocmask,
	[__NR_getpgid] = sys_getpgid,
	[__NR_writev] = sys_writev,
	[__NR_sched_yield] = sys_sched_yield,
	[__NR_nanosleep] = sys_nanosleep,
	[__NR_rt_sigreturn] = sys_rt_sigreturn,
	[__NR_rt_sigaction] = sys_rt_sigaction,
	[__NR_rt_sigprocmask] = sys_rt_sigprocmask,
	[__NR_rt_sigpending] = sys_rt_sigpending,
	[__NR_rt_sigsuspend] = sys_rt_sigsuspend,
	[__NR_rt_sigtimedwait] = sys_rt_sigtimedwait,
	[__NR_rt_sigqueueinfo] = sys_rt_sigqueueinfo,
	[__NR_sigaltstack] = sys_sigaltstack,
	[__NR_getcwd] = sys_getcwd,
	[__NR_vfork] = sys_vfork,
	[__NR_mmap2] = sys_mmap2,
	[__NR_fstat64] = sys_fstat64,
	[__NR_fcntl64] = sys_fcntl64,
	[__NR_gettid] = sys_gettid,
	[__NR_tkill] = sys_tkill,
	[__NR_futex] = sys_futex,
	[__NR_set_thread_area] = sys_set_thread_area,
	[__NR_get_thread_area] = sys_get_thread_area,
	[__NR_exit_group] = sys_exit_group,
	[__NR_tgkill] = sys_tgkill,
	[__NR_clock_gettime] = sys_clock_gettime,
	[__NR_sync_file_range] = sys_sync_file_range,
	[__NR_dup3] = sys_dup3,
	[__NR_pipe2] = sys_pipe2,
	[__NR_clone3] = sys_clone3,
};

_Static_assert(NR_syscalls > __NR_clone3, "the table reaches clone3");
