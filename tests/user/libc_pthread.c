/*
 * libc_pthread: threads on clone and futexes. create/join (100 in a row,
 * results and pthread_exit values), pthread_self, each thread's own TCB
 * (self pointers, %gs:0x10 == AT_SYSINFO, the stack guard, the same %gs
 * selector), errno and __thread variables per thread, a mutex under 8
 * threads x 100000 increments, trylock, condition variables (ping-pong
 * and broadcast), stack-size attributes, and malloc and stdio used from
 * several threads at once.
 *
 * If pthread_create fails (a kernel without clone, mmap or futex), the
 * tests that need threads fail and the rest go on; nothing waits for a
 * thread that was never made.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include "lib/tap.h"

extern void __sysinfo_int80(void);	/* the libc's int $0x80; ret */

#define NTHREADS	8

/* The 32-bit word at %gs:off. */
#define GS_WORD(off) ({ uintptr_t v_;					\
	__asm__ volatile("movl %%gs:" #off ", %0" : "=r"(v_));		\
	v_; })

/* The %gs selector. */
static unsigned
gs_selector(void)
{
	unsigned short gs;

	__asm__ volatile("movw %%gs, %0" : "=r"(gs));
	return gs;
}

/*
 * A gate: each thread arrives and waits until every thread that was
 * actually created has arrived. `expected` starts at INT_MAX and is set
 * by the main thread once it knows how many pthread_create calls
 * succeeded, so a failed creation cannot leave the others waiting.
 */
static struct {
	pthread_mutex_t m;
	pthread_cond_t c;
	int arrived, expected;
} gate = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, INT_MAX };

/* Close the gate before a new group of threads. */
static void
gate_reset(void)
{
	gate.arrived = 0;
	gate.expected = INT_MAX;
}

/* Arrive, and wait until all the expected threads have arrived. */
static void
gate_wait(void)
{
	pthread_mutex_lock(&gate.m);
	gate.arrived++;
	pthread_cond_broadcast(&gate.c);
	while (gate.arrived < gate.expected)
		pthread_cond_wait(&gate.c, &gate.m);
	pthread_mutex_unlock(&gate.m);
}

/* Tell the gate how many threads will come. */
static void
gate_expect(int n)
{
	pthread_mutex_lock(&gate.m);
	gate.expected = n;
	pthread_cond_broadcast(&gate.c);
	pthread_mutex_unlock(&gate.m);
}

/* Start n threads running fn(&arg[i]) (arg elements of `size` bytes);
 * returns how many started (diagnosing the first failure), and opens
 * the gate for that many. */
static int
start_all(pthread_t *t, int n, void *(*fn)(void *), void *arg, size_t size)
{
	int i, err;

	gate_reset();
	for (i = 0; i < n; i++) {
		err = pthread_create(&t[i], NULL, fn, (char *)arg + i * size);
		if (err) {
			diag("pthread_create #%d: error %d (%s)", i, err, strerror(err));
			break;
		}
	}
	gate_expect(i);
	return i;
}

/* Join the first n of t; the number of joins that failed. */
static int
join_all(pthread_t *t, int n)
{
	int i, bad = 0;

	for (i = 0; i < n; i++)
		bad += pthread_join(t[i], NULL) != 0;
	return bad;
}

/* --- create and join ------------------------------------------------------ */

/* Return the argument plus one. */
static void *
add_one(void *arg)
{
	return (char *)arg + 1;
}

/* pthread_exit from a function the thread's function called. */
static __attribute__((noinline)) void
leave(void *value)
{
	pthread_exit(value);
}

/* Leave through pthread_exit(arg) before reaching the return. */
static void *
exits_early(void *arg)
{
	leave(arg);
	return NULL;
}

/* create/join in a row, pthread_exit values, joining oneself. */
static void
test_create_join(void)
{
	pthread_t t;
	void *r;
	int i, err = 0, wrong = 0;

	for (i = 0; i < 100 && !err; i++) {
		err = pthread_create(&t, NULL, add_one, (void *)(intptr_t)i);
		if (!err) {
			err = pthread_join(t, &r);
			wrong += r != (void *)(intptr_t)(i + 1);
		}
	}
	if (!ok(!err && i == 100, "100 x pthread_create + pthread_join"))
		diag("stopped at #%d: error %d (%s)", i - 1, err, strerror(err));
	is(wrong, 0, "each join returned its thread's value");

	r = NULL;
	err = pthread_create(&t, NULL, exits_early, (void *)0x1234);
	ok(!err && !pthread_join(t, &r) && r == (void *)0x1234,
	   "pthread_exit(v) in a nested call: join gets v");
	is(pthread_join(pthread_self(), NULL), EDEADLK, "joining oneself: EDEADLK");
}

