/*
 * fault_sigframe_unwritable: a signal whose frame cannot be written kills
 * the process. With esp on an unmapped page, kill(getpid(), SIGUSR1) is
 * made by int $0x80 (which needs no user stack); on the way back the
 * kernel must push the SIGUSR1 frame below esp, cannot, and (Linux:
 * force_sigsegv) sends SIGSEGV instead, whose frame cannot be written
 * either, so SIGSEGV's action is reset to SIG_DFL and the process dies
 * by SIGSEGV. Neither handler ever runs.
 */
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lib/entry.h"
#include "lib/tap.h"

static volatile int ran;

static void
handler(int sig)
{
	ran = sig;
}

int
main(void)
{
	char *gone = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct sigaction sa;
	long r = SYS_kill;

	munmap(gone, 8192);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGSEGV, &sa, NULL);

	fault_announce("raise SIGUSR1 with esp on an unmapped page");
	/* esp is saved in esi and put back if the kernel returns at all. */
	__asm__ volatile("movl %%esp, %%esi\n"
			 "movl %[top], %%esp\n"
			 "int $0x80\n"
			 "movl %%esi, %%esp\n"
			 : "+a"(r)
			 : [top] "r"(gone + 4096), "b"(getpid()), "c"(SIGUSR1)
			 : "esi", "memory");
	if (ran)
		diag("the handler for signal %d ran", ran);
	return fault_survived("a signal with esp on an unmapped page");
}
