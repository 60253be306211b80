# libc/: the bundled C library for user programs (musl-shaped, Linux i386
# ABI; libc/README.md has the design). Included by the top Makefile.
#
#   $(LIBC_A)  build/libc/libc.a   the library
#   $(CRT1)    build/libc/crt1.o   _start; link it first
#   build/libc/include/bits/syscall.h  generated from <asm/unistd_32.h>
#   build/libc/gen/*.c             wrappers generated from libc/syscalls.list
#   build/tests/user/NAME          tests/user/NAME.c, linked static (rule below)
#
# Any other user program:
#   $(CC) $(USER_CFLAGS) -c prog.c -o prog.o
#   $(LD) $(USER_LDFLAGS) -o prog $(CRT1) prog.o $(LIBC_A)
# with $(CRT1) $(LIBC_A) as prerequisites and $(UAPI) $(LIBC_HDRS) order-only.

LIBC_OUT  := $(BUILD)/libc
LIBC_A    := $(LIBC_OUT)/libc.a
CRT1      := $(LIBC_OUT)/crt1.o
LIBC_HDRS := $(LIBC_OUT)/include/.stamp

# Static, non-PIE i386 programs: only GCC's own headers (stdarg.h,
# stddef.h, stdint.h, ...) besides the libc's and the kernel's UAPI.
# Non-PIC matters: the syscall macros use %ebx for the first argument.
USER_CFLAGS := -m32 -march=i686 -ffreestanding -nostdinc \
	-isystem $(shell $(CC) -print-file-name=include) \
	-Ilibc/include -I$(LIBC_OUT)/include -I$(BUILD)/uapi \
	-fno-pie -fno-stack-protector -O2 -g -Wall -Wextra -Werror
USER_ASFLAGS := -m32 -nostdinc -D__ASSEMBLER__ \
	-Ilibc/include -I$(LIBC_OUT)/include -I$(BUILD)/uapi -g
# ET_EXEC at ld's default base 0x08048000, entry _start.
USER_LDFLAGS := -m elf_i386 -static -nostdlib -z noexecstack

# The library itself also sees its private headers, and GCC must not turn
# the loops in memset/memcpy into calls to memset/memcpy.
LIBC_CFLAGS := $(USER_CFLAGS) -std=gnu11 -Ilibc/arch/i386 -Ilibc/src/internal \
	-fno-tree-loop-distribute-patterns -Wstrict-prototypes \
	-Wmissing-prototypes -MD -MP

# Sources: libc/src/<area>/<name>.c, one function per file. An asm file
# libc/arch/i386/<name>.S replaces a C file of the same name.
LIBC_ARCH_SRCS := $(filter-out libc/arch/i386/crt1.S,$(wildcard libc/arch/i386/*.S))
LIBC_C_SRCS := $(filter-out $(foreach f,$(LIBC_ARCH_SRCS),%/$(basename $(notdir $(f))).c), \
	$(wildcard libc/src/*/*.c))
LIBC_GEN_NAMES := $(shell libc/gen-syscalls.sh -l libc/syscalls.list)
LIBC_GEN_SRCS := $(LIBC_GEN_NAMES:%=$(LIBC_OUT)/gen/%.c)
LIBC_C_OBJS := $(patsubst libc/%.c,$(LIBC_OUT)/%.o,$(LIBC_C_SRCS))
LIBC_ARCH_OBJS := $(patsubst libc/%.S,$(LIBC_OUT)/%.o,$(LIBC_ARCH_SRCS))
LIBC_GEN_OBJS := $(LIBC_GEN_SRCS:.c=.o)
LIBC_OBJS := $(LIBC_C_OBJS) $(LIBC_ARCH_OBJS) $(LIBC_GEN_OBJS)

# ar keeps one member per file name: two objects may not share a name.
ifneq ($(words $(sort $(notdir $(LIBC_OBJS)))),$(words $(LIBC_OBJS)))
$(error libc: two objects share a file name: $(sort $(foreach o,$(LIBC_OBJS), \
	$(if $(filter-out 1,$(words $(filter %/$(notdir $(o)),$(LIBC_OBJS)))),$(notdir $(o))))))
endif

# SYS_* for every __NR_* (musl's sed). (<signal.h> reads the signal
# numbers from the UAPI <linux/signal.h> itself.)
$(LIBC_HDRS): $(UAPI) libc/build.mk
	@mkdir -p $(LIBC_OUT)/include/bits
	$(quiet) GEN $(LIBC_OUT)/include/bits/syscall.h
	$(Q){ echo '/* Generated from <asm/unistd_32.h> by libc/build.mk: do not edit. */'; \
	  sed -n 's/^#define __NR_\([a-z0-9_]*\)[ \t].*/#define SYS_\1 __NR_\1/p' \
		$(BUILD)/uapi/asm/unistd_32.h; } > $(LIBC_OUT)/include/bits/syscall.h
	@touch $@

