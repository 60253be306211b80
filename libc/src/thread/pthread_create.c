#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/mman.h>
#include <asm/ldt.h>
#include "pthread_impl.h"

#define PAGE		4096

/* A thread of this process: same memory, files, cwd, signal handlers
 * and SysV undo list; its own TLS descriptor; its id stored in the TCB
 * at creation and cleared (with a futex wake) when it is gone. */
#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS | \
			 CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

#define ROUND_UP(x, a)	(((x) + (a) - 1) & ~(size_t)((a) - 1))

/* clone's fn in the new thread, whose %gs is already its own TCB: run
 * the thread's function and exit with its value. */
static int
start(void *p)
{
	struct tcb *self = p;

	pthread_exit(self->start(self->arg));
}

/* The GDT index of the calling thread's %gs: every thread's TLS
 * descriptor uses that slot (the kernel loads each thread's own
 * descriptor into it when switching), so %gs never changes. */
static unsigned
gs_entry(void)
{
	unsigned short gs;

	__asm__("movw %%gs, %0" : "=r"(gs));
	return gs >> 3;
}

/*
 * Start fn(arg) in a new thread; *thread = its id. The thread's stack,
 * TLS block and TCB are one fresh mapping (pthread_impl.h), with a
 * PROT_NONE guard page under the stack. The TCB copies the creator's
 * sysinfo (so `call *%gs:0x10` works at once), stack guard and pointer
 * guard. Returns 0, EINVAL for a bad attribute, EAGAIN when memory or
 * the kernel's task limit runs out, or the kernel's error.
 */
int
pthread_create(pthread_t *restrict thread, const pthread_attr_t *restrict attr,
	       void *(*fn)(void *), void *restrict arg)
{
	struct tcb *self = __tcb(), *t;
	size_t stack = attr ? attr->__stacksize : PTHREAD_STACK_DEFAULT;
	size_t top = __tls_image.size + sizeof(struct tcb) + __tls_image.align;
	size_t size;
	unsigned char *map;
	struct user_desc d;
	uintptr_t tp;
	int saved_errno = errno, err;

	if (stack < PTHREAD_STACK_MIN || stack > ((size_t)-1) / 2)
		return EINVAL;
	size = PAGE + ROUND_UP(stack, PAGE) + ROUND_UP(top, PAGE);
	map = mmap(NULL, size, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		goto fail;
	if (mprotect(map, PAGE, PROT_NONE))
		goto fail_unmap;

	/* TCB at the top, aligned; the TLS block right under it (variant
	 * II); the mapping is zeroed, which covers .tbss and the TCB. */
	tp = ((uintptr_t)map + size - sizeof(struct tcb)) & -(uintptr_t)__tls_image.align;
	if (__tls_image.filesz)
		memcpy((void *)(tp - __tls_image.size), __tls_image.image,
		       __tls_image.filesz);
	t = (struct tcb *)tp;
	t->tcb = t;
	t->self = t;
	t->multiple_threads = 1;
	t->sysinfo = self->sysinfo;
	t->stack_guard = self->stack_guard;
	t->pointer_guard = self->pointer_guard;
	t->start = fn;
	t->arg = arg;
	t->map_base = map;
	t->map_size = size;

	memset(&d, 0, sizeof d);
	d.entry_number = gs_entry();
	d.base_addr = tp;
	d.limit = 0xfffff;
	d.seg_32bit = 1;
	d.limit_in_pages = 1;
	d.useable = 1;

	self->multiple_threads = 1;
	__atomic_add_fetch(&__pthread_count, 1, __ATOMIC_SEQ_CST);
	/* The stack starts under the TLS block; clone aligns it. */
	if (clone(start, (void *)(tp - __tls_image.size), THREAD_FLAGS, t,
		  &t->tid, &d, &t->tid) < 0) {
		__atomic_sub_fetch(&__pthread_count, 1, __ATOMIC_SEQ_CST);
		goto fail_unmap;
	}
	*thread = (pthread_t)t;
	return 0;

fail_unmap:
	err = errno;
	munmap(map, size);
	errno = err;
fail:
	err = errno == ENOMEM ? EAGAIN : errno;
	errno = saved_errno;
	return err;
}
