/*
 * The user-program suite: every regular file in /tests of the initramfs
 * is a test program. Each runs as a child of the boot task; its own TAP
 * (a subtest, indented) goes to the console, and this harness reports
 * one top-level result for it: ok when it exited with status 0, not ok
 * with the exit status or the reason it was killed otherwise. A program
 * that crashes is reported and the next one runs.
 *
 * Programs named fault_* are meant to die: each does one forbidden thing
 * (cli, hlt, in/out, lgdt, touching kernel memory, ...). They pass when
 * the kernel kills them with a signal and stays up.
 */
#include <asm/timer.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/ramfs.h>
#include <kernel/spawn.h>
#include <kernel/string.h>

#define TESTS_DIR "/tests"

static struct ramfs_node *tests_dir(void)
{
	struct ramfs_node *dir = ramfs_lookup(TESTS_DIR);

	return dir && S_ISDIR(dir->mode) ? dir : NULL;
}

int user_tests_count(void)
{
	struct ramfs_node *dir = tests_dir(), *f;
	int n = 0;

	if (!dir)
		return 0;
	ramfs_for_each_child(f, dir)
		n += S_ISREG(f->mode);
	return n;
}

/* Run one program and print its TAP line; true if it passed. */
static bool run_one(int number, const char *name)
{
	bool must_die = !strncmp(name, "fault_", 6);
	char path[160], reason[96];
	const char *argv[] = { path, NULL };
	unsigned long free_before = nr_free_pages();
	struct task_struct *t;
	int err, status;

	snprintf(path, sizeof(path), TESTS_DIR "/%s", name);
	console_printf("# Subtest: %s\n", name);
	t = spawn_user(path, argv, &err);
	if (!t) {
		console_printf("not ok %d - user: %s # could not start: %d\n",
			       number, name, err);
		return false;
	}
	status = reap_child(t, reason, sizeof(reason));
	/* Its orphans came to us: give them a second to finish, then reap. */
	reap_orphans(HZ);
	if (nr_free_pages() != free_before) {
		console_printf("not ok %d - user: %s # leaked %ld pages\n",
			       number, name,
			       (long)(free_before - nr_free_pages()));
		return false;
	}
	if (must_die) {
		if (status & 0x7f) {
			console_printf("ok %d - user: %s # killed by signal %d: "
				       "%s\n", number, name, status & 0x7f,
				       reason);
			return true;
		}
		console_printf("not ok %d - user: %s # survived (status 0x%x)\n",
			       number, name, status);
		return false;
	}
	if (status & 0x7f) {
		console_printf("not ok %d - user: %s # killed by signal %d: %s\n",
			       number, name, status & 0x7f, reason);
		return false;
	}
	if (status >> 8) {
		console_printf("not ok %d - user: %s # exit status %d\n",
			       number, name, status >> 8);
		return false;
	}
	console_printf("ok %d - user: %s\n", number, name);
	return true;
}

int user_tests_run(int first)
{
	struct ramfs_node *dir = tests_dir(), *f;
	int number = first, failed = 0;

	if (!dir)
		return 0;
	ramfs_for_each_child(f, dir)
		if (S_ISREG(f->mode))
			failed += !run_one(number++, f->name);
	return failed;
}
