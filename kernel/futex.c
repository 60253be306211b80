/*
 * futex(2), after Linux 6.1 (kernel/futex/syscalls.c, core.c,
 * waitwake.c): FUTEX_WAIT, FUTEX_WAKE, FUTEX_WAIT_BITSET and
 * FUTEX_WAKE_BITSET, each with or without FUTEX_PRIVATE_FLAG, and
 * FUTEX_CLOCK_REALTIME with FUTEX_WAIT_BITSET. The other operations
 * (FUTEX_REQUEUE, FUTEX_CMP_REQUEUE, FUTEX_WAKE_OP, the PI ones,
 * FUTEX_WAIT_REQUEUE_PI, ...) and unknown ones are -ENOSYS; an operation
 * that takes a timeout still has it checked first, as Linux does.
 *
 * Errors come in Linux's order: the timeout (-EFAULT, -EINVAL),
 * FUTEX_CLOCK_REALTIME on an operation that does not take it (-ENOSYS;
 * 6.1 allows it with FUTEX_WAIT_BITSET only, no longer with FUTEX_WAIT),
 * a zero bitset (-EINVAL), the address (-EINVAL unaligned, -EFAULT
 * outside user space or, for a shared key, unmapped), and for a wait the
 * word itself (-EFAULT, then -EAGAIN if it differs from val). A private
 * wake never reads memory, so it is 0 even on an unmapped address.
 *
 * Waiters sit in a hash table of FIFO lists, keyed as include/kernel/
 * futex.h describes. With one CPU and no kernel preemption, nothing can
 * run between a waiter's check of the word and its sleep unless it gives
 * up the CPU; interrupts are off across both anyway, so no wake can fall
 * in between. A waker takes the waiter off the list and marks it woken
 * before making it runnable, so the waiter knows it was woken whatever
 * else woke it meanwhile (it sleeps on through any other wake-up).
 *
 * Timeouts are tick-granular deadlines (HZ). FUTEX_WAIT's is relative:
 * it is rounded up to whole ticks plus one (the current tick is partly
 * gone), like nanosleep. FUTEX_WAIT_BITSET's is absolute on
 * CLOCK_MONOTONIC, or CLOCK_REALTIME with FUTEX_CLOCK_REALTIME; both
 * clocks move in whole ticks, so the deadline is the first tick at which
 * the clock reads at least the timeout.
 */
#include <asm/irq.h>
#include <asm/timer.h>
#include <linux/futex.h>
#include <linux/time.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/futex.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>

#define FUTEX_HASH_BITS		6
#define FUTEX_HASH_SIZE		(1 << FUTEX_HASH_BITS)

/* Each bucket: its waiters, oldest first. */
static struct futex_q *futex_hash[FUTEX_HASH_SIZE];

/* The bucket a key hashes to (every field counts). */
static struct futex_q **futex_bucket(const struct futex_key *key)
{
	u32 h = (u32)key->addr ^ ((u32)(uintptr_t)key->mm >> 3) ^ key->type;

	return &futex_hash[(h * 0x9e3779b9u) >> (32 - FUTEX_HASH_BITS)];
}

bool futex_key_equal(const struct futex_key *a, const struct futex_key *b)
{
	return a->type == b->type && a->mm == b->mm && a->addr == b->addr;
}

int futex_get_key(struct mm_struct *mm, unsigned long uaddr, bool shared,
		  struct futex_key *key)
{
	struct vm_area_struct *vma;
	phys_addr_t frame;

	if (uaddr % sizeof(u32))
		return -EINVAL;
	if (!access_ok((const void __user *)uaddr, sizeof(u32)))
		return -EFAULT;
	if (!shared) {
		*key = (struct futex_key){ FUTEX_KEY_PRIVATE, mm, uaddr };
		return 0;
	}
	/* Linux looks the page up (get_user_pages), faulting it in. */
	vma = mm ? find_vma(mm, uaddr) : NULL;
	if (!vma)
		return -EFAULT;
	frame = user_page(mm, uaddr, false);
	if (!frame)
		return -EFAULT;
	if ((vma->vm_flags & VM_SHARED) || !(vma->vm_flags & VM_WRITE))
		*key = (struct futex_key){ FUTEX_KEY_FRAME, NULL,
					   frame | (uaddr & ~PAGE_MASK) };
	else
		*key = (struct futex_key){ FUTEX_KEY_MM, mm, uaddr };
	return 0;
}

