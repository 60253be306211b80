/*
 * elf.h: the kernel's <linux/elf.h> (Elf32_Ehdr/Phdr/Sym/Dyn, PT_*, DT_*,
 * STB_*, ...) plus what it lacks for reading a vDSO: DT_GNU_HASH and the
 * symbol-versioning records (layouts from the ELF gABI / GNU extensions).
 */
#ifndef _ELF_H
#define _ELF_H

#include <stdint.h>
#include <linux/elf.h>

#ifndef DT_GNU_HASH
#define DT_GNU_HASH	0x6ffffef5
#endif

typedef uint16_t Elf32_Versym;

typedef struct {
	uint16_t vd_version;	/* VER_DEF_CURRENT */
	uint16_t vd_flags;	/* VER_FLG_BASE marks the file's own name */
	uint16_t vd_ndx;	/* the index Elf32_Versym entries use */
	uint16_t vd_cnt;	/* number of Elf32_Verdaux records */
	uint32_t vd_hash;
	uint32_t vd_aux;	/* byte offset to the first Elf32_Verdaux */
	uint32_t vd_next;	/* byte offset to the next Elf32_Verdef, or 0 */
} Elf32_Verdef;

typedef struct {
	uint32_t vda_name;	/* string table offset of the version name */
	uint32_t vda_next;
} Elf32_Verdaux;

#define VER_FLG_BASE	0x1
#define VERSYM_HIDDEN	0x8000
#define VERSYM_VERSION	0x7fff

#endif
