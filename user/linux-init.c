/*
 * /linux-init: the test runner for the reference runs on real Linux
 * (make test-linux, docs/linux-reference.md). Debian's i386 kernel boots
 * with rdinit=/linux-init and an initramfs holding the same /tests/NAME
 * programs as ours; this runner plays the part of kernel/user_tests.c
 * and prints exactly the TAP that our kernel prints for test=user:
 *
 *	TAP version 13
 *	1..N
 *	# Subtest: NAME
 *	    <the program's own TAP>
 *	ok K - user: NAME
 *	not ok K - user: NAME # exit status X
 *	not ok K - user: NAME # killed by signal S: SIGNAME
 *	...
 *	# P passed, F failed
 *
 * Programs named fault_* must be killed by a signal to pass (then
 * "ok K - user: NAME # killed by signal S: SIGNAME"), as on our kernel.
 * Every regular file of /tests runs, in name order (C locale, as our
 * ramfs keeps them), as a child with argv { "/tests/NAME", NULL } and
 * Linux's init environment (HOME=/, TERM=linux), its descriptors 0, 1
 * and 2 on /dev/console, as kernel/spawn.c gives them.
 *
 * Linux extras that our kernel does not need: the initramfs has no
 * /dev/console, so the kernel gives /init no descriptors; this runner
 * opens the console through a devtmpfs mounted on /dev and detaches that
 * mount again, so the programs see the initramfs tree alone. A program
 * that runs longer than TEST_TIMEOUT seconds is killed and reported.
 *
 * At the end it waits until the console has sent everything, then ends
 * QEMU through isa-debug-exit with TEST_EXIT_PASS or TEST_EXIT_FAIL
 * (include/asm/power.h, passed in by tools/linux.mk), as our kernel's
 * test runs do; without that device it powers the machine off.
 *
 * Only raw system calls beyond what our libc has: it runs on Linux only.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#ifndef TEST_EXIT_PASS
#error "build with -DTEST_EXIT_PASS=... -DTEST_EXIT_FAIL=... -DISA_DEBUG_EXIT_PORT=... (tools/linux.mk)"
#endif

#define TESTS_DIR	"/tests"
#define MAX_TESTS	512
#ifndef TEST_TIMEOUT
#define TEST_TIMEOUT	60	/* seconds per program */
#endif
#define MNT_DETACH	2
#define WNOHANG		1

static const char *const envp_init[] = { "HOME=/", "TERM=linux", NULL };

static char names[MAX_TESTS][64];
static int ntests;

/* Linux's struct linux_dirent64 (fs/readdir.c). */
struct dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};
#define DT_REG	8