/* --- identity and the TCB -------------------------------------------------- */

struct ident {
	pthread_t self;
	uintptr_t gs0, gs8, sysinfo, guard, multiple;
	unsigned sel;
	int *errno_addr;
};

/* Record what this thread sees of itself: ids, TCB words, %gs, &errno. */
static void *
identify(void *arg)
{
	struct ident *id = arg;

	gate_wait();
	id->self = pthread_self();
	id->gs0 = GS_WORD(0x0);
	id->gs8 = GS_WORD(0x8);
	id->multiple = GS_WORD(0xc);
	id->sysinfo = GS_WORD(0x10);
	id->guard = GS_WORD(0x14);
	id->sel = gs_selector();
	id->errno_addr = &errno;
	return NULL;
}

/* Every thread has its own TCB, set up like the main thread's. */
static void
test_identity(void)
{
	struct ident id[NTHREADS];
	pthread_t t[NTHREADS];
	uintptr_t sysinfo = getauxval(AT_SYSINFO);
	int i, j, n, same = 0, tcb = 0, sys = 0, guard = 0, sel = 0, multi = 0;

	if (!sysinfo)
		sysinfo = (uintptr_t)__sysinfo_int80;
	memset(id, 0, sizeof id);
	n = start_all(t, NTHREADS, identify, id, sizeof id[0]);
	if (!ok(n == NTHREADS && !join_all(t, n), "%d threads started and joined",
		NTHREADS)) {
		skip(7, "no threads");
		return;
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++)
			same += id[i].self == id[j].self;
		same += id[i].self == pthread_self() || !pthread_equal(id[i].self, t[i]);
		tcb += id[i].gs0 != id[i].self || id[i].gs8 != id[i].self;
		sys += id[i].sysinfo != sysinfo;
		guard += id[i].guard != GS_WORD(0x14);
		sel += id[i].sel != gs_selector();
		multi += id[i].multiple != 1;
	}
	is(same, 0, "pthread_self: distinct, not the main thread's, what "
	   "pthread_create returned");
	is(tcb, 0, "%%gs:0 and %%gs:8 hold each thread's pthread_self()");
	is(sys, 0, "%%gs:0x10 == AT_SYSINFO (or the int $0x80 stub) in every thread");
	is(guard, 0, "%%gs:0x14: the main thread's stack guard in every thread");
	is(sel, 0, "every thread's %%gs selector is the main thread's (one GDT slot)");
	is(multi, 0, "%%gs:0xc multiple_threads == 1 in every thread");
	is(GS_WORD(0xc), 1, "and in the main thread, once a thread exists");
}

/* --- errno and __thread -------------------------------------------------- */

static __thread int tls_value = 42;
static __thread char tls_zero[64];

struct own {
	int index;
	int errno_kept, tls_initial, tls_kept;
	int *errno_addr;
};

/* Set errno and __thread variables, wait for the others to set theirs,
 * then check ours are unchanged. */
static void *
own_state(void *arg)
{
	struct own *o = arg;
	int i, zero = 1;

	for (i = 0; i < (int)sizeof tls_zero; i++)
		zero &= tls_zero[i] == 0;
	o->tls_initial = tls_value == 42 && zero;
	errno = 1000 + o->index;
	tls_value = 2000 + o->index;
	memset(tls_zero, o->index + 1, sizeof tls_zero);
	/* All the others write theirs before anyone checks. */
	gate_wait();
	sched_yield();
	o->errno_kept = errno == 1000 + o->index;
	o->tls_kept = tls_value == 2000 + o->index && tls_zero[63] == o->index + 1;
	o->errno_addr = &errno;
	return NULL;
}

/* errno and __thread variables are per thread. */
static void
test_own_state(void)
{
	struct own o[NTHREADS];
	pthread_t t[NTHREADS];
	int i, j, n, kept = 0, init = 0, tls = 0, addr = 0;

	tls_value = 99;
	errno = 1234;
	memset(o, 0, sizeof o);
	for (i = 0; i < NTHREADS; i++)
		o[i].index = i;
	n = start_all(t, NTHREADS, own_state, o, sizeof o[0]);
	if (!ok(n == NTHREADS && !join_all(t, n), "%d threads started and joined",
		NTHREADS)) {
		skip(5, "no threads");
		return;
	}
	for (i = 0; i < n; i++) {
		kept += o[i].errno_kept;
		init += o[i].tls_initial;
		tls += o[i].tls_kept;
		for (j = 0; j < i; j++)
			addr += o[i].errno_addr == o[j].errno_addr;
		addr += o[i].errno_addr == &errno;
	}
	is(kept, n, "each thread's errno keeps its own value");
	is(addr, 0, "each thread's errno is at its own address");
	is(errno, 1234, "the main thread's errno is untouched");
	is(init, n, "__thread variables start from the image (.tdata 42, .tbss 0), "
	   "not from the main thread's current values");
	ok(tls == n && tls_value == 99, "__thread variables are per thread");
}

