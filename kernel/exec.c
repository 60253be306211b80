/*
 * Starting a program: a fresh address space with the ELF image, the
 * vDSO and a stack laid out exactly as Linux's (fs/exec.c and
 * fs/binfmt_elf.c create_elf_tables), then a pt_regs that enters it in
 * ring 3. From the top of the stack down:
 *
 *	4 zero bytes                               <- user_stack_top()
 *	the file name (AT_EXECFN)
 *	envp strings, argv strings
 *	"i686" (AT_PLATFORM), 16 random bytes (AT_RANDOM), 16-byte aligned
 *	auxv pairs ... AT_NULL
 *	NULL, envp[], NULL, argv[], argc           <- esp, 16-byte aligned
 */
#include <asm/fpu.h>
#include <asm/processor-flags.h>
#include <asm/cpu.h>
#include <asm/segment.h>
#include <asm/timer.h>
#include <asm/vdso.h>
#include <asm/vdso_map.h>
#include <linux/auxvec.h>
#include <asm/auxvec.h>
#include <kernel/errno.h>
#include <kernel/exit.h>
#include <kernel/namei.h>
#include <kernel/file.h>
#include <kernel/sighand.h>
#include <kernel/syscalls.h>
#include <linux/limits.h>
#include <kernel/exec.h>
#include <kernel/printk.h>
#include <kernel/ramfs.h>
#include <kernel/sched.h>
#include <kernel/string.h>

#define STACK_SIZE_MAX	(8 * 1024 * 1024)	/* the stack VMA */
#define MAX_ARG_STRINGS	1024
#define MAX_ARG_BYTES	(128 * 1024)

unsigned long user_stack_top(void)
{
	return vdso_user_base() - VVAR_SIZE;
}

struct stack_builder {
	struct mm_struct *mm;
	unsigned long sp;
	int err;
};

/* Push len bytes; returns their user address. */
static unsigned long push(struct stack_builder *b, const void *p, size_t len)
{
	b->sp -= len;
	if (!b->err && mm_copy_to(b->mm, b->sp, p, len))
		b->err = -EFAULT;
	return b->sp;
}

static unsigned long push_string(struct stack_builder *b, const char *s)
{
	return push(b, s, strlen(s) + 1);
}

/* Not cryptographic: AT_RANDOM seeds for stack protectors, from the TSC. */
static void random_bytes(u8 *out, size_t n)
{
	static u32 state;

	if (!state)
		state = (u32)rdtsc() | 1;
	for (size_t i = 0; i < n; i++) {
		state ^= state << 13;
		state ^= state >> 17;
		state ^= state << 5;
		state ^= (u32)rdtsc();
		out[i] = state;
	}
}

static int count_strings(const char *const v[], size_t *bytes)
{
	int n = 0;

	for (; v && v[n]; n++) {
		if (n >= MAX_ARG_STRINGS)
			return -E2BIG;
		*bytes += strlen(v[n]) + 1;
	}
	return n;
}

/* Store one long at user address at. */
static void put_long(struct stack_builder *b, unsigned long at,
		     unsigned long v)
{
	if (!b->err && mm_copy_to(b->mm, at, &v, sizeof(v)))
		b->err = -EFAULT;
}

/*
 * Write the pointers to n strings that were pushed in order starting at
 * user address first, at user address at; returns the address after.
 */
static unsigned long put_string_pointers(struct stack_builder *b,
					 unsigned long at, unsigned long first,
					 const char *const v[], int n)
{
	for (int i = 0; i < n; i++) {
		put_long(b, at, first);
		first += strlen(v[i]) + 1;
		at += sizeof(long);
	}
	put_long(b, at, 0);
	return at + sizeof(long);
}

