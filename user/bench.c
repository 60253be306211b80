/*
 * /bench: what one system call costs, by entry path. For each path it
 * times batches of BATCH getpid calls with rdtsc, after warm-up batches,
 * and prints the minimum and the median per call over all batches.
 *
 * Under plain QEMU TCG, rdtsc reads the host's TSC: the figures are host
 * cycles and follow host load. Under QEMU -icount shift=0 the guest TSC
 * counts guest instructions: the figures are instructions per call and
 * repeat exactly. The loop around each call costs a few of them too;
 * the "empty" row measures that loop alone.
 *
 * Run it as init (init=/bench); it powers the machine off at the end.
 */
#include <asm/unistd_32.h>
#include <stdio.h>
#include <sys/auxv.h>
#include <sys/reboot.h>

#define WARMUP	5
#define BATCHES	51
#define BATCH	1000

static inline unsigned long long rdtsc(void)
{
	unsigned long long t;

	__asm__ __volatile__("rdtsc" : "=A"(t));
	return t;
}

static void empty_op(void)
{
	__asm__ __volatile__("" ::: "memory");
}

static void getpid_int80(void)
{
	long r;

	__asm__ __volatile__("int $0x80" : "=a"(r) : "a"(__NR_getpid) : "memory");
}

/* The libc's path: the TCB's sysinfo word, i.e. __kernel_vsyscall. */
static void getpid_gs(void)
{
	long r;

	__asm__ __volatile__("call *%%gs:0x10" : "=a"(r) : "a"(__NR_getpid)
			     : "memory");
}

static void sort_ull(unsigned long long *v, int n)
{
	for (int i = 1; i < n; i++) {
		unsigned long long x = v[i];
		int j = i;

		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

static void measure(const char *name, void (*op)(void))
{
	unsigned long long per[BATCHES];

	for (int b = 0; b < WARMUP + BATCHES; b++) {
		unsigned long long t0 = rdtsc();

		for (int i = 0; i < BATCH; i++)
			op();
		if (b >= WARMUP)
			per[b - WARMUP] = rdtsc() - t0;
	}
	sort_ull(per, BATCHES);
	printf("bench: %-22s min %7llu  median %7llu  max %7llu  per call\n",
	       name, per[0] / BATCH, per[BATCHES / 2] / BATCH,
	       per[BATCHES - 1] / BATCH);
}

int main(void)
{
	unsigned long sysinfo = getauxval(AT_SYSINFO);
	const unsigned char *p = (const unsigned char *)sysinfo;
	const char *kind = "none";

	for (int i = 0; p && i < 16; i++) {
		if (p[i] == 0x0f && p[i + 1] == 0x34) {
			kind = "sysenter";
			break;
		}
		if (p[i] == 0xcd && p[i + 1] == 0x80) {
			kind = "int80";
			break;
		}
	}
	printf("bench: method: rdtsc around %d batches of %d calls after %d "
	       "warm-up batches; per-call min/median/max\n",
	       BATCHES, BATCH, WARMUP);
	printf("bench: vDSO __kernel_vsyscall uses: %s\n", kind);
	measure("empty loop", empty_op);
	measure("getpid int $0x80", getpid_int80);
	measure("getpid call *%gs:0x10", getpid_gs);
	printf("bench: done\n");
	fflush(stdout);
	reboot(RB_POWER_OFF);
	return 0;
}
