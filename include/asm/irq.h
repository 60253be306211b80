/* Hardware interrupts: the 8259 PICs and IRQ dispatch (i8259.c, irq.c). */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

#define NR_IRQS			16
#define FIRST_EXTERNAL_VECTOR	0x20	/* IRQ 0 -> vector 0x20, as Linux */
#define IRQ_TIMER		0
#define IRQ_SPURIOUS_MASTER	7
#define IRQ_SPURIOUS_SLAVE	15

#ifndef __ASSEMBLER__
#include <kernel/types.h>

struct pt_regs;

typedef void (*irq_handler_t)(unsigned irq, struct pt_regs *regs);

/* Remap and mask the PICs; install the IRQ gates. */
void init_IRQ(void);
/* Route irq to handler and unmask it. Returns 0 or -EBUSY/-EINVAL. */
int request_irq(unsigned irq, irq_handler_t handler, const char *name);

/* Interrupt counters, for tests and statistics. */
extern unsigned long irq_count[NR_IRQS];
extern unsigned long spurious_irq_count[NR_IRQS];
extern unsigned long unexpected_vector_count;

void pic_init(void);
void pic_mask(unsigned irq);
void pic_unmask(unsigned irq);
void pic_eoi(unsigned irq);
/* True if irq (7 or 15) is not really in service: a spurious interrupt. */
bool pic_irq_is_spurious(unsigned irq);

static inline void local_irq_enable(void)
{
	__asm__ __volatile__("sti" ::: "memory");
}

static inline void local_irq_disable(void)
{
	__asm__ __volatile__("cli" ::: "memory");
}

static inline unsigned long local_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfl; popl %0; cli" : "=r"(flags) : : "memory");
	return flags;
}

static inline void local_irq_restore(unsigned long flags)
{
	__asm__ __volatile__("pushl %0; popfl" : : "r"(flags) : "memory", "cc");
}

#endif /* __ASSEMBLER__ */
#endif
