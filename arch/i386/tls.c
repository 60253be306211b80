/*
 * Thread-local storage descriptors: set_thread_area (243) and
 * get_thread_area (244), Linux's semantics and checks (arch/x86/kernel/
 * tls.c). Each task owns three GDT entries' worth of descriptors
 * (GDT_ENTRY_TLS_MIN..MAX); load_tls() copies them into the GDT when the
 * task is switched in, so %gs = (entry << 3) | 3 reaches its own TCB.
 */
#include <asm/desc.h>
#include <asm/ldt.h>
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

void load_tls(const struct thread_struct *t)
{
	for (int i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		gdt[GDT_ENTRY_TLS_MIN + i] = t->tls_array[i];
}

/* The descriptor user_desc "deletes" an entry with (either form). */
static bool ldt_empty(const struct user_desc *u)
{
	return !u->base_addr && !u->limit && !u->contents &&
	       u->read_exec_only && !u->seg_32bit && !u->limit_in_pages &&
	       u->seg_not_present && !u->useable;
}

static bool ldt_zero(const struct user_desc *u)
{
	return !u->base_addr && !u->limit && !u->contents &&
	       !u->read_exec_only && !u->seg_32bit && !u->limit_in_pages &&
	       !u->seg_not_present && !u->useable;
}

/* Linux's tls_desc_okay: 32-bit, present data segments only. */
static bool tls_desc_okay(const struct user_desc *u)
{
	if (ldt_empty(u) || ldt_zero(u))
		return true;
	return u->seg_32bit && u->contents <= 1 && !u->seg_not_present;
}

static void fill_desc(struct desc_struct *d, const struct user_desc *u)
{
	u8 type;

	if (ldt_empty(u) || ldt_zero(u)) {
		memset(d, 0, sizeof(*d));
		return;
	}
	/* writable unless read_exec_only; "accessed" preset, as Linux */
	type = ((u->read_exec_only ^ 1) << 1) | (u->contents << 2) | 1;
	d->limit0 = u->limit & 0xffff;
	d->base0 = u->base_addr & 0xffff;
	d->base1 = (u->base_addr >> 16) & 0xff;
	d->access = ((u->seg_not_present ^ 1) << 7) | (3 << 5) | (1 << 4) |
		    type;
	d->limit1_flags = ((u->limit >> 16) & 0x0f) |
			  (u->limit_in_pages << 7) | (u->seg_32bit << 6) |
			  (u->useable << 4);
	d->base2 = u->base_addr >> 24;
}

static void fill_user_desc(struct user_desc *u, int idx,
			   const struct desc_struct *d)
{
	memset(u, 0, sizeof(*u));
	u->entry_number = idx;
	u->base_addr = d->base0 | (d->base1 << 16) | ((u32)d->base2 << 24);
	u->limit = d->limit0 | ((d->limit1_flags & 0x0f) << 16);
	u->seg_32bit = (d->limit1_flags >> 6) & 1;
	u->contents = (d->access >> 2) & 3;
	u->read_exec_only = !(d->access & 2);
	u->limit_in_pages = (d->limit1_flags >> 7) & 1;
	u->seg_not_present = !(d->access & 0x80);
	u->useable = (d->limit1_flags >> 4) & 1;
}

static bool desc_empty(const struct desc_struct *d)
{
	static const struct desc_struct zero;

	return !memcmp(d, &zero, sizeof(zero));
}

int do_set_thread_area(struct task_struct *t,
		       struct user_desc __user *u_info, bool can_allocate)
{
	struct thread_struct *th = &t->thread;
	struct user_desc info;
	int idx;

	if (copy_from_user(&info, u_info, sizeof(info)))
		return -EFAULT;
	if (!tls_desc_okay(&info))
		return -EINVAL;
	idx = info.entry_number;
	if (idx == -1 && can_allocate) {
		for (idx = 0; idx < GDT_ENTRY_TLS_ENTRIES; idx++)
			if (desc_empty(&th->tls_array[idx]))
				break;
		if (idx == GDT_ENTRY_TLS_ENTRIES)
			return -ESRCH;
		idx += GDT_ENTRY_TLS_MIN;
		if (put_user_u32(idx, &u_info->entry_number))
			return -EFAULT;
	}
	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	fill_desc(&th->tls_array[idx - GDT_ENTRY_TLS_MIN], &info);
	if (t == current)
		load_tls(th);
	return 0;
}

long sys_set_thread_area(struct user_desc __user *u_info)
{
	return do_set_thread_area(current, u_info, true);
}

long sys_get_thread_area(struct user_desc __user *u_info)
{
	struct user_desc info;
	u32 idx;

	if (get_user_u32(&idx, &u_info->entry_number))
		return -EFAULT;
	if ((int)idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	fill_user_desc(&info, idx,
		       &current->thread.tls_array[idx - GDT_ENTRY_TLS_MIN]);
	if (copy_to_user(u_info, &info, sizeof(info)))
		return -EFAULT;
	return 0;
}