/* --- mutex ----------------------------------------------------------------- */

#define INCREMENTS	100000

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long counter;

/* Add INCREMENTS to the shared counter, one locked increment at a time. */
static void *
increment(void *arg)
{
	int i;

	(void)arg;
	gate_wait();
	for (i = 0; i < INCREMENTS; i++) {
		pthread_mutex_lock(&counter_lock);
		/* A read-modify-write the compiler cannot fuse or hoist. */
		*(volatile unsigned long *)&counter += 1;
		pthread_mutex_unlock(&counter_lock);
	}
	return NULL;
}

/* pthread_mutex_trylock(arg) from another thread; its result. */
static void *
try_lock(void *arg)
{
	return (void *)(intptr_t)pthread_mutex_trylock(arg);
}

/* Many threads, one mutex, no lost updates; trylock across threads. */
static void
test_mutex(void)
{
	pthread_t t[NTHREADS];
	pthread_mutex_t m;
	int n, dummy[NTHREADS];
	void *r = NULL;

	counter = 0;
	n = start_all(t, NTHREADS, increment, dummy, sizeof dummy[0]);
	ok(n == NTHREADS && !join_all(t, n), "%d threads started and joined", NTHREADS);
	is(counter, (unsigned long)n * INCREMENTS, "%d x %d locked increments: "
	   "none lost", n, INCREMENTS);

	pthread_mutex_init(&m, NULL);
	is(pthread_mutex_trylock(&m), 0, "trylock on a free mutex takes it");
	ok(!pthread_create(&t[0], NULL, try_lock, &m) && !pthread_join(t[0], &r) &&
	   r == (void *)EBUSY, "trylock from another thread: EBUSY");
	pthread_mutex_unlock(&m);
	ok(!pthread_create(&t[0], NULL, try_lock, &m) && !pthread_join(t[0], &r) &&
	   r == NULL, "after unlock the other thread's trylock succeeds");
	pthread_mutex_destroy(&m);
}

/* --- condition variables ------------------------------------------------- */

#define ROUNDS	1000

static pthread_mutex_t pp_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pp_cond = PTHREAD_COND_INITIALIZER;
static int turn, strokes[2], out_of_turn;

/* Player p waits for its turn, counts a stroke, hands the turn over. */
static void *
player(void *arg)
{
	int p = *(int *)arg, i;

	for (i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&pp_lock);
		while (turn != p)
			pthread_cond_wait(&pp_cond, &pp_lock);
		out_of_turn += strokes[p] != strokes[!p] - p;
		strokes[p]++;
		turn = !p;
		pthread_cond_signal(&pp_cond);
		pthread_mutex_unlock(&pp_lock);
	}
	return NULL;
}

static pthread_mutex_t go_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t go_cond;
static int go, waiting, woken;

/* Count ourselves in, then wait for go. */
static void *
wait_for_go(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&go_lock);
	waiting++;
	while (!go)
		pthread_cond_wait(&go_cond, &go_lock);
	woken++;
	pthread_mutex_unlock(&go_lock);
	return NULL;
}

/* Two threads alternating through one condition variable; a broadcast. */
static void
test_cond(void)
{
	static int players[2] = { 0, 1 };
	pthread_t t[NTHREADS];
	int n, dummy[NTHREADS];

	turn = 0;
	n = start_all(t, 2, player, players, sizeof players[0]);
	ok(n == 2 && !join_all(t, n), "ping-pong: two threads started and joined");
	ok(strokes[0] == ROUNDS && strokes[1] == ROUNDS && !out_of_turn,
	   "%d strokes each, strictly alternating", ROUNDS);

	/* Broadcast: every waiter wakes. The main thread waits until all
	 * are counted in (under go_lock), then sets go. */
	pthread_cond_init(&go_cond, NULL);
	for (n = 0; n < NTHREADS; n++)
		if (pthread_create(&t[n], NULL, wait_for_go, &dummy[n]))
			break;
	pthread_mutex_lock(&go_lock);
	while (waiting < n) {
		pthread_mutex_unlock(&go_lock);
		sched_yield();
		pthread_mutex_lock(&go_lock);
	}
	go = 1;
	pthread_cond_broadcast(&go_cond);
	pthread_mutex_unlock(&go_lock);
	ok(n == NTHREADS && !join_all(t, n) && woken == NTHREADS,
	   "broadcast wakes all %d waiters", NTHREADS);
	pthread_cond_destroy(&go_cond);
}

