/* Loading programs: the ELF loader and the Linux initial stack (kernel/exec.c). */
#ifndef _KERNEL_EXEC_H
#define _KERNEL_EXEC_H

#include <kernel/mm.h>
#include <kernel/types.h>

struct task_struct;

/* Where the loaded image ended up, for the auxiliary vector. */
struct elf_load_info {
	unsigned long entry;
	unsigned long phdr;	/* user address of the program headers */
	unsigned int phent;
	unsigned int phnum;
	unsigned long end;	/* page-aligned end of the highest segment */
};

/*
 * Map an ELF32 i386 static executable (data, size bytes) into mm. Every
 * header field and segment bound is checked before use; a bad or
 * truncated file gives -ENOEXEC (logged), never a fault.
 */
int load_elf_binary(struct mm_struct *mm, const u8 *data, size_t size,
		    struct elf_load_info *info);

/* Upper end of the user stack; the vDSO and its data page sit above. */
unsigned long user_stack_top(void);

/*
 * Replace task t's program with the file at path (argv, envp: kernel
 * strings, NULL-terminated): a fresh mm, the vDSO, the initial stack, and
 * t's pt_regs set up to enter the program in ring 3. On failure t is
 * untouched and the error is returned.
 */
int exec_task(struct task_struct *t, const char *path,
	      const char *const argv[], const char *const envp[]);

#endif
