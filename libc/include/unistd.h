/* unistd.h: POSIX system interfaces (the ones this libc has so far). */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <features.h>
#include <sys/types.h>

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

extern char **environ;

ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
__noreturn void _exit(int status);
pid_t getpid(void);
pid_t getppid(void);
pid_t gettid(void);
int brk(void *addr);
void *sbrk(intptr_t increment);
int isatty(int fd);
long syscall(long number, ...);

#endif