/* --- attributes ------------------------------------------------------------ */

/* Touch `size` bytes of stack, one byte a page; returns a checksum. */
static void *
use_stack(void *arg)
{
	size_t size = (size_t)arg, i;
	volatile char *buf = __builtin_alloca(size);
	unsigned sum = 0;

	for (i = 0; i < size; i += 4096)
		buf[i] = 1;
	for (i = 0; i < size; i += 4096)
		sum += buf[i];
	return (void *)(uintptr_t)sum;
}

/* Stack size attributes, and threads that use most of their stack. */
static void
test_attr(void)
{
	pthread_attr_t a;
	pthread_t t;
	size_t size = 0;
	void *r = NULL;

	pthread_attr_init(&a);
	pthread_attr_getstacksize(&a, &size);
	is(size, 128 * 1024, "default stack size: 128 KiB");
	is(pthread_attr_setstacksize(&a, PTHREAD_STACK_MIN - 1), EINVAL,
	   "a stack below PTHREAD_STACK_MIN: EINVAL");
	is(pthread_attr_setstacksize(&a, 1024 * 1024), 0, "setstacksize(1 MiB)");
	pthread_attr_getstacksize(&a, &size);
	is(size, 1024 * 1024, "getstacksize gives it back");
	ok(!pthread_create(&t, &a, use_stack, (void *)(768 * 1024)) &&
	   !pthread_join(t, &r) && r == (void *)(768 / 4),
	   "a 1 MiB-stack thread uses 768 KiB of it");
	ok(!pthread_create(&t, NULL, use_stack, (void *)(96 * 1024)) &&
	   !pthread_join(t, &r) && r == (void *)(96 / 4),
	   "a default thread uses 96 KiB of stack");
	pthread_attr_destroy(&a);
}

/* --- malloc and stdio from several threads -------------------------------- */

#define LIVE	16

/* Allocate, fill, check and free blocks of varying sizes; the number
 * of blocks found overwritten. */
static void *
heap_churn(void *arg)
{
	unsigned char *blk[LIVE] = { 0 };
	size_t len[LIVE] = { 0 };
	unsigned seed = *(int *)arg * 2654435761u + 1, tag = *(int *)arg + 1;
	int i, k, bad = 0;

	gate_wait();
	for (i = 0; i < 3000; i++) {
		seed = seed * 1103515245 + 12345;
		k = (seed >> 16) % LIVE;
		if (blk[k]) {
			for (size_t j = 0; j < len[k]; j++)
				if (blk[k][j] != (unsigned char)(tag + j)) {
					bad++;
					break;
				}
			free(blk[k]);
		}
		len[k] = 1 + (seed >> 8) % 700;
		blk[k] = malloc(len[k]);
		if (!blk[k]) {
			bad++;
			continue;
		}
		for (size_t j = 0; j < len[k]; j++)
			blk[k][j] = tag + j;
	}
	for (k = 0; k < LIVE; k++)
		free(blk[k]);
	return (void *)(intptr_t)bad;
}

/* Print two TAP comment lines: each must come out whole. */
static void *
print_lines(void *arg)
{
	int i;

	gate_wait();
	for (i = 0; i < 2; i++)
		printf("    # stdio from thread %d, line %d of 2: one printf, one line\n",
		       *(int *)arg, i + 1);
	return NULL;
}

/* malloc and stdio used by several threads at once. */
static void
test_shared_libc(void)
{
	pthread_t t[NTHREADS];
	int idx[NTHREADS], i, n, bad = 0;
	void *r;

	for (i = 0; i < NTHREADS; i++)
		idx[i] = i;
	n = start_all(t, 4, heap_churn, idx, sizeof idx[0]);
	for (i = 0; i < n; i++)
		bad += pthread_join(t[i], &r) ? 1 : (int)(intptr_t)r;
	ok(n == 4 && !bad, "4 threads x 3000 malloc/fill/check/free: no block "
	   "damaged (%d bad)", bad);

	fflush(stdout);
	n = start_all(t, 4, print_lines, idx, sizeof idx[0]);
	ok(n == 4 && !join_all(t, n), "4 threads printf to stdout at once");
	fflush(stdout);
}

/* The groups in order; the exit status is the failure count. */
int
main(void)
{
	test_create_join();
	test_identity();
	test_own_state();
	test_mutex();
	test_cond();
	test_attr();
	test_shared_libc();
	return done_testing();
}