$(LIBC_OUT)/gen/.stamp: libc/syscalls.list libc/gen-syscalls.sh
	@mkdir -p $(dir $@)
	$(quiet) GEN $(LIBC_OUT)/gen/
	$(Q)rm -f $(LIBC_OUT)/gen/*.c
	$(Q)libc/gen-syscalls.sh libc/syscalls.list $(LIBC_OUT)/gen
	@touch $@
$(LIBC_GEN_SRCS): $(LIBC_OUT)/gen/.stamp ;

$(LIBC_C_OBJS): $(LIBC_OUT)/%.o: libc/%.c | $(UAPI) $(LIBC_HDRS)
	@mkdir -p $(dir $@)
	$(quiet) CC $@
	$(Q)$(CC) $(LIBC_CFLAGS) -c $< -o $@

$(LIBC_GEN_OBJS): %.o: %.c | $(UAPI) $(LIBC_HDRS)
	$(quiet) CC $@
	$(Q)$(CC) $(LIBC_CFLAGS) -c $< -o $@

$(LIBC_ARCH_OBJS): $(LIBC_OUT)/%.o: libc/%.S | $(UAPI) $(LIBC_HDRS)
	@mkdir -p $(dir $@)
	$(quiet) AS $@
	$(Q)$(CC) $(USER_ASFLAGS) -MD -MP -c $< -o $@

$(CRT1): libc/arch/i386/crt1.S | $(UAPI) $(LIBC_HDRS)
	@mkdir -p $(dir $@)
	$(quiet) AS $@
	$(Q)$(CC) $(USER_ASFLAGS) -MD -MP -c $< -o $@

$(LIBC_A): $(LIBC_OBJS)
	$(quiet) AR $@
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

.PHONY: libc
libc: $(LIBC_A) $(CRT1)

# --- user programs: tests/user/NAME.c -> build/tests/user/NAME ---------
#
# Linked with the TAP helper (an archive, so programs that do not use it
# do not carry it). Extra objects for one program: add them as its
# prerequisites; extra compile flags: `$(BUILD)/tests/user/NAME: private
# PROG_CFLAGS := ...`.
LIBTAP := $(BUILD)/tests/user/lib/libtap.a

$(BUILD)/tests/user/lib/tap.o: tests/user/lib/tap.c | $(UAPI) $(LIBC_HDRS)
	@mkdir -p $(dir $@)
	$(quiet) CC $@
	$(Q)$(CC) $(USER_CFLAGS) -MD -MP -c $< -o $@

$(LIBTAP): $(BUILD)/tests/user/lib/tap.o
	$(quiet) AR $@
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

$(BUILD)/tests/user/%: tests/user/%.c $(CRT1) $(LIBC_A) $(LIBTAP) | $(UAPI) $(LIBC_HDRS)
	@mkdir -p $(dir $@)
	$(quiet) CC $@.o
	$(Q)$(CC) $(USER_CFLAGS) $(PROG_CFLAGS) -MD -MP -MF $@.d -MT $@ -c $< -o $@.o
	$(quiet) LD $@
	$(Q)$(LD) $(USER_LDFLAGS) -o $@ $(CRT1) $@.o \
		$(filter %.o,$(filter-out $(CRT1),$^)) $(LIBTAP) $(LIBC_A)

# libc_tls checks the stack-protector canary at %gs:0x14 from real code.
$(BUILD)/tests/user/libc_tls: private PROG_CFLAGS := -fstack-protector-all

# libc_vdso walks two fake vDSOs (DT_HASH only, DT_GNU_HASH only), built
# like the kernel's: a versioned shared object, embedded with .incbin.
FAKE_VDSO := $(BUILD)/tests/user/lib/fake-vdso

$(FAKE_VDSO).o: tests/user/lib/fake-vdso.S | $(UAPI)
	@mkdir -p $(dir $@)
	$(quiet) AS $@
	$(Q)$(CC) $(USER_ASFLAGS) -c $< -o $@

$(FAKE_VDSO)-sysv.so $(FAKE_VDSO)-gnu.so: $(FAKE_VDSO)-%.so: $(FAKE_VDSO).o \
		tests/user/lib/fake-vdso.ver
	$(quiet) LD $@
	$(Q)$(LD) -m elf_i386 -shared -nostdlib --hash-style=$* -z noseparate-code \
		-soname linux-gate.so.1 --version-script=tests/user/lib/fake-vdso.ver \
		-o $@ $<

$(FAKE_VDSO)-images.o: tests/user/lib/fake-vdso-images.S $(FAKE_VDSO)-sysv.so \
		$(FAKE_VDSO)-gnu.so
	$(quiet) AS $@
	$(Q)$(CC) $(USER_ASFLAGS) -Wa,-I$(dir $@) -c $< -o $@

$(BUILD)/tests/user/libc_vdso: $(FAKE_VDSO)-images.o