static int build_stack(struct stack_builder *b, const char *path,
		       const char *const argv[], const char *const envp[],
		       const struct elf_load_info *info)
{
	size_t bytes = strlen(path) + 1;
	int argc = count_strings(argv, &bytes), envc = count_strings(envp, &bytes);
	unsigned long execfn, platform, random, argv_start, envp_start, at;
	unsigned long auxv[2 * 24], *p = auxv;
	const u32 zero = 0;
	u8 rand[16];
	int i;

	if (argc < 0 || envc < 0 || bytes > MAX_ARG_BYTES)
		return -E2BIG;
	push(b, &zero, sizeof(zero));
	execfn = push_string(b, path);
	for (i = envc - 1; i >= 0; i--)
		push_string(b, envp[i]);
	envp_start = b->sp;
	for (i = argc - 1; i >= 0; i--)
		push_string(b, argv[i]);
	argv_start = b->sp;
	b->sp &= ~15ul;
	platform = push_string(b, "i686");
	random_bytes(rand, sizeof(rand));
	random = push(b, rand, sizeof(rand));
	b->sp &= ~15ul;

	/* The auxiliary vector, in Linux's order (ARCH_DLINFO first). */
#define AUX(type, val) do { *p++ = (type); *p++ = (val); } while (0)
	AUX(AT_SYSINFO, vdso_user_base() + vdso_image->sym_kernel_vsyscall);
	AUX(AT_SYSINFO_EHDR, vdso_user_base());
	AUX(AT_HWCAP, boot_cpu_data.features_edx);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, HZ);
	AUX(AT_PHDR, info->phdr);
	AUX(AT_PHENT, info->phent);
	AUX(AT_PHNUM, info->phnum);
	AUX(AT_BASE, 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, info->entry);
	AUX(AT_UID, 0);
	AUX(AT_EUID, 0);
	AUX(AT_GID, 0);
	AUX(AT_EGID, 0);
	AUX(AT_SECURE, 0);
	AUX(AT_RANDOM, random);
	AUX(AT_EXECFN, execfn);
	AUX(AT_PLATFORM, platform);
	AUX(AT_NULL, 0);
#undef AUX

	/* argc, argv[], NULL, envp[], NULL, auxv: esp 16-byte aligned. */
	b->sp -= (1 + argc + 1 + envc + 1) * sizeof(long) +
		 (p - auxv) * sizeof(long);
	b->sp &= ~15ul;
	at = b->sp;
	put_long(b, at, argc);
	at = put_string_pointers(b, at + sizeof(long), argv_start, argv, argc);
	at = put_string_pointers(b, at, envp_start, envp, envc);
	if (!b->err && mm_copy_to(b->mm, at, auxv, (p - auxv) * sizeof(long)))
		b->err = -EFAULT;
	return b->err;
}

/* The register state a new program starts with (Linux's start_thread). */
static void start_thread(struct pt_regs *regs, unsigned long eip,
			 unsigned long esp)
{
	memset(regs, 0, sizeof(*regs));
	regs->cs = __USER_CS;
	regs->ds = regs->es = regs->ss = __USER_DS;
	regs->fs = regs->gs = 0;
	regs->eflags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	regs->eip = eip;
	regs->esp = esp;
	regs->orig_eax = -1;
}

int exec_task(struct task_struct *t, const char *path,
	      const char *const argv[], const char *const envp[])
{
	const struct ramfs_node *file;
	struct elf_load_info info;
	struct stack_builder b;
	struct mm_struct *mm, *old;
	const char *name;
	int err;

	err = path_lookup(path, &file);
	if (err)
		return err;
	/* Linux: a directory or any non-regular file, or no x bit: EACCES. */
	if (!S_ISREG(file->mode) || !(file->mode & 0111))
		return -EACCES;
	mm = mm_alloc();
	if (!mm)
		return -ENOMEM;
	err = load_elf_binary(mm, file->data, file->size, &info);
	if (!err)
		err = map_vdso(mm);
	if (!err)
		err = vma_insert(mm, user_stack_top() - STACK_SIZE_MAX,
				 user_stack_top(), VM_READ | VM_WRITE);
	if (!err) {
		b = (struct stack_builder){ mm, user_stack_top(), 0 };
		err = build_stack(&b, path, argv, envp, &info);
	}
	if (err) {
		mmput(mm);
		return err;
	}
	mm->start_brk = mm->brk = info.end;
	mm->start_stack = b.sp;

	/* Past the point of no return: t gets the new program. */
	if (t == current)
		de_thread();
	old = t->mm;
	t->mm = mm;
	if (t == current)
		switch_pgd(mm->pgd);
	if (old)
		mmput(old);
	memset(t->thread.tls_array, 0, sizeof(t->thread.tls_array));
	if (t == current)
		load_tls(&t->thread);
	name = strrchr(path, '/');
	strlcpy(t->comm, name ? name + 1 : path, sizeof(t->comm));
	start_thread(task_pt_regs(t), info.entry, b.sp);
	return 0;
}