void futex_queue(struct futex_q *q)
{
	unsigned long flags = local_irq_save();
	struct futex_q **p = futex_bucket(&q->key);

	while (*p)
		p = &(*p)->next;
	q->woken = false;
	q->next = NULL;
	*p = q;
	local_irq_restore(flags);
}

bool futex_unqueue(struct futex_q *q)
{
	unsigned long flags = local_irq_save();
	bool found = false;

	for (struct futex_q **p = futex_bucket(&q->key); *p; p = &(*p)->next) {
		if (*p == q) {
			*p = q->next;
			q->next = NULL;
			found = true;
			break;
		}
	}
	local_irq_restore(flags);
	return found;
}

int futex_wake_key(const struct futex_key *key, int nr, u32 bitset)
{
	unsigned long flags = local_irq_save();
	struct futex_q **p = futex_bucket(key), *q;
	int woken = 0;

	while ((q = *p)) {
		if (!futex_key_equal(&q->key, key) || !(q->bitset & bitset)) {
			p = &q->next;
			continue;
		}
		*p = q->next;
		q->next = NULL;
		q->woken = true;
		wake_up_process(q->task);
		if (++woken >= nr)
			break;
	}
	local_irq_restore(flags);
	return woken;
}

int futex_nr_waiters(void)
{
	unsigned long flags = local_irq_save();
	int n = 0;

	for (int i = 0; i < FUTEX_HASH_SIZE; i++)
		for (struct futex_q *q = futex_hash[i]; q; q = q->next)
			n++;
	local_irq_restore(flags);
	return n;
}

int futex_sleep(struct futex_q *q, const struct futex_timeout *to)
{
	unsigned long flags = local_irq_save();
	int ret;

	for (;;) {
		if (q->woken) {
			ret = 0;
			break;
		}
		/* A signal (or exit_group by another thread): leave. */
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		if (to->set && time_after_eq(jiffies, to->deadline)) {
			ret = -ETIMEDOUT;
			break;
		}
		current->state = TASK_INTERRUPTIBLE;
		/* 0 means "no deadline" to the scheduler: one tick late then. */
		current->wakeup_jiffies = to->set ? (to->deadline ?: 1) : 0;
		schedule();
	}
	current->state = TASK_RUNNING;
	current->wakeup_jiffies = 0;
	if (!q->woken)
		futex_unqueue(q);
	local_irq_restore(flags);
	return ret;
}

/*
 * Linux's futex_init_timeout: check *ts, then turn it into a deadline.
 * FUTEX_WAIT: relative; otherwise absolute on the operation's clock.
 */
static int futex_init_timeout(int cmd, int op, const struct timespec *ts,
			      struct futex_timeout *to)
{
	struct kernel_clock now;
	unsigned long flags, j, ticks;
	s32 sec, nsec;

	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	to->set = true;
	/* The clock reading and the tick count it comes from, together. */
	flags = local_irq_save();
	j = jiffies;
	if (cmd == FUTEX_WAIT) {
		ticks = timespec_to_ticks(ts->tv_sec, ts->tv_nsec);
		/* A zero timeout has passed already; else one more tick. */
		to->deadline = ticks ? j + ticks + 1 : j;
	} else {
		kernel_clock_get(op & FUTEX_CLOCK_REALTIME ? CLOCK_REALTIME :
				 CLOCK_MONOTONIC, &now);
		sec = ts->tv_sec - (s32)now.sec;
		nsec = ts->tv_nsec - (s32)now.nsec;
		if ((u32)ts->tv_sec < now.sec)
			sec = -1;	/* also when now.sec is past 2^31 */
		if (nsec < 0) {
			nsec += NSEC_PER_SEC;
			sec--;
		}
		to->deadline = sec < 0 ? j : j + timespec_to_ticks(sec, nsec);
	}
	local_irq_restore(flags);
	return 0;
}

