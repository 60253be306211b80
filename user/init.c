/*
 * /init: the first user program. It tells what this boot gives a
 * process: the system-call mechanism (read from the vDSO itself: its
 * __kernel_vsyscall either contains sysenter or int $0x80), where the vDSO
 * is, the whole auxiliary vector, and uname; then it powers the machine
 * off. Every line it prints comes from the kernel through the ABI.
 */
#include <elf.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/reboot.h>
#include <sys/utsname.h>
#include <unistd.h>

/* The names of the auxv entries Linux i386 gives (linux/auxvec.h). */
static const char *const aux_names[] = {
	[AT_NULL] = "AT_NULL", [AT_PHDR] = "AT_PHDR", [AT_PHENT] = "AT_PHENT",
	[AT_PHNUM] = "AT_PHNUM", [AT_PAGESZ] = "AT_PAGESZ",
	[AT_BASE] = "AT_BASE", [AT_FLAGS] = "AT_FLAGS",
	[AT_ENTRY] = "AT_ENTRY", [AT_UID] = "AT_UID", [AT_EUID] = "AT_EUID",
	[AT_GID] = "AT_GID", [AT_EGID] = "AT_EGID",
	[AT_PLATFORM] = "AT_PLATFORM", [AT_HWCAP] = "AT_HWCAP",
	[AT_CLKTCK] = "AT_CLKTCK", [AT_SECURE] = "AT_SECURE",
	[AT_RANDOM] = "AT_RANDOM", [AT_HWCAP2] = "AT_HWCAP2",
	[AT_EXECFN] = "AT_EXECFN", [AT_SYSINFO] = "AT_SYSINFO",
	[AT_SYSINFO_EHDR] = "AT_SYSINFO_EHDR",
};

/*
 * Which instruction does __kernel_vsyscall use? Scan its first bytes for
 * sysenter (0f 34) or int $0x80 (cd 80).
 */
static const char *vsyscall_mechanism(const unsigned char *entry)
{
	for (int i = 0; i < 16; i++) {
		if (entry[i] == 0x0f && entry[i + 1] == 0x34)
			return "sysenter";
		if (entry[i] == 0xcd && entry[i + 1] == 0x80)
			return "int $0x80";
	}
	return "unknown";
}

static void print_auxv(char **envp)
{
	unsigned long *aux;

	/* The auxiliary vector starts after envp's NULL. */
	while (*envp)
		envp++;
	printf("init: auxiliary vector:\n");
	for (aux = (unsigned long *)(envp + 1); ; aux += 2) {
		const char *name = aux[0] < sizeof(aux_names) / sizeof(aux_names[0])
				   ? aux_names[aux[0]] : NULL;

		if (aux[0] == AT_EXECFN || aux[0] == AT_PLATFORM)
			printf("  %-16s 0x%08lx \"%s\"\n", name, aux[1],
			       (const char *)aux[1]);
		else if (name)
			printf("  %-16s 0x%08lx\n", name, aux[1]);
		else
			printf("  AT_%-13lu 0x%08lx\n", aux[0], aux[1]);
		if (aux[0] == AT_NULL)
			break;
	}
}

int main(int argc, char **argv, char **envp)
{
	unsigned long sysinfo = getauxval(AT_SYSINFO);
	unsigned long ehdr = getauxval(AT_SYSINFO_EHDR);
	struct utsname u;

	printf("init: pid %d, %s\n", getpid(), argc ? argv[0] : "?");
	if (sysinfo)
		printf("init: system calls through __kernel_vsyscall at 0x%08lx,"
		       " which uses %s\n", sysinfo,
		       vsyscall_mechanism((const unsigned char *)sysinfo));
	else
		printf("init: no vDSO: system calls use int $0x80\n");
	if (ehdr)
		printf("init: vDSO (linux-gate.so.1) at 0x%08lx\n", ehdr);
	print_auxv(envp);
	if (uname(&u) == 0)
		printf("init: uname: %s %s %s %s\n", u.sysname, u.release,
		       u.version, u.machine);
	printf("init: done; powering off\n");
	fflush(stdout);
	reboot(RB_POWER_OFF);
	return 1;
}
