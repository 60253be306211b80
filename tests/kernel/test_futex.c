/*
 * Tests for futexes (kernel/futex.c): key computation for private and
 * shared words (one shared frame mapped in two address spaces meets,
 * private mappings do not), waking by key and bitset with counts and
 * FIFO order, a kernel task really sleeping and being woken, timed out
 * or told its group exits, and sys_futex's errors in Linux's order,
 * called from a task given a user address space for the occasion.
 * Every test frees all it takes and leaves no waiter queued.
 */
#include <asm/irq.h>
#include <asm/timer.h>
#include <linux/futex.h>
#include <linux/time.h>
#include <kernel/errno.h>
#include <kernel/futex.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>

#define PRIV_VA		0x08000000UL	/* private, writable: 2 pages */
#define SHARED_VA	0x08100000UL	/* MAP_SHARED-like, writable */
#define RO_VA		0x08200000UL	/* private, read-only */
#define HOLE_VA		0x08300000UL	/* nothing mapped */
#define SHARED2_VA	0x08400000UL	/* shared too, empty until mapped */
#define ANY		FUTEX_BITSET_MATCH_ANY

/* An address space with the three mappings above, or NULL. */
static struct mm_struct *test_mm(void)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	if (vma_insert(mm, PRIV_VA, PRIV_VA + 2 * PAGE_SIZE,
		       VM_READ | VM_WRITE) ||
	    vma_insert(mm, SHARED_VA, SHARED_VA + PAGE_SIZE,
		       VM_READ | VM_WRITE | VM_SHARED) ||
	    vma_insert(mm, RO_VA, RO_VA + PAGE_SIZE, VM_READ) ||
	    vma_insert(mm, SHARED2_VA, SHARED2_VA + PAGE_SIZE,
		       VM_READ | VM_WRITE | VM_SHARED)) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/* The frame mapped at va in mm, or 0. */
static phys_addr_t frame_at(struct mm_struct *mm, unsigned long va)
{
	pte_t *pte = lookup_pte(mm->pgd, va & PAGE_MASK);

	return pte && (*pte & PTE_PRESENT) ? *pte & PAGE_MASK : 0;
}

KTEST(futex, key_checks_address)
{
	struct futex_key k;

	KT_EXPECT_EQ(futex_get_key(NULL, 0x1002, false, &k), -EINVAL);
	KT_EXPECT_EQ(futex_get_key(NULL, 0x1001, true, &k), -EINVAL);
	/* Alignment comes first, as in Linux's get_futex_key. */
	KT_EXPECT_EQ(futex_get_key(NULL, 0xc0000002, false, &k), -EINVAL);
	KT_EXPECT_EQ(futex_get_key(NULL, 0xc0000000, false, &k), -EFAULT);
	KT_EXPECT_EQ(futex_get_key(NULL, 0xfffffffc, true, &k), -EFAULT);
	KT_EXPECT_EQ(futex_get_key(NULL, TASK_SIZE - 4, false, &k), 0);
	/* A shared key needs a mapping; a private one never looks. */
	KT_EXPECT_EQ(futex_get_key(NULL, 0x1000, true, &k), -EFAULT);
	KT_EXPECT_EQ(futex_get_key(NULL, 0, false, &k), 0);
}

KTEST(futex, key_private)
{
	struct mm_struct *a = (struct mm_struct *)0x1000;
	struct mm_struct *b = (struct mm_struct *)0x2000;
	struct futex_key k1, k2;

	KT_ASSERT(!futex_get_key(a, PRIV_VA + 8, false, &k1));
	KT_EXPECT_EQ(k1.type, FUTEX_KEY_PRIVATE);
	KT_EXPECT(k1.mm == a);
	KT_EXPECT_EQ(k1.addr, PRIV_VA + 8);
	KT_ASSERT(!futex_get_key(a, PRIV_VA + 8, false, &k2));
	KT_EXPECT(futex_key_equal(&k1, &k2));
	KT_ASSERT(!futex_get_key(b, PRIV_VA + 8, false, &k2));
	KT_EXPECT(!futex_key_equal(&k1, &k2));
	KT_ASSERT(!futex_get_key(a, PRIV_VA + 12, false, &k2));
	KT_EXPECT(!futex_key_equal(&k1, &k2));
}