/* Linux's futex_cmd_has_timeout: the operations whose 4th argument is one. */
static bool futex_cmd_has_timeout(int cmd)
{
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
	case FUTEX_WAIT_BITSET:
	case FUTEX_WAIT_REQUEUE_PI:
		return true;
	}
	return false;
}

static long futex_wait_restart(struct restart_block *r);

/* FUTEX_WAIT(_BITSET): sleep if the word still holds val. */
static long futex_wait(u32 __user *uaddr, bool shared, u32 val,
		       const struct futex_timeout *to, u32 bitset)
{
	struct futex_q q = { .bitset = bitset, .task = current };
	unsigned long flags;
	u32 uval;
	int err;

	if (!bitset)
		return -EINVAL;
	err = futex_get_key(current->mm, (unsigned long)uaddr, shared, &q.key);
	if (err)
		return err;
	/* From the check to the sleep, no wake-up can come between. */
	flags = local_irq_save();
	if (get_user_u32(&uval, uaddr)) {
		err = -EFAULT;
	} else if (uval != val) {
		err = -EAGAIN;
	} else {
		futex_queue(&q);
		err = futex_sleep(&q, to);
	}
	local_irq_restore(flags);
	/* Interrupted with a timeout: a restart (no handler ran) goes on to
	 * the same deadline, as Linux's futex_wait_restart. */
	if (err == -ERESTARTSYS && to->set) {
		struct restart_block *r = &current->restart_block;

		r->fn = futex_wait_restart;
		r->uaddr = uaddr;
		r->val = val;
		r->bitset = bitset;
		r->shared = shared;
		r->expires = to->deadline;
		err = -ERESTART_RESTARTBLOCK;
	}
	return err;
}

static long futex_wait_restart(struct restart_block *r)
{
	struct futex_timeout to = { true, r->expires };

	return futex_wait(r->uaddr, r->shared, r->val, &to, r->bitset);
}

/* FUTEX_WAKE(_BITSET). */
static long futex_wake_bitset(u32 __user *uaddr, bool shared, int nr,
			      u32 bitset)
{
	struct futex_key key;
	int err;

	if (!bitset)
		return -EINVAL;
	err = futex_get_key(current->mm, (unsigned long)uaddr, shared, &key);
	if (err)
		return err;
	return futex_wake_key(&key, nr, bitset);
}

int futex_wake(u32 __user *uaddr, bool private, int nr)
{
	return futex_wake_bitset(uaddr, !private, nr, FUTEX_BITSET_MATCH_ANY);
}

/*
 * futex(2), number 240 on i386: Linux's sys_futex_time32 (the timeout is
 * a 32-bit struct timespec; for FUTEX_WAKE the slot is an unread value).
 */
long sys_futex(u32 __user *uaddr, int op, u32 val,
	       const struct timespec __user *utime, u32 __user *uaddr2,
	       u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	bool shared = !(op & FUTEX_PRIVATE_FLAG);
	struct futex_timeout to = { false, 0 };
	struct timespec ts;
	int err;

	if (utime && futex_cmd_has_timeout(cmd)) {
		if (copy_from_user(&ts, utime, sizeof(ts)))
			return -EFAULT;
		err = futex_init_timeout(cmd, op, &ts, &to);
		if (err)
			return err;
	}
	if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET &&
	    cmd != FUTEX_WAIT_REQUEUE_PI && cmd != FUTEX_LOCK_PI2)
		return -ENOSYS;

	switch (cmd) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, shared, val, &to,
				  FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, shared, val, &to, val3);
	case FUTEX_WAKE:
		return futex_wake_bitset(uaddr, shared, val,
					 FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_wake_bitset(uaddr, shared, val, val3);
	}
	/* Requeueing, WAKE_OP, priority inheritance: not here yet. */
	return -ENOSYS;
}
