/*
 * Suite "elf": the ELF loader (kernel/binfmt_elf.c) against a minimal
 * valid executable built in memory, and against damaged copies of it.
 * Every damaged one must be refused with -ENOEXEC, and no page may leak.
 */
#include <linux/elf.h>
#include <kernel/errno.h>
#include <kernel/exec.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/string.h>

#define BASE	0x08048000
#define CODE	0x60			/* file offset of the code */

/* Ehdr, one PT_LOAD covering the whole file, and a few code bytes. */
struct tiny_elf {
	Elf32_Ehdr eh;
	Elf32_Phdr ph[2];
	u8 code[32];
};

static void make_tiny(struct tiny_elf *e)
{
	memset(e, 0, sizeof(*e));
	memcpy(e->eh.e_ident, ELFMAG, SELFMAG);
	e->eh.e_ident[EI_CLASS] = ELFCLASS32;
	e->eh.e_ident[EI_DATA] = ELFDATA2LSB;
	e->eh.e_ident[EI_VERSION] = EV_CURRENT;
	e->eh.e_type = ET_EXEC;
	e->eh.e_machine = EM_386;
	e->eh.e_version = EV_CURRENT;
	e->eh.e_entry = BASE + CODE;
	e->eh.e_phoff = sizeof(Elf32_Ehdr);
	e->eh.e_ehsize = sizeof(Elf32_Ehdr);
	e->eh.e_phentsize = sizeof(Elf32_Phdr);
	e->eh.e_phnum = 1;
	e->ph[0].p_type = PT_LOAD;
	e->ph[0].p_offset = 0;
	e->ph[0].p_vaddr = e->ph[0].p_paddr = BASE;
	e->ph[0].p_filesz = sizeof(*e);
	e->ph[0].p_memsz = sizeof(*e) + 8192;	/* some .bss */
	e->ph[0].p_flags = PF_R | PF_X;
	e->ph[0].p_align = PAGE_SIZE;
	e->code[0] = 0xf4;	/* hlt: never run, only loaded */
}

/* Load data into a fresh mm; free it again. Returns the loader's verdict. */
static int try_load(const void *data, size_t size, struct elf_load_info *info)
{
	struct mm_struct *mm = mm_alloc();
	int err;

	if (!mm)
		return -ENOMEM;
	err = load_elf_binary(mm, data, size, info);
	mmput(mm);
	return err;
}

KTEST(elf, valid_tiny_executable)
{
	static struct tiny_elf e;
	struct elf_load_info info;
	unsigned long before = nr_free_pages();

	make_tiny(&e);
	KT_ASSERT(try_load(&e, sizeof(e), &info) == 0);
	KT_EXPECT_EQ(info.entry, BASE + CODE);
	KT_EXPECT_EQ(info.phdr, BASE + sizeof(Elf32_Ehdr));
	KT_EXPECT_EQ(info.phnum, 1);
	KT_EXPECT_EQ(info.end, ALIGN_UP(BASE + sizeof(e) + 8192, PAGE_SIZE));
	KT_EXPECT_EQ(nr_free_pages(), before);
}

KTEST(elf, contents_and_bss)
{
	static struct tiny_elf e;
	struct mm_struct *mm = mm_alloc();
	struct elf_load_info info;
	phys_addr_t code, bss;

	KT_ASSERT(mm);
	make_tiny(&e);
	KT_EXPECT_EQ(load_elf_binary(mm, (const u8 *)&e, sizeof(e), &info), 0);
	code = mm_populate_page(mm, BASE);
	bss = mm_populate_page(mm, BASE + PAGE_SIZE);
	KT_EXPECT(code && bss);
	if (code)
		KT_EXPECT(!memcmp(__va(code), &e, sizeof(e)));
	if (bss)
		KT_EXPECT_EQ(((u32 *)__va(bss))[7], 0);
	mmput(mm);
}

/* One damage to the tiny executable, and the size to load it with. */
struct damage {
	const char *what;
	void (*apply)(struct tiny_elf *e, size_t *size);
};

