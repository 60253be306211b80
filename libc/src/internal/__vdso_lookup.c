#include <elf.h>
#include <string.h>
#include "vdso.h"

/*
 * Walking a vDSO (an ELF shared object the kernel maps; its address is
 * AT_SYSINFO_EHDR): program headers give the load bias (first PT_LOAD)
 * and PT_DYNAMIC; the dynamic section gives the symbol and string tables
 * and the version tables; DT_HASH (nchain) or DT_GNU_HASH gives the
 * number of symbols. Symbols are then compared one by one: a vDSO has a
 * dozen, so no hashing is needed.
 */
struct dso {
	uintptr_t base;			/* load bias: add to d_ptr, st_value */
	const Elf32_Sym *sym;
	const char *str;
	const Elf32_Versym *versym;
	const Elf32_Verdef *verdef;
	size_t nsym;
};

/* Number of symbols in a DT_GNU_HASH table: past the highest chain's end. */
static size_t
gnu_hash_count(const uint32_t *gh)
{
	uint32_t nbuckets = gh[0], symoffset = gh[1], bloom = gh[2];
	const uint32_t *buckets = gh + 4 + bloom;	/* bloom words are 32-bit */
	const uint32_t *chain = buckets + nbuckets;
	uint32_t i, last = 0;

	for (i = 0; i < nbuckets; i++)
		if (buckets[i] > last)
			last = buckets[i];
	if (last < symoffset)
		return symoffset;
	while (!(chain[last - symoffset] & 1))
		last++;
	return last + 1;
}

/* Fill d from the image at ehdr; 0 on success, -1 if it is not usable. */
static int
parse(struct dso *d, const Elf32_Ehdr *eh)
{
	const Elf32_Phdr *ph = (const void *)((const char *)eh + eh->e_phoff);
	const Elf32_Dyn *dyn = NULL;
	const uint32_t *hash = NULL, *gnu = NULL;
	int i, have_base = 0;

	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_ident[EI_CLASS] != ELFCLASS32)
		return -1;
	memset(d, 0, sizeof *d);
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !have_base) {
			d->base = (uintptr_t)eh + ph[i].p_offset - ph[i].p_vaddr;
			have_base = 1;
		} else if (ph[i].p_type == PT_DYNAMIC) {
			dyn = (const void *)((const char *)eh + ph[i].p_offset);
		}
	}
	if (!have_base || !dyn)
		return -1;
	for (; dyn->d_tag != DT_NULL; dyn++) {
		const void *p = (const void *)(d->base + dyn->d_un.d_ptr);

		switch (dyn->d_tag) {
		case DT_SYMTAB:	d->sym = p; break;
		case DT_STRTAB:	d->str = p; break;
		case DT_HASH:	hash = p; break;
		case DT_GNU_HASH: gnu = p; break;
		case DT_VERSYM:	d->versym = p; break;
		case DT_VERDEF:	d->verdef = p; break;
		}
	}
	if (!d->sym || !d->str || (!hash && !gnu))
		return -1;
	d->nsym = hash ? hash[1] : gnu_hash_count(gnu);
	if (!d->verdef)
		d->versym = NULL;
	return 0;
}

/* Does symbol i carry version `want`? (Unversioned images match any.) */
static int
version_ok(const struct dso *d, size_t i, const char *want)
{
	const Elf32_Verdef *vd = d->verdef;
	unsigned ndx;

	if (!d->versym)
		return 1;
	ndx = d->versym[i] & VERSYM_VERSION;
	for (;;) {
		if (!(vd->vd_flags & VER_FLG_BASE) && (vd->vd_ndx & VERSYM_VERSION) == ndx) {
			const Elf32_Verdaux *a = (const void *)((const char *)vd + vd->vd_aux);

			return !strcmp(want, d->str + a->vda_name);
		}
		if (!vd->vd_next)
			return 0;
		vd = (const void *)((const char *)vd + vd->vd_next);
	}
}

/* The address of `name` at `version` in the image at ehdr, or NULL. */
void *
__vdso_lookup(const void *ehdr, const char *version, const char *name)
{
	struct dso d;
	size_t i;

	if (!ehdr || parse(&d, ehdr))
		return NULL;
	for (i = 0; i < d.nsym; i++) {
		const Elf32_Sym *s = &d.sym[i];
		int type = ELF32_ST_TYPE(s->st_info), bind = ELF32_ST_BIND(s->st_info);

		if (s->st_shndx == SHN_UNDEF || (type != STT_FUNC && type != STT_NOTYPE))
			continue;
		if (bind != STB_GLOBAL && bind != STB_WEAK)
			continue;
		if (strcmp(name, d.str + s->st_name) || !version_ok(&d, i, version))
			continue;
		return (void *)(d.base + s->st_value);
	}
	return NULL;
}