static const char *signame(int sig)
{
	static const char *const n[] = {
		[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
		[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
		[SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL",
		[SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV",
		[SIGUSR2] = "SIGUSR2", [SIGPIPE] = "SIGPIPE",
		[SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
		[SIGSTKFLT] = "SIGSTKFLT", [SIGCHLD] = "SIGCHLD",
		[SIGCONT] = "SIGCONT", [SIGSTOP] = "SIGSTOP",
		[SIGTSTP] = "SIGTSTP", [SIGTTIN] = "SIGTTIN",
		[SIGTTOU] = "SIGTTOU", [SIGURG] = "SIGURG",
		[SIGXCPU] = "SIGXCPU", [SIGXFSZ] = "SIGXFSZ",
		[SIGVTALRM] = "SIGVTALRM", [SIGPROF] = "SIGPROF",
		[SIGWINCH] = "SIGWINCH", [SIGIO] = "SIGIO", [SIGPWR] = "SIGPWR",
		[SIGSYS] = "SIGSYS",
	};

	if (sig > 0 && sig < (int)(sizeof(n) / sizeof(n[0])) && n[sig])
		return n[sig];
	return sig >= 32 ? "real-time signal" : "unknown signal";
}

/* Descriptors 0, 1 and 2 on /dev/console, if the kernel gave none. */
static void open_console(void)
{
	int fd;

	if (syscall(SYS_fcntl64, 1, 1 /* F_GETFD */) >= 0)
		return;
	syscall(SYS_mkdir, "/dev", 0755);
	if (syscall(SYS_mount, "devtmpfs", "/dev", "devtmpfs", 0, NULL) < 0)
		return;	/* nowhere to report it: the host sees no output */
	fd = open("/dev/console", O_RDWR);
	if (fd >= 0) {
		for (int i = 0; i < 3; i++)
			if (fd != i)
				syscall(SYS_dup2, fd, i);
		if (fd > 2)
			close(fd);
	}
	syscall(SYS_umount2, "/dev", MNT_DETACH);
}

/* The regular files of /tests, sorted by name. */
static int list_tests(void)
{
	char buf[4096];
	int fd = open(TESTS_DIR, O_RDONLY | O_DIRECTORY);
	long n;

	if (fd < 0) {
		printf("# linux-init: cannot open " TESTS_DIR ": errno %d\n", errno);
		return -1;
	}
	while ((n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n; ) {
			struct dirent64 *d = (struct dirent64 *)(buf + off);

			off += d->d_reclen;
			if (d->d_type != DT_REG)
				continue;
			if (ntests == MAX_TESTS ||
			    strlen(d->d_name) >= sizeof(names[0])) {
				printf("# linux-init: skipping " TESTS_DIR "/%s\n",
				       d->d_name);
				continue;
			}
			strcpy(names[ntests++], d->d_name);
		}
	}
	close(fd);
	/* Insertion sort: strcmp is the C locale's order, as in our ramfs. */
	for (int i = 1; i < ntests; i++) {
		char t[sizeof(names[0])];
		int j;

		strcpy(t, names[i]);
		for (j = i; j > 0 && strcmp(names[j - 1], t) > 0; j--)
			strcpy(names[j], names[j - 1]);
		strcpy(names[j], t);
	}
	return ntests;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

static long now_ms(void)
{
	struct timespec ts;

	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

/* Run one program and print its TAP line; 1 if it passed. */
static int run_one(int number, const char *name)
{
	int must_die = !strncmp(name, "fault_", 6);
	char path[96];
	char *argv[] = { path, NULL };
	long start, pid, got, wait_ms = 1;
	int status = 0, timed_out = 0;

	snprintf(path, sizeof(path), TESTS_DIR "/%s", name);
	printf("# Subtest: %s\n", name);
	fflush(stdout);
	/* fork, not vfork: a vfork child may not return from syscall(). */
	pid = syscall(SYS_fork);
	if (pid == 0) {
		syscall(SYS_execve, path, argv, envp_init);
		_exit(127);	/* reported as "exit status 127" */
	}
	if (pid < 0) {
		printf("not ok %d - user: %s # could not start: %d\n", number,
		       name, -errno);
		return 0;
	}
	start = now_ms();
	while ((got = syscall(SYS_wait4, pid, &status, WNOHANG, NULL)) == 0) {
		if (!timed_out && now_ms() - start > TEST_TIMEOUT * 1000L) {
			timed_out = 1;
			syscall(SYS_kill, pid, SIGKILL);
		}
		sleep_ms(wait_ms);
		if (wait_ms < 20)
			wait_ms *= 2;
	}
	/* Orphans of the program come to us, pid 1: reap them too. */
	while (syscall(SYS_wait4, -1, NULL, WNOHANG, NULL) > 0)
		;
	if (got < 0) {
		printf("not ok %d - user: %s # wait4: errno %d\n", number, name,
		       errno);
		return 0;
	}
	if (timed_out) {
		printf("not ok %d - user: %s # timed out after %d s\n", number,
		       name, TEST_TIMEOUT);
		return 0;
	}
	if (must_die) {
		if (status & 0x7f) {
			printf("ok %d - user: %s # killed by signal %d: %s\n",
			       number, name, status & 0x7f,
			       signame(status & 0x7f));
			return 1;
		}
		printf("not ok %d - user: %s # survived (status 0x%x)\n", number,
		       name, status);
		return 0;
	}
	if (status & 0x7f) {
		printf("not ok %d - user: %s # killed by signal %d: %s\n", number,
		       name, status & 0x7f, signame(status & 0x7f));
		return 0;
	}
	if (status >> 8) {
		printf("not ok %d - user: %s # exit status %d\n", number, name,
		       (status >> 8) & 0xff);
		return 0;
	}
	printf("ok %d - user: %s\n", number, name);
	return 1;
}

static void outb(unsigned short port, unsigned char v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

/* Which kernel, and how long it took to start us (before the TAP). */
static void banner(void)
{
	struct utsname u;
	struct timespec ts = { 0, 0 };

	uname(&u);
	syscall(SYS_clock_gettime, CLOCK_BOOTTIME, &ts);
	printf("linux-init: %s %s %s %s\n", u.sysname, u.release, u.version,
	       u.machine);
	printf("linux-init: started %ld.%02ld s after the kernel "
	       "(CLOCK_BOOTTIME)\n", (long)ts.tv_sec, ts.tv_nsec / 10000000);
}

int main(void)
{
	int n, failed = 0;

	open_console();
	/* Every line goes out at once, in order with the programs' output. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	banner();
	printf("TAP version 13\n");
	n = list_tests();
	printf("1..%d\n", n < 0 ? 0 : n);
	for (int i = 0; i < n; i++)
		failed += !run_one(i + 1, names[i]);
	if (n >= 0)
		printf("# %d passed, %d failed\n", n - failed, failed);
	fflush(stdout);

	/* Wait until the UART has sent it all (tcdrain). */
	ioctl(1, TCSBRK, 1);
	if (syscall(SYS_ioperm, ISA_DEBUG_EXIT_PORT, 1, 1) == 0)
		outb(ISA_DEBUG_EXIT_PORT,
		     n > 0 && !failed ? TEST_EXIT_PASS : TEST_EXIT_FAIL);
	/* No isa-debug-exit device (the write did nothing): power off. */
	syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
		LINUX_REBOOT_CMD_POWER_OFF, NULL);
	for (;;)
		syscall(SYS_pause);
}
