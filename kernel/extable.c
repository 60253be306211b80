/*
 * The exception table: pairs (faulting instruction, fixup) that the
 * user-access code and the entry code emit into section __ex_table.
 * A kernel-mode fault first looks here; a hit resumes at the fixup.
 */
#include <asm/uaccess.h>

extern const struct exception_table_entry __start_ex_table[];
extern const struct exception_table_entry __stop_ex_table[];

unsigned long search_exception_tables(unsigned long eip)
{
	for (const struct exception_table_entry *e = __start_ex_table;
	     e < __stop_ex_table; e++)
		if (e->insn == eip)
			return e->fixup;
	return 0;
}