static void d_magic(struct tiny_elf *e, size_t *s) { e->eh.e_ident[1] = 'X'; }
static void d_class(struct tiny_elf *e, size_t *s) { e->eh.e_ident[EI_CLASS] = ELFCLASS64; }
static void d_endian(struct tiny_elf *e, size_t *s) { e->eh.e_ident[EI_DATA] = ELFDATA2MSB; }
static void d_version(struct tiny_elf *e, size_t *s) { e->eh.e_version = 2; }
static void d_machine(struct tiny_elf *e, size_t *s) { e->eh.e_machine = EM_X86_64; }
static void d_type(struct tiny_elf *e, size_t *s) { e->eh.e_type = ET_REL; }
static void d_dyn(struct tiny_elf *e, size_t *s) { e->eh.e_type = ET_DYN; }
static void d_phentsize(struct tiny_elf *e, size_t *s) { e->eh.e_phentsize = 16; }
static void d_phnum0(struct tiny_elf *e, size_t *s) { e->eh.e_phnum = 0; }
static void d_phnum_huge(struct tiny_elf *e, size_t *s) { e->eh.e_phnum = 0xffff; }
static void d_phoff_past(struct tiny_elf *e, size_t *s) { e->eh.e_phoff = sizeof(*e) - 8; }
static void d_phoff_wrap(struct tiny_elf *e, size_t *s) { e->eh.e_phoff = 0xfffffff0; }
static void d_truncated(struct tiny_elf *e, size_t *s) { *s = sizeof(Elf32_Ehdr) - 1; }
static void d_filesz_gt_memsz(struct tiny_elf *e, size_t *s) { e->ph[0].p_memsz = 16; }
static void d_filesz_past(struct tiny_elf *e, size_t *s) { e->ph[0].p_filesz = sizeof(*e) + 1; e->ph[0].p_memsz = 1 << 20; }
static void d_offset_wrap(struct tiny_elf *e, size_t *s) { e->ph[0].p_offset = 0xfffff000; e->ph[0].p_vaddr = 0x08048000 + 0xfffff000; }
static void d_kernel_half(struct tiny_elf *e, size_t *s) { e->ph[0].p_vaddr = 0xC0100000; }
static void d_vaddr_wrap(struct tiny_elf *e, size_t *s) { e->ph[0].p_vaddr = 0xfffff000; e->ph[0].p_memsz = 0x2000; }
static void d_page_zero(struct tiny_elf *e, size_t *s) { e->ph[0].p_vaddr = 0; }
static void d_congruence(struct tiny_elf *e, size_t *s) { e->ph[0].p_vaddr = BASE + 4; }
static void d_no_load(struct tiny_elf *e, size_t *s) { e->ph[0].p_type = PT_NOTE; }
static void d_interp(struct tiny_elf *e, size_t *s) { e->ph[0].p_type = PT_INTERP; }
static void d_overlap(struct tiny_elf *e, size_t *s)
{
	e->eh.e_phnum = 2;
	e->ph[1] = e->ph[0];
	e->ph[1].p_vaddr = BASE + PAGE_SIZE;	/* starts inside ph[0]'s memory */
	e->ph[1].p_offset = 0;
	e->ph[1].p_filesz = 0;
}

static const struct damage damages[] = {
	{ "bad magic", d_magic }, { "ELFCLASS64", d_class },
	{ "big-endian", d_endian }, { "e_version 2", d_version },
	{ "EM_X86_64", d_machine }, { "ET_REL", d_type },
	{ "ET_DYN", d_dyn }, { "e_phentsize 16", d_phentsize },
	{ "no program headers", d_phnum0 }, { "e_phnum 65535", d_phnum_huge },
	{ "phdrs past the end", d_phoff_past },
	{ "e_phoff wraps", d_phoff_wrap }, { "truncated header", d_truncated },
	{ "p_filesz > p_memsz", d_filesz_gt_memsz },
	{ "p_filesz past the end", d_filesz_past },
	{ "p_offset wraps", d_offset_wrap },
	{ "segment in the kernel half", d_kernel_half },
	{ "segment wraps around 4 GiB", d_vaddr_wrap },
	{ "segment at page 0", d_page_zero },
	{ "p_vaddr, p_offset not congruent", d_congruence },
	{ "no PT_LOAD", d_no_load }, { "PT_INTERP", d_interp },
	{ "overlapping segments", d_overlap },
};

KTEST(elf, damaged_files_refused)
{
	static struct tiny_elf e;
	struct elf_load_info info;
	unsigned long before = nr_free_pages();

	for (unsigned i = 0; i < ARRAY_SIZE(damages); i++) {
		size_t size = sizeof(e);
		int err;

		make_tiny(&e);
		damages[i].apply(&e, &size);
		err = try_load(&e, size, &info);
		if (err != -ENOEXEC)
			ktest_fail(__FILE__, __LINE__, "%s: got %d, want -ENOEXEC",
				   damages[i].what, err);
	}
	KT_EXPECT_EQ(nr_free_pages(), before);
}

/* Every prefix of a valid file: refused or loaded, never a crash. */
KTEST(elf, every_truncation)
{
	static struct tiny_elf e;
	struct elf_load_info info;
	unsigned long before = nr_free_pages();

	make_tiny(&e);
	for (size_t size = 0; size < sizeof(e); size++)
		if (try_load(&e, size, &info) != -ENOEXEC)
			ktest_fail(__FILE__, __LINE__, "size %u loaded",
				   (unsigned)size);
	KT_EXPECT_EQ(nr_free_pages(), before);
}
