/*
 * Hardware-interrupt dispatch: do_IRQ() gets every vector from 0x20 up
 * that has no handler of its own. For the sixteen PIC lines it runs the
 * handler request_irq() registered and acknowledges the PIC; spurious
 * IRQ 7/15 are counted and not acknowledged; any other vector is
 * counted as unexpected.
 */
#include <asm/irq.h>
#include <asm/ptrace.h>
#include <kernel/errno.h>
#include <kernel/printk.h>

struct irq_action {
	irq_handler_t handler;
	const char *name;
};

static struct irq_action irq_actions[NR_IRQS];
unsigned long irq_count[NR_IRQS];
unsigned long spurious_irq_count[NR_IRQS];
unsigned long unexpected_vector_count;

void do_IRQ(struct pt_regs *regs);

int request_irq(unsigned irq, irq_handler_t handler, const char *name)
{
	if (irq >= NR_IRQS || !handler)
		return -EINVAL;
	if (irq_actions[irq].handler)
		return -EBUSY;
	irq_actions[irq].handler = handler;
	irq_actions[irq].name = name;
	pic_unmask(irq);
	return 0;
}

void do_IRQ(struct pt_regs *regs)
{
	unsigned vector = ~regs->orig_eax & 0xff;
	unsigned irq = vector - FIRST_EXTERNAL_VECTOR;

	if (vector < FIRST_EXTERNAL_VECTOR || irq >= NR_IRQS) {
		/* Only software (int $n) can get here: nothing to acknowledge. */
		unexpected_vector_count++;
		pr_warn("irq: unexpected interrupt on vector 0x%x\n", vector);
		return;
	}
	if ((irq == IRQ_SPURIOUS_MASTER || irq == IRQ_SPURIOUS_SLAVE) &&
	    pic_irq_is_spurious(irq)) {
		spurious_irq_count[irq]++;
		if (irq == IRQ_SPURIOUS_SLAVE)
			pic_eoi(0);	/* the master did deliver the cascade */
		return;
	}
	irq_count[irq]++;
	if (irq_actions[irq].handler)
		irq_actions[irq].handler(irq, regs);
	else
		pic_mask(irq);	/* nobody asked for it: silence the line */
	pic_eoi(irq);
}

void init_IRQ(void)
{
	pic_init();
	pr_info("irq: 8259 PICs at vectors 0x%x-0x%x\n",
		FIRST_EXTERNAL_VECTOR, FIRST_EXTERNAL_VECTOR + NR_IRQS - 1);
}
