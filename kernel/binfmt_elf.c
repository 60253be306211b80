/*
 * The ELF loader: 32-bit little-endian i386 executables (ET_EXEC), static
 * only. The file is untrusted: every header field and segment bound is
 * checked, with overflow-safe arithmetic, before anything is mapped.
 * Segments become VMAs; their pages are filled from the file now (zero
 * past p_filesz), so the program never faults on its own image.
 */
#include <linux/elf.h>
#include <kernel/errno.h>
#include <kernel/exec.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define MAX_PHNUM	64

static int bad(const char *why)
{
	pr_warn("exec: not a loadable i386 ELF executable: %s\n", why);
	return -ENOEXEC;
}

/* [off, off + len) lies inside a file of size bytes (no wrap-around). */
static bool in_file(u32 off, u32 len, size_t size)
{
	return off <= size && len <= size - off;
}

static int check_header(const Elf32_Ehdr *eh, size_t size)
{
	if (size < sizeof(*eh))
		return bad("shorter than an ELF header");
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return bad("no ELF magic");
	if (eh->e_ident[EI_CLASS] != ELFCLASS32)
		return bad("not ELFCLASS32");
	if (eh->e_ident[EI_DATA] != ELFDATA2LSB)
		return bad("not little-endian");
	if (eh->e_ident[EI_VERSION] != EV_CURRENT || eh->e_version != EV_CURRENT)
		return bad("unknown ELF version");
	if (eh->e_machine != EM_386)
		return bad("not EM_386");
	if (eh->e_type != ET_EXEC)
		return bad("not ET_EXEC (static executables only)");
	if (eh->e_phentsize != sizeof(Elf32_Phdr))
		return bad("odd e_phentsize");
	if (eh->e_phnum == 0 || eh->e_phnum > MAX_PHNUM)
		return bad("e_phnum out of range");
	if (!in_file(eh->e_phoff, eh->e_phnum * sizeof(Elf32_Phdr), size))
		return bad("program headers past the end of the file");
	if (eh->e_phoff % 4)
		return bad("misaligned program headers");
	return 0;
}

static int check_load(const Elf32_Phdr *ph, size_t size, unsigned long limit,
		      unsigned long prev_end)
{
	if (ph->p_filesz > ph->p_memsz)
		return bad("p_filesz > p_memsz");
	if (!in_file(ph->p_offset, ph->p_filesz, size))
		return bad("segment past the end of the file");
	if (ph->p_vaddr < PAGE_SIZE || ph->p_memsz > limit ||
	    ph->p_vaddr > limit - ph->p_memsz)
		return bad("segment outside user space");
	if ((ph->p_vaddr - ph->p_offset) % PAGE_SIZE)
		return bad("p_vaddr and p_offset not congruent modulo the page size");
	if (ph->p_vaddr < prev_end)
		return bad("PT_LOAD segments overlap or are out of order");
	return 0;
}

/* Map one checked PT_LOAD segment and copy its file bytes in. */
static int map_segment(struct mm_struct *mm, const Elf32_Phdr *ph,
		       const u8 *data, unsigned long prev_page_end)
{
	unsigned long start = ph->p_vaddr & PAGE_MASK;
	unsigned long end = ALIGN_UP(ph->p_vaddr + ph->p_memsz, PAGE_SIZE);
	unsigned long flags = (ph->p_flags & PF_R ? VM_READ : 0) |
			      (ph->p_flags & PF_W ? VM_WRITE : 0) |
			      (ph->p_flags & PF_X ? VM_EXEC : 0);
	int err;

	/* A segment may begin in the page where the previous one ends. */
	if (start < prev_page_end) {
		struct vm_area_struct *prev = find_vma(mm, start);
		pte_t *pte = lookup_pte(mm->pgd, start);

		/* The shared page gets the union of both permissions. */
		if (prev)
			prev->vm_flags |= flags;
		if (pte && (*pte & PTE_PRESENT) && (flags & VM_WRITE))
			*pte |= PTE_WRITE;
		start = prev_page_end;
	}
	if (start < end) {
		err = vma_insert(mm, start, end, flags);
		if (err)
			return err;
	}
	if (ph->p_filesz &&
	    mm_copy_to(mm, ph->p_vaddr, data + ph->p_offset, ph->p_filesz))
		return -ENOMEM;
	return 0;
}

int load_elf_binary(struct mm_struct *mm, const u8 *data, size_t size,
		    struct elf_load_info *info)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)data;
	const Elf32_Phdr *ph;
	unsigned long limit = user_stack_top(), prev_end = 0, page_end = 0;
	int loads = 0, err;

	err = check_header(eh, size);
	if (err)
		return err;
	ph = (const Elf32_Phdr *)(data + eh->e_phoff);
	info->phdr = 0;
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_INTERP)
			return bad("dynamically linked (PT_INTERP)");
		if (ph[i].p_type != PT_LOAD)
			continue;
		err = check_load(&ph[i], size, limit, prev_end);
		if (err)
			return err;
		prev_end = ph[i].p_vaddr + ph[i].p_memsz;
		/* AT_PHDR: the headers' address, if a segment maps them. */
		if (eh->e_phoff >= ph[i].p_offset &&
		    eh->e_phoff - ph[i].p_offset < ph[i].p_filesz)
			info->phdr = ph[i].p_vaddr + eh->e_phoff - ph[i].p_offset;
		loads++;
	}
	if (!loads)
		return bad("no PT_LOAD segment");
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		err = map_segment(mm, &ph[i], data, page_end);
		if (err)
			return err;
		page_end = ALIGN_UP(ph[i].p_vaddr + ph[i].p_memsz, PAGE_SIZE);
	}
	info->entry = eh->e_entry;
	info->phent = eh->e_phentsize;
	info->phnum = eh->e_phnum;
	info->end = page_end;
	return 0;
}
