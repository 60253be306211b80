# mm/: page frames, kernel heap, page tables.
KERNEL_OBJS += $(addprefix $(BUILD)/mm/, mm_init.o page_alloc.o kheap.o paging.o \
	mmap.o fault.o brk.o dup_mm.o)
KERNEL_OBJS += $(addprefix $(BUILD)/mm/, mmap_syscalls.o mprotect.o)
