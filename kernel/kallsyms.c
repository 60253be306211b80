/* Lookups in the symbol table that tools/gen-kallsyms.sh generates. */
#include <kernel/kallsyms.h>
#include <kernel/string.h>

extern const u32 kallsyms_count;
extern const u32 kallsyms_addrs[];
extern const u32 kallsyms_names[];
extern const char kallsyms_strtab[];
extern char _text[], _etext[];

const char *kallsyms_lookup(uintptr_t addr, uintptr_t *offset)
{
	u32 lo = 0, hi = kallsyms_count;

	if (addr < (uintptr_t)_text || addr >= (uintptr_t)_etext || !hi)
		return NULL;
	/* Binary search for the last symbol at or below addr. */
	while (hi - lo > 1) {
		u32 mid = (lo + hi) / 2;

		if (kallsyms_addrs[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	if (kallsyms_addrs[lo] > addr)
		return NULL;
	*offset = addr - kallsyms_addrs[lo];
	return kallsyms_strtab + kallsyms_names[lo];
}

uintptr_t kallsyms_lookup_name(const char *name)
{
	for (u32 i = 0; i < kallsyms_count; i++)
		if (!strcmp(kallsyms_strtab + kallsyms_names[i], name))
			return kallsyms_addrs[i];
	return 0;
}
