/*
 * Futexes (kernel/futex.c): sleeping on a 32-bit user word until another
 * task wakes that word. futex(2) is sys_futex (include/kernel/syscalls.h);
 * this header is for the rest of the kernel and for the futex tests.
 *
 * A waiter is found by its key, never by its address alone:
 *
 *   FUTEX_KEY_PRIVATE  FUTEX_PRIVATE_FLAG: (mm, uaddr). Only the tasks
 *                      sharing that mm (threads, a vfork child) meet.
 *   FUTEX_KEY_MM       no flag, word in a writable private mapping
 *                      (Linux's anonymous-page key): (mm, uaddr) again,
 *                      but never equal to a private key, as in Linux.
 *                      Copy-on-write may change the frame under such a
 *                      word, so the frame cannot name it.
 *   FUTEX_KEY_FRAME    no flag, word in a MAP_SHARED mapping or in a
 *                      read-only one (Linux keys those on the file page):
 *                      the physical address of the word, so every address
 *                      space that maps the frame meets there.
 */
#ifndef _KERNEL_FUTEX_H
#define _KERNEL_FUTEX_H

#include <asm/uaccess.h>
#include <kernel/types.h>

struct mm_struct;
struct task_struct;

/*
 * Wake at most nr tasks waiting on the word at uaddr in the current
 * address space, with a private (FUTEX_PRIVATE_FLAG) or shared key.
 * Returns the number woken or -EINVAL/-EFAULT, as FUTEX_WAKE. Thread
 * exit uses it for CLONE_CHILD_CLEARTID with private = false, like
 * Linux's mm_release; call it while current->mm is still there.
 */
int futex_wake(u32 __user *uaddr, bool private, int nr);

/* ---- internals, for kernel/futex.c and tests/kernel/test_futex.c ---- */

enum futex_key_type {
	FUTEX_KEY_PRIVATE,
	FUTEX_KEY_MM,
	FUTEX_KEY_FRAME,
};

struct futex_key {
	enum futex_key_type type;
	const struct mm_struct *mm;	/* NULL for FUTEX_KEY_FRAME */
	unsigned long addr;		/* the user address, or the physical one */
};

/* One sleeping waiter; it lives on the waiter's kernel stack. */
struct futex_q {
	struct futex_key key;
	u32 bitset;			/* FUTEX_WAIT_BITSET's mask */
	struct task_struct *task;
	bool woken;			/* set (and q unqueued) by a waker */
	struct futex_q *next;		/* in its hash bucket, oldest first */
};

/*
 * The key of the word at uaddr in mm: -EINVAL if uaddr is not 4-byte
 * aligned, -EFAULT if it is not a user address or (shared keys only)
 * no mapping lets it be read; a shared key may fault the page in.
 */
int futex_get_key(struct mm_struct *mm, unsigned long uaddr, bool shared,
		  struct futex_key *key);
/* Same type, mm and address: only then does a wake reach a waiter. */
bool futex_key_equal(const struct futex_key *a, const struct futex_key *b);
/* Add q (key, bitset, task set) behind the waiters already there. */
void futex_queue(struct futex_q *q);
/* Take q off its bucket; false if a waker already had. */
bool futex_unqueue(struct futex_q *q);
/*
 * Wake the oldest waiters with this key whose bitset shares a bit with
 * bitset: at most nr of them but at least one (Linux counts after the
 * first wake, so nr <= 0 wakes one too). Returns the number woken.
 */
int futex_wake_key(const struct futex_key *key, int nr, u32 bitset);
/* Waiters queued now, for tests. */
int futex_nr_waiters(void);

/* When a waiter gives up: never, or at jiffies == deadline. */
struct futex_timeout {
	bool set;
	unsigned long deadline;
};

/*
 * Sleep with q queued (interrupts off) until a waker dequeues it (0),
 * the timeout passes (-ETIMEDOUT) or a signal is pending (-ERESTARTSYS:
 * a handler with SA_RESTART, or none, restarts the wait). q is off the
 * queue when it returns.
 */
int futex_sleep(struct futex_q *q, const struct futex_timeout *to);

#endif