KTEST(futex, key_shared)
{
	unsigned long start = nr_free_pages();
	struct mm_struct *mm = test_mm(), *other = test_mm();
	struct futex_key k1, k2;
	phys_addr_t frame;

	KT_ASSERT(mm && other);
	/* A writable private page: (mm, address), faulted in, not private. */
	KT_EXPECT_EQ(futex_get_key(mm, PRIV_VA + PAGE_SIZE + 8, true, &k1), 0);
	KT_EXPECT_EQ(k1.type, FUTEX_KEY_MM);
	KT_EXPECT(k1.mm == mm);
	KT_EXPECT_EQ(k1.addr, PRIV_VA + PAGE_SIZE + 8);
	KT_EXPECT(frame_at(mm, PRIV_VA + PAGE_SIZE));
	KT_EXPECT_EQ(futex_get_key(mm, PRIV_VA + PAGE_SIZE + 8, false, &k2), 0);
	KT_EXPECT(!futex_key_equal(&k1, &k2));
	KT_EXPECT_EQ(futex_get_key(other, PRIV_VA + PAGE_SIZE + 8, true, &k2),
		     0);
	KT_EXPECT(!futex_key_equal(&k1, &k2));

	/* A shared page: the frame, wherever it is mapped. */
	KT_EXPECT_EQ(futex_get_key(mm, SHARED_VA + 0x124, true, &k1), 0);
	frame = frame_at(mm, SHARED_VA);
	KT_ASSERT(frame);
	KT_EXPECT_EQ(k1.type, FUTEX_KEY_FRAME);
	KT_EXPECT(k1.mm == NULL);
	KT_EXPECT_EQ(k1.addr, frame + 0x124);
	/* The same frame in another address space, somewhere else. */
	KT_ASSERT(page_ref_inc(frame) == 2);
	if (map_page(other->pgd, SHARED2_VA, frame, PTE_USER | PTE_WRITE))
		free_page(frame);
	KT_EXPECT_EQ(futex_get_key(other, SHARED2_VA + 0x124, true, &k2), 0);
	KT_EXPECT(futex_key_equal(&k1, &k2));
	/* ... but a private key there is the other mm's own. */
	KT_EXPECT_EQ(futex_get_key(other, SHARED2_VA + 0x124, false, &k2), 0);
	KT_EXPECT(!futex_key_equal(&k1, &k2));

	/* A read-only private page: the frame too (Linux: the file page). */
	KT_EXPECT_EQ(futex_get_key(mm, RO_VA + 4, true, &k1), 0);
	KT_EXPECT_EQ(k1.type, FUTEX_KEY_FRAME);
	KT_EXPECT_EQ(k1.addr, frame_at(mm, RO_VA) + 4);

	KT_EXPECT_EQ(futex_get_key(mm, HOLE_VA, true, &k1), -EFAULT);
	KT_EXPECT_EQ(futex_get_key(mm, HOLE_VA, false, &k1), 0);
	mmput(mm);
	mmput(other);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

/* A task that is never scheduled, for waiters that only get marked. */
static struct task_struct *idle_task(void)
{
	struct task_struct *t = alloc_task("futex-fake");

	if (t)
		t->state = TASK_INTERRUPTIBLE;
	return t;
}

/* Queue q for key and bitset on behalf of t. */
static void fake_waiter(struct futex_q *q, const struct futex_key *key,
			u32 bitset, struct task_struct *t)
{
	q->key = *key;
	q->bitset = bitset;
	q->task = t;
	futex_queue(q);
}

KTEST(futex, wake_nobody)
{
	struct futex_key k = { FUTEX_KEY_PRIVATE, NULL, PRIV_VA };

	KT_EXPECT_EQ(futex_nr_waiters(), 0);
	KT_EXPECT_EQ(futex_wake_key(&k, 1, ANY), 0);
	KT_EXPECT_EQ(futex_wake_key(&k, 0x7fffffff, ANY), 0);
	KT_EXPECT_EQ(futex_wake(NULL, true, 1), 0);
	KT_EXPECT_EQ(futex_wake((u32 __user *)PRIV_VA, true, 1), 0);
}

KTEST(futex, wake_matches_key_and_bitset)
{
	struct mm_struct *mm = (struct mm_struct *)0x1000;
	struct futex_key k = { FUTEX_KEY_PRIVATE, mm, PRIV_VA };
	struct futex_key k_mm = { FUTEX_KEY_MM, mm, PRIV_VA };
	struct futex_key k_next = { FUTEX_KEY_PRIVATE, mm, PRIV_VA + 4 };
	struct futex_key k_frame = { FUTEX_KEY_FRAME, NULL, PRIV_VA };
	struct futex_q q[6];
	struct task_struct *t[6];
	int i;

	for (i = 0; i < 6; i++)
		t[i] = idle_task();
	for (i = 0; i < 6; i++)
		if (!t[i])
			goto out;
	fake_waiter(&q[0], &k, 1, t[0]);
	fake_waiter(&q[1], &k, 2, t[1]);
	fake_waiter(&q[2], &k_mm, ANY, t[2]);
	fake_waiter(&q[3], &k_next, ANY, t[3]);
	fake_waiter(&q[4], &k_frame, ANY, t[4]);
	fake_waiter(&q[5], &k, ANY, t[5]);
	KT_EXPECT_EQ(futex_nr_waiters(), 6);

	/* Bit 0: q[0] and q[5]; q[1] wants bit 1 only. */
	KT_EXPECT_EQ(futex_wake_key(&k, 10, 1), 2);
	KT_EXPECT(q[0].woken && q[5].woken && !q[1].woken);
	KT_EXPECT_EQ(t[0]->state, TASK_RUNNING);
	KT_EXPECT_EQ(t[5]->state, TASK_RUNNING);
	KT_EXPECT_EQ(t[1]->state, TASK_INTERRUPTIBLE);
	/* Same mm and address, other type or word: never woken. */
	KT_EXPECT(!q[2].woken && !q[3].woken && !q[4].woken);
	KT_EXPECT_EQ(futex_wake_key(&k, 10, 4), 0);
	/* nr = 0 still wakes one, as Linux's futex_wake. */
	KT_EXPECT_EQ(futex_wake_key(&k, 0, ANY), 1);
	KT_EXPECT(q[1].woken);
	KT_EXPECT_EQ(futex_wake_key(&k, 1, ANY), 0);

	KT_EXPECT(!futex_unqueue(&q[0]));
	KT_EXPECT(futex_unqueue(&q[2]));
	KT_EXPECT(futex_unqueue(&q[3]));
	KT_EXPECT(futex_unqueue(&q[4]));
	KT_EXPECT(!futex_unqueue(&q[4]));
	KT_EXPECT_EQ(futex_nr_waiters(), 0);
out:
	for (i = 0; i < 6; i++)
		if (t[i])
			free_task(t[i]);
}

KTEST(futex, wake_oldest_first)
{
	struct futex_key k = { FUTEX_KEY_FRAME, NULL, 0x123000 };
	struct futex_q q[3];
	struct task_struct *t[3];
	int i;

	for (i = 0; i < 3; i++)
		t[i] = idle_task();
	for (i = 0; i < 3; i++)
		if (!t[i])
			goto out;
	for (i = 0; i < 3; i++)
		fake_waiter(&q[i], &k, ANY, t[i]);
	KT_EXPECT_EQ(futex_wake_key(&k, 1, ANY), 1);
	KT_EXPECT(q[0].woken && !q[1].woken && !q[2].woken);
	KT_EXPECT_EQ(futex_wake_key(&k, 1, ANY), 1);
	KT_EXPECT(q[1].woken && !q[2].woken);
	KT_EXPECT_EQ(futex_wake_key(&k, 5, ANY), 1);
	KT_EXPECT(q[2].woken);
	KT_EXPECT_EQ(futex_nr_waiters(), 0);
out:
	for (i = 0; i < 3; i++)
		if (t[i])
			free_task(t[i]);
}

/* ---- a kernel task that really sleeps in futex_sleep ---- */

static struct futex_q sleeper_q;
static struct futex_timeout sleeper_to;
static volatile int sleeper_ret;
static volatile bool sleeper_done;

/* The task's whole life: queue, sleep, report, become a zombie. */
static void sleeper_main(void)
{
	sleeper_q.task = current;
	futex_queue(&sleeper_q);
	sleeper_ret = futex_sleep(&sleeper_q, &sleeper_to);
	sleeper_done = true;
	local_irq_disable();
	current->state = TASK_ZOMBIE;
	schedule();
	panic("futex test task ran after it ended");
}

/* Start sleeper_main on a task of its own; it runs at the next schedule. */
static struct task_struct *start_sleeper(const struct futex_key *key,
					 const struct futex_timeout *to)
{
	struct task_struct *t = alloc_task("futex-sleeper");

	if (!t)
		return NULL;
	sleeper_q = (struct futex_q){ .key = *key, .bitset = ANY };
	sleeper_to = *to;
	sleeper_ret = 1;
	sleeper_done = false;
	/* switch_to "returns" into sleeper_main, whose stack is all its own. */
	t->thread.esp = (unsigned long)t->stack + THREAD_SIZE - 16;
	t->thread.eip = (unsigned long)sleeper_main;
	sched_add_task(t);
	return t;
}

/* Let the sleeper run until it has ended; then free it. */
static void finish_sleeper(struct task_struct *t)
{
	while (!sleeper_done)
		schedule();
	sched_remove_task(t);
	free_task(t);
}

KTEST(futex, sleeper_woken)
{
	struct futex_key k = { FUTEX_KEY_PRIVATE, NULL, PRIV_VA };
	struct futex_timeout none = { false, 0 };
	struct task_struct *t = start_sleeper(&k, &none);

	KT_ASSERT(t);
	schedule();		/* it queues itself and sleeps */
	KT_EXPECT_EQ(t->state, TASK_INTERRUPTIBLE);
	KT_EXPECT_EQ(futex_nr_waiters(), 1);
	/* A stray wake-up does not end the wait. */
	wake_up_process(t);
	schedule();
	KT_EXPECT(!sleeper_done);
	KT_EXPECT_EQ(t->state, TASK_INTERRUPTIBLE);
	KT_EXPECT_EQ(futex_wake_key(&k, 1, ANY), 1);
	KT_EXPECT_EQ(t->state, TASK_RUNNING);
	finish_sleeper(t);
	KT_EXPECT_EQ(sleeper_ret, 0);
	KT_EXPECT_EQ(futex_nr_waiters(), 0);
}

KTEST(futex, sleeper_times_out)
{
	struct futex_key k = { FUTEX_KEY_PRIVATE, NULL, PRIV_VA };
	struct futex_timeout to = { true, jiffies + 3 };
	struct task_struct *t = start_sleeper(&k, &to);

	KT_ASSERT(t);
	finish_sleeper(t);
	KT_EXPECT_EQ(sleeper_ret, -ETIMEDOUT);
	KT_EXPECT(time_after_eq(jiffies, to.deadline));
	KT_EXPECT_EQ(futex_nr_waiters(), 0);
	KT_EXPECT_EQ(futex_wake_key(&k, 1, ANY), 0);
}

KTEST(futex, sleeper_leaves_on_group_exit)
{
	struct futex_key k = { FUTEX_KEY_PRIVATE, NULL, PRIV_VA };
	struct futex_timeout none = { false, 0 };
	struct task_struct *t = start_sleeper(&k, &none);

	KT_ASSERT(t);
	schedule();
	KT_EXPECT_EQ(futex_nr_waiters(), 1);
	/* What exit_group does to the other threads of the group. */
	t->group_exit = 1;
	wake_up_process(t);
	finish_sleeper(t);
	/* Interrupted: the restart code turns it into EINTR or a restart. */
	KT_EXPECT_EQ(sleeper_ret, -ERESTARTSYS);
	KT_EXPECT_EQ(futex_nr_waiters(), 0);
}

/* ---- sys_futex, from this task with a user address space ---- */

/*
 * Give the running (boot) task mm for the duration of a test, so user
 * pointers are real; the previous state comes back with leave_mm.
 */
static void enter_mm(struct mm_struct *mm)
{
	current->mm = mm;
	switch_pgd(mm->pgd);
}

static void leave_mm(struct mm_struct *mm)
{
	current->mm = NULL;
	switch_pgd(swapper_pg_dir);
	mmput(mm);
}

/* sys_futex with integer arguments; uaddr2 unused. */
static long futex(unsigned long uaddr, int op, u32 val, unsigned long utime,
		  u32 val3)
{
	return sys_futex((u32 __user *)uaddr, op, val,
			 (const struct timespec __user *)utime, NULL, val3);
}

/* Put a struct timespec in user memory at va. */
static void put_ts(unsigned long va, long sec, long nsec)
{
	struct timespec ts = { sec, nsec };

	copy_to_user((void __user *)va, &ts, sizeof(ts));
}

KTEST(futex, sys_futex_errors)
{
	unsigned long start = nr_free_pages();
	struct mm_struct *mm = test_mm();
	unsigned long word = PRIV_VA, ts = PRIV_VA + 64;

	KT_ASSERT(mm);
	enter_mm(mm);
	put_user_u32(5, (u32 __user *)word);

	/* Unknown and unsupported operations. */
	KT_EXPECT_EQ(futex(word, 14, 0, 0, 0), -ENOSYS);
	KT_EXPECT_EQ(futex(word, FUTEX_FD, 0, 0, 0), -ENOSYS);
	KT_EXPECT_EQ(futex(word, FUTEX_REQUEUE, 0, 0, 0), -ENOSYS);
	KT_EXPECT_EQ(futex(word, FUTEX_CMP_REQUEUE_PRIVATE, 0, 0, 0), -ENOSYS);
	KT_EXPECT_EQ(futex(word, FUTEX_WAKE_OP, 0, 0, 0), -ENOSYS);
	KT_EXPECT_EQ(futex(word, FUTEX_LOCK_PI, 0, 0, 0), -ENOSYS);
	/* FUTEX_CLOCK_REALTIME: FUTEX_WAIT_BITSET only (Linux 6.1). */
	KT_EXPECT_EQ(futex(word, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 5, 0, 0),
		     -ENOSYS);
	KT_EXPECT_EQ(futex(word, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, 0, 0),
		     -ENOSYS);
	KT_EXPECT_EQ(futex(word, FUTEX_WAKE_BITSET | FUTEX_CLOCK_REALTIME, 1, 0,
			   ANY), -ENOSYS);

	/* The timeout is checked before anything else. */
	put_ts(ts, 0, 1000000000);
	KT_EXPECT_EQ(futex(word, FUTEX_WAIT, 4, ts, 0), -EINVAL);
	KT_EXPECT_EQ(futex(word, 99, 4, 0xc0000000, 0), -ENOSYS);
	KT_EXPECT_EQ(futex(word, FUTEX_LOCK_PI, 4, 0xc0000000, 0), -EFAULT);
	KT_EXPECT_EQ(futex(word, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 4,
			   0xc0000000, 0), -EFAULT);
	KT_EXPECT_EQ(futex(word, FUTEX_WAIT_BITSET, 4, HOLE_VA, 0), -EFAULT);
	put_ts(ts, -1, 0);
	KT_EXPECT_EQ(futex(word + 1, FUTEX_WAIT_BITSET, 4, ts, 0), -EINVAL);
	put_ts(ts, 0, -1);
	KT_EXPECT_EQ(futex(word, FUTEX_WAIT_PRIVATE, 4, ts, 0), -EINVAL);
	/* FUTEX_WAKE's 4th argument is a number, never read. */
	KT_EXPECT_EQ(futex(word, FUTEX_WAKE, 1, 0xc0000000, 0), 0);

	/* Then the bitset, the address, the word. */
	KT_EXPECT_EQ(futex(word + 2, FUTEX_WAIT_BITSET, 5, 0, 0), -EINVAL);
	KT_EXPECT_EQ(futex(0xc0000000, FUTEX_WAKE_BITSET, 1, 0, 0), -EINVAL);
	KT_EXPECT_EQ(futex(word + 2, FUTEX_WAIT, 5, 0, 0), -EINVAL);
	KT_EXPECT_EQ(futex(0xc0000000, FUTEX_WAIT, 5, 0, 0), -EFAULT);
	KT_EXPECT_EQ(futex(HOLE_VA, FUTEX_WAIT_PRIVATE, 5, 0, 0), -EFAULT);
	KT_EXPECT_EQ(futex(HOLE_VA, FUTEX_WAKE, 1, 0, 0), -EFAULT);
	KT_EXPECT_EQ(futex(HOLE_VA, FUTEX_WAKE_PRIVATE, 1, 0, 0), 0);
	KT_EXPECT_EQ(futex(word, FUTEX_WAIT, 4, 0, 0), -EAGAIN);
	KT_EXPECT_EQ(futex(word, FUTEX_WAIT_BITSET_PRIVATE, 6, 0, 1), -EAGAIN);
	KT_EXPECT_EQ(futex(word, FUTEX_WAKE, 1, 0, 0), 0);
	KT_EXPECT_EQ(futex(SHARED_VA, FUTEX_WAKE_BITSET, 1, 0, 2), 0);
	KT_EXPECT_EQ(futex(RO_VA, FUTEX_WAKE, 1, 0, 0), 0);
	KT_EXPECT_EQ(futex_nr_waiters(), 0);
	leave_mm(mm);
	KT_EXPECT_EQ(nr_free_pages(), start);
}

KTEST(futex, sys_futex_timeouts)
{
	unsigned long start = nr_free_pages(), j;
	struct mm_struct *mm = test_mm();
	unsigned long word = SHARED_VA, ts = PRIV_VA;
	struct kernel_clock now, after;

	KT_ASSERT(mm);
	enter_mm(mm);
	put_user_u32(7, (u32 __user *)word);

	/* Relative: zero has passed at once; 30 ms is 3 ticks, plus one. */
	put_ts(ts, 0, 0);
	KT_EXPECT_EQ(futex(word, FUTEX_WAIT, 7, ts, 0), -ETIMEDOUT);
	put_ts(ts, 0, 30000000);
	j = jiffies;
	KT_EXPECT_EQ(futex(word, FUTEX_WAIT_PRIVATE, 7, ts, 0), -ETIMEDOUT);
	KT_EXPECT(jiffies - j >= 3);
	/* A mismatch is -EAGAIN, even with a timeout that has passed. */
	KT_EXPECT_EQ(futex(word, FUTEX_WAIT, 6, ts, 0), -EAGAIN);

	/* Absolute, on CLOCK_MONOTONIC: in the past, then 2 ticks ahead. */
	put_ts(ts, 0, 0);
	KT_EXPECT_EQ(futex(word, FUTEX_WAIT_BITSET, 7, ts, ANY), -ETIMEDOUT);
	kernel_clock_get(CLOCK_MONOTONIC, &now);
	put_ts(ts, now.sec, now.nsec);
	KT_EXPECT_EQ(futex(word, FUTEX_WAIT_BITSET, 7, ts, ANY), -ETIMEDOUT);
	kernel_clock_get(CLOCK_MONOTONIC, &now);
	now.nsec += 20000000;
	if (now.nsec >= 1000000000) {
		now.nsec -= 1000000000;
		now.sec++;
	}
	put_ts(ts, now.sec, now.nsec);
	KT_EXPECT_EQ(futex(word, FUTEX_WAIT_BITSET_PRIVATE, 7, ts, ANY),
		     -ETIMEDOUT);
	kernel_clock_get(CLOCK_MONOTONIC, &after);
	KT_EXPECT(after.sec > now.sec ||
		  (after.sec == now.sec && after.nsec >= now.nsec));
	/* CLOCK_REALTIME: the monotonic clock's small numbers are long past. */
	put_ts(ts, 100, 0);
	KT_EXPECT_EQ(futex(word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 7,
			   ts, ANY), -ETIMEDOUT);
	KT_EXPECT_EQ(futex_nr_waiters(), 0);
	leave_mm(mm);
	KT_EXPECT_EQ(nr_free_pages(), start);
}
