/*
 * The user-memory copy routines. Each faulting instruction has an
 * exception-table entry whose fixup resumes right after it with the
 * count of bytes left in ecx (rep movs/stos keep ecx exact when they
 * fault), which the caller turns into -EFAULT.
 */
#include <asm/uaccess.h>
#include <kernel/errno.h>

static unsigned long raw_copy(void *to, const void *from, unsigned long n)
{
	__asm__ __volatile__(
		"1:\trep movsb\n"
		"2:\n\t"
		_ASM_EXTABLE(1b, 2b)
		: "+c"(n), "+D"(to), "+S"(from) : : "memory");
	return n;
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (!access_ok(from, n))
		return n;
	return raw_copy(to, from, n);
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return raw_copy(to, from, n);
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	__asm__ __volatile__(
		"1:\trep stosb\n"
		"2:\n\t"
		_ASM_EXTABLE(1b, 2b)
		: "+c"(n), "+D"(to) : "a"(0) : "memory");
	return n;
}

/*
 * One user access, the instruction insn, that may fault: its fixup sets
 * the operand named err to -EFAULT and resumes after it. Operands:
 * [err] (in/out), [efault] (the constant), and those insn names.
 */
#define USER_ACCESS(insn)						\
	"1:\t" insn "\n"						\
	"2:\n\t"							\
	".pushsection .fixup, \"ax\"\n"				\
	"3:\tmovl %[efault], %[err]\n\t"				\
	"jmp 2b\n\t"							\
	".popsection\n\t"						\
	_ASM_EXTABLE(1b, 3b)

/* Read one user byte: 0 or -EFAULT. */
static int get_user_u8(u8 *val, const u8 __user *p)
{
	int err = 0;
	u8 v = 0;

	__asm__ __volatile__(USER_ACCESS("movb %[src], %[v]")
			     : [err] "+r"(err), [v] "+q"(v)
			     : [src] "m"(*p), [efault] "i"(-EFAULT));
	*val = v;
	return err;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	for (long i = 0; i < count; i++) {
		u8 c;

		if (!access_ok(src + i, 1) || get_user_u8(&c, (const u8 *)src + i))
			return -EFAULT;
		dst[i] = c;
		if (!c)
			return i;
	}
	return count;
}

int get_user_u32(u32 *val, const u32 __user *uptr)
{
	int err = 0;
	u32 v = 0;

	if (!access_ok(uptr, 4))
		return -EFAULT;
	__asm__ __volatile__(USER_ACCESS("movl %[src], %[v]")
			     : [err] "+r"(err), [v] "+r"(v)
			     : [src] "m"(*uptr), [efault] "i"(-EFAULT));
	*val = v;
	return err;
}

int put_user_u32(u32 val, u32 __user *uptr)
{
	int err = 0;

	if (!access_ok(uptr, 4))
		return -EFAULT;
	__asm__ __volatile__(USER_ACCESS("movl %[v], %[dst]")
			     : [err] "+r"(err), [dst] "=m"(*uptr)
			     : [v] "r"(val), [efault] "i"(-EFAULT));
	return err;
}
