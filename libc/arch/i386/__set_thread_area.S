/*
 * __set_thread_area.S: install a TLS descriptor and load %gs with it.
 *
 *	int __set_thread_area(struct user_desc *desc);	(hidden)
 *
 * Runs during startup, before %gs is usable, so it traps with int $0x80
 * itself. With desc->entry_number == -1 the kernel picks a free GDT TLS
 * slot (Linux: entries 6..8) and writes its index back into
 * desc->entry_number. On success %gs = index << 3 | 3 (GDT, RPL 3).
 * Returns the raw result: 0, or -errno (errno cannot be set yet).
 *
 * Stack after the push of ebx:
 *
 *	8(%esp)	desc
 *	4(%esp)	return address
 *	0(%esp)	saved ebx (callee-saved, and the syscall's first argument)
 */
#include <asm/unistd.h>

	.text
	.globl	__set_thread_area
	.hidden	__set_thread_area
	.type	__set_thread_area, @function
__set_thread_area:
	pushl	%ebx
	movl	8(%esp), %ebx
	movl	$__NR_set_thread_area, %eax
	int	$0x80
	testl	%eax, %eax
	jnz	1f
	# Selector for the slot the kernel chose: (entry_number << 3) | 3.
	movl	(%ebx), %ecx
	leal	3(, %ecx, 8), %ecx
	movw	%cx, %gs
1:	popl	%ebx
	ret
	.size	__set_thread_area, . - __set_thread_area

	.section .note.GNU-stack, "", @progbits