/*
 * execve's arguments, copied out of the caller before its memory goes:
 * the strings into one buffer, the pointer arrays into another.
 */
struct exec_args {
	char *buf;			/* the strings */
	size_t cap;			/* room at buf (at most MAX_ARG_BYTES) */
	const char **argv, **envp;	/* each MAX_ARG_STRINGS + 1 */
	size_t used;
};

/* Copy a NULL-terminated user array of strings; NULL means empty. */
static int copy_strings(struct exec_args *a, const char **out,
			const u32 __user *uv)
{
	int n = 0;

	for (; uv; n++) {
		u32 p;
		long len;

		if (get_user_u32(&p, uv + n))
			return -EFAULT;
		if (!p)
			break;
		if (n >= MAX_ARG_STRINGS - 1)	/* room for the NULL */
			return -E2BIG;
		len = strncpy_from_user(a->buf + a->used,
					(const char __user *)p,
					a->cap - a->used);
		if (len < 0)
			return len;
		if ((size_t)len == a->cap - a->used)
			return -E2BIG;
		out[n] = a->buf + a->used;
		a->used += len + 1;
	}
	out[n] = NULL;
	return n;
}

#define EXEC_ARGS_ORDER	5	/* 128 KiB: MAX_ARG_BYTES */

/*
 * The new program starts with caught signals back at SIG_DFL (ignored
 * ones stay ignored), in a table of its own if the old one was shared.
 * Past the point of no return: out of memory here leaves the shared
 * table in place (and says so) rather than failing the exec.
 */
static int unshare_sighand_on_exec(void)
{
	struct sighand_struct *sh = current->sighand;

	if (!sh)
		return 0;
	if (sh->count > 1) {
		struct sighand_struct *copy = copy_sighand(sh);

		if (copy) {
			put_sighand(sh);
			current->sighand = sh = copy;
		}
	}
	flush_signal_handlers(sh);
	/* The mask and pending signals stay; the alternate stack goes. */
	current->sas = SAS_RESET;
	return 0;
}

long sys_execve(const char __user *ufilename, const u32 __user *uargv,
		const u32 __user *uenvp)
{
	static const char *const empty_argv[] = { "", NULL };
	struct exec_args a = { 0 };
	phys_addr_t strings;
	char *path;
	long len, err;
	int argc;

	/* Nothing of PATH_MAX size on the kernel stack: it is 12 KiB. */
	strings = alloc_pages(EXEC_ARGS_ORDER);
	a.argv = get_zeroed_page();
	a.envp = get_zeroed_page();
	err = -ENOMEM;
	if (!strings || !a.argv || !a.envp)
		goto out;
	/* The file name first, in the strings buffer; the strings after it. */
	path = __va(strings);
	len = strncpy_from_user(path, ufilename, PATH_MAX);
	err = len < 0 ? len : len == PATH_MAX ? -ENAMETOOLONG : !len ? -ENOENT : 0;
	if (err)
		goto out;
	a.buf = path + len + 1;
	a.cap = (PAGE_SIZE << EXEC_ARGS_ORDER) - (len + 1);
	a.used = 0;
	argc = err = copy_strings(&a, a.argv, uargv);
	if (err >= 0)
		err = copy_strings(&a, a.envp, uenvp);
	if (err < 0)
		goto out;
	/* A table shared with CLONE_FILES must not lose its cloexec fds. */
	err = unshare_files();
	if (err)
		goto out;
	/* Linux since 5.18: no argv at all becomes a single "". */
	err = exec_task(current, path, argc ? a.argv : empty_argv, a.envp);
	if (!err) {
		if (current->files)
			files_close_on_exec(current->files);
		err = unshare_sighand_on_exec();
		fpu_reset_current();	/* the new program starts with a clean FPU */
		mm_release(current);
	}
out:
	if (strings)
		free_pages(strings, EXEC_ARGS_ORDER);
	if (a.argv)
		free_zeroed_page(a.argv);
	if (a.envp)
		free_zeroed_page(a.envp);
	return err;
}
