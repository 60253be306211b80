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
int dup(int fd);
int dup2(int fd, int fd2);
int dup3(int fd, int fd2, int flags);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);

pid_t fork(void);
pid_t vfork(void) __attribute__((__returns_twice__));
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
__noreturn void _exit(int status);
pid_t getpid(void);
pid_t getppid(void);
pid_t gettid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int brk(void *addr);
void *sbrk(intptr_t increment);
int isatty(int fd);
long syscall(long number, ...);

unsigned alarm(unsigned seconds);
unsigned sleep(unsigned seconds);
int usleep(useconds_t usec);
int pause(void);

#endif
