/*
 * The two cascaded 8259A PICs. At power-on their vectors overlap the
 * CPU's exceptions (IRQ 0 = vector 8), so they are reprogrammed to
 * FIRST_EXTERNAL_VECTOR (master) and FIRST_EXTERNAL_VECTOR + 8 (slave).
 * All lines start masked; request_irq() unmasks them one by one.
 */
#include <asm/io.h>
#include <asm/irq.h>

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_DATA	0x21
#define PIC_SLAVE_CMD	0xA0
#define PIC_SLAVE_DATA	0xA1
#define PIC_CASCADE_IRQ	2

#define ICW1_INIT	0x10
#define ICW1_ICW4	0x01	/* ICW4 follows */
#define ICW4_8086	0x01
#define OCW2_EOI	0x20
#define OCW3_READ_ISR	0x0B

static u16 cached_mask = 0xffff;	/* bit set = line masked */

static void write_masks(void)
{
	outb(PIC_MASTER_DATA, cached_mask & 0xff);
	outb(PIC_SLAVE_DATA, cached_mask >> 8);
}

void pic_init(void)
{
	outb(PIC_MASTER_DATA, 0xff);		/* mask all while we work */
	outb(PIC_SLAVE_DATA, 0xff);

	outb(PIC_MASTER_CMD, ICW1_INIT | ICW1_ICW4);
	io_delay();
	outb(PIC_MASTER_DATA, FIRST_EXTERNAL_VECTOR);	/* ICW2: vector base */
	io_delay();
	outb(PIC_MASTER_DATA, 1 << PIC_CASCADE_IRQ);	/* ICW3: slave on IR2 */
	io_delay();
	outb(PIC_MASTER_DATA, ICW4_8086);
	io_delay();

	outb(PIC_SLAVE_CMD, ICW1_INIT | ICW1_ICW4);
	io_delay();
	outb(PIC_SLAVE_DATA, FIRST_EXTERNAL_VECTOR + 8);
	io_delay();
	outb(PIC_SLAVE_DATA, PIC_CASCADE_IRQ);		/* ICW3: cascade id */
	io_delay();
	outb(PIC_SLAVE_DATA, ICW4_8086);
	io_delay();

	/* Everything masked but the cascade, so slave IRQs can pass later. */
	cached_mask = 0xffff & ~(1u << PIC_CASCADE_IRQ);
	write_masks();
}

void pic_mask(unsigned irq)
{
	cached_mask |= 1u << irq;
	write_masks();
}

void pic_unmask(unsigned irq)
{
	cached_mask &= ~(1u << irq);
	write_masks();
}

void pic_eoi(unsigned irq)
{
	if (irq >= 8)
		outb(PIC_SLAVE_CMD, OCW2_EOI);
	outb(PIC_MASTER_CMD, OCW2_EOI);
}

/*
 * IRQ 7 and 15 also arrive when a line drops before the CPU acknowledges
 * it: the PIC then reports its lowest-priority line with the in-service
 * bit clear. Such an interrupt must not get an EOI from its own PIC
 * (a spurious 15 still needs one on the master, for the cascade).
 */
bool pic_irq_is_spurious(unsigned irq)
{
	u16 port = irq >= 8 ? PIC_SLAVE_CMD : PIC_MASTER_CMD;
	u8 isr;

	outb(port, OCW3_READ_ISR);
	isr = inb(port);
	return !(isr & (1u << (irq & 7)));
}
