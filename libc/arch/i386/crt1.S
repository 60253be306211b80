/*
 * crt1.S: _start, the program's entry point (ELF e_entry).
 *
 * The kernel's ELF loader enters here in ring 3 with the Linux initial
 * stack (all other registers unspecified):
 *
 *	esp ->	argc
 *		argv[0] .. argv[argc-1]
 *		NULL
 *		envp[0] .. envp[n-1]
 *		NULL
 *		auxv: type, value pairs ... AT_NULL, 0
 *		(padding, AT_RANDOM bytes, argument and environment strings)
 *
 * _start clears ebp so backtraces end here, aligns esp to 16 bytes (what
 * GCC assumes at every call on i386 Linux), and calls
 *
 *	_Noreturn void __libc_start_main(int (*main)(int, char **, char **),
 *					 long *sp);
 *
 * with sp = the initial esp. Stack at that call:
 *
 *	esp+4	sp (initial esp)
 *	esp	&main
 *
 * crt1.o is linked first and names main, so the linker pulls main from
 * the program's objects and everything else from libc.a.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	# Outermost frame: no caller.
	xorl	%ebp, %ebp
	movl	%esp, %eax
	# 16-byte align, minus 8 for the two pushed arguments.
	andl	$-16, %esp
	subl	$8, %esp
	pushl	%eax
	pushl	$main
	call	__libc_start_main
	# __libc_start_main never returns; fault loudly if it does.
	hlt
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
