/* libc_start: the initial stack as _start found it: argv, envp, auxv. */
#include <elf.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>
#include "lib/tap.h"

extern const Elf32_Ehdr __ehdr_start;	/* ld: our own ELF header */
extern char _start[];

/* The misalignment of a 16-aligned local: GCC trusts the incoming stack
 * to be 16-byte aligned, so a bad _start shows up here. */
static __attribute__((noinline)) unsigned
stack_misalignment(void)
{
	volatile char buf[16] __attribute__((aligned(16)));

	buf[0] = 0;
	return (uintptr_t)buf & 15;
}

/* argv and envp are where the Linux initial stack puts them. */
static void
test_args(int argc, char **argv, char **envp)
{
	int i, bad = 0;

	ok(argc >= 1, "argc >= 1 (%d)", argc);
	ok(argv[argc] == NULL, "argv[argc] is NULL");
	for (i = 0; i < argc; i++)
		bad += argv[i] == NULL;
	is(bad, 0, "argv[0..argc-1] are set");
	ok(envp == argv + argc + 1, "envp follows argv's NULL");
	ok(environ == envp, "environ == envp");
	is(stack_misalignment(), 0, "main runs on a 16-byte aligned stack");
}

/* getenv finds every envp entry, and nothing else. */
static void
test_env(char **envp)
{
	char **e, name[256];
	int bad = 0, n = 0;
	const char *v;

	for (e = envp; *e; e++, n++) {
		const char *eq = strchr(*e, '=');
		size_t len = eq ? (size_t)(eq - *e) : 0;

		if (!eq || !len || len >= sizeof name)
			continue;
		memcpy(name, *e, len);
		name[len] = 0;
		v = getenv(name);
		/* the first definition of a name wins */
		if (!v || (v != eq + 1 && strcmp(v, eq + 1) && !getenv(name)))
			bad++;
	}
	is(bad, 0, "getenv finds all %d environment entries", n);
	ok(getenv("LIBC_TEST_NO_SUCH_VARIABLE") == NULL, "getenv: missing is NULL");
	ok(getenv("") == NULL, "getenv(\"\") is NULL");
	v = getenv("LIBC_TEST_ENV");
	if (v)
		is_str(v, "hello", "getenv(LIBC_TEST_ENV) from the harness");
	else
		skip(1, "LIBC_TEST_ENV not set by the harness");
}

/* The auxv describes this program (checked against its own ELF header). */
static void
test_auxv(void)
{
	const Elf32_Ehdr *eh = &__ehdr_start;

	is(getauxval(AT_PAGESZ), 4096, "AT_PAGESZ is 4096");
	is(getauxval(AT_PHDR), (uintptr_t)eh + eh->e_phoff, "AT_PHDR is our program headers");
	is(getauxval(AT_PHNUM), eh->e_phnum, "AT_PHNUM");
	is(getauxval(AT_PHENT), sizeof(Elf32_Phdr), "AT_PHENT");
	is(getauxval(AT_ENTRY), (uintptr_t)_start, "AT_ENTRY is _start");
	is((uintptr_t)eh, 0x08048000, "linked at 0x08048000");
	is(eh->e_type, ET_EXEC, "an ET_EXEC program");
	errno = 0;
	ok(getauxval(0x7fff) == 0 && errno == ENOENT, "getauxval(missing): 0, ENOENT");
}

/* Run the groups; the exit status is the failure count. */
int
main(int argc, char **argv, char **envp)
{
	test_args(argc, argv, envp);
	test_env(envp);
	test_auxv();
	return done_testing();
}
