/*
 * pthread.h: threads on clone(CLONE_THREAD) and futexes.
 *
 * A pthread_t is the thread's TCB address (%gs:8 in the thread), as in
 * glibc. Threads are joinable (no detached threads); mutexes are the
 * default (non-recursive, unchecked) kind; condition variables ignore
 * their attributes (CLOCK_REALTIME, process-private).
 */
#ifndef _PTHREAD_H
#define _PTHREAD_H

#include <features.h>
#include <sys/types.h>

typedef struct {
	size_t __stacksize;
} pthread_attr_t;

typedef struct {
	volatile int __lock;	/* 0 free, 1 locked, 2 locked with waiters */
} pthread_mutex_t;

typedef struct {
	volatile int __seq;	/* bumped by every signal and broadcast */
} pthread_cond_t;

typedef struct {
	int __unused;
} pthread_mutexattr_t;

typedef struct {
	int __unused;
} pthread_condattr_t;

#define PTHREAD_MUTEX_INITIALIZER	{ 0 }
#define PTHREAD_COND_INITIALIZER	{ 0 }

/* glibc's i386 minimum; the default stack is 128 KiB (as musl's). */
#define PTHREAD_STACK_MIN	16384

int pthread_create(pthread_t *restrict thread, const pthread_attr_t *restrict attr,
		   void *(*start)(void *), void *restrict arg);
int pthread_join(pthread_t thread, void **result);
__noreturn void pthread_exit(void *result);
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);

int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_destroy(pthread_attr_t *attr);
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size);
int pthread_attr_getstacksize(const pthread_attr_t *restrict attr,
			      size_t *restrict size);

int pthread_mutex_init(pthread_mutex_t *restrict m,
		       const pthread_mutexattr_t *restrict attr);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);

int pthread_cond_init(pthread_cond_t *restrict c,
		      const pthread_condattr_t *restrict attr);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);

#endif
