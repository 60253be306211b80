# arch/i386/vdso/: the vDSO, two ELF shared objects embedded in the kernel.
#
#   vsyscall-int80.o    + vclock_gettime.o -> vdso-int80.so.dbg    -> vdso-int80.so
#   vsyscall-sysenter.o + vclock_gettime.o -> vdso-sysenter.so.dbg -> vdso-sysenter.so
#
# The .so.dbg files keep every symbol (gdb, nm); the .so files are the
# stripped images the kernel embeds (vdso-images.S, .incbin). The offsets
# the kernel needs go from nm into build/include/generated/vdso-offsets.h.
# The vDSO objects are user code: -fPIC, UAPI headers first, no kernel
# flags. `make vdso-dump` disassembles both images.

VDSO_SRC := arch/i386/vdso
VDSO_OUT := $(BUILD)/arch/i386/vdso
VDSO_IMAGES := int80 sysenter
VDSO_SO  := $(VDSO_IMAGES:%=$(VDSO_OUT)/vdso-%.so)
VDSO_DBG := $(VDSO_SO:%=%.dbg)
VDSO_OFFSETS_H  := $(BUILD)/include/generated/vdso-offsets.h
VDSO_SIGFRAME_H := $(BUILD)/include/generated/vdso-sigframe.h

OBJDUMP ?= objdump
READELF ?= readelf

# UAPI before include/: the vDSO is user space (include/asm/ has
# kernel headers such as ptrace.h whose names clash with the UAPI's).
VDSO_CPPFLAGS := -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-I$(BUILD)/uapi -Iinclude -I$(BUILD)/include -DBUILD_VDSO -MD -MP
VDSO_CFLAGS := -m32 -march=i686 -std=gnu11 -ffreestanding $(VDSO_CPPFLAGS) \
	-fPIC -O2 -g -fno-stack-protector -fno-omit-frame-pointer \
	-fasynchronous-unwind-tables -fno-common -mgeneral-regs-only \
	-Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes
VDSO_ASFLAGS := -m32 -D__ASSEMBLER__ $(VDSO_CPPFLAGS) -fPIC -g \
	-Wa,--fatal-warnings
VDSO_LDFLAGS := -m32 -nostdlib -shared -fPIC \
	-Wl,-T,$(VDSO_OUT)/vdso.lds -Wl,--version-script=$(VDSO_SRC)/vdso.map \
	-Wl,-soname=linux-gate.so.1 -Wl,--hash-style=both \
	-Wl,-z,max-page-size=4096 -Wl,-z,noseparate-code \
	-Wl,--build-id=sha1 -Wl,--eh-frame-hdr -Wl,--no-undefined \
	-Wl,--fatal-warnings

$(VDSO_OUT)/vdso.lds: $(VDSO_SRC)/vdso.lds.S include/asm/vdso.h
	@mkdir -p $(dir $@)
	$(quiet) CPP $@
	$(Q)$(CC) -E -P -x c -D__ASSEMBLER__ -DBUILD_VDSO -Iinclude $< -o $@

# Offsets into Linux's signal frames for sigreturn.S's unwind info.
$(VDSO_SIGFRAME_H): $(VDSO_SRC)/sigframe-offsets.c $(VDSO_SRC)/build.mk | $(UAPI)
	@mkdir -p $(dir $@) $(VDSO_OUT)
	$(quiet) GEN $@
	$(Q)$(CC) $(filter-out -g -MD -MP,$(VDSO_CFLAGS)) -S $< -o $(VDSO_OUT)/sigframe-offsets.s
	$(Q){ echo '/* Generated from $<: do not edit. */'; \
	  echo '#ifndef _GENERATED_VDSO_SIGFRAME_H'; \
	  echo '#define _GENERATED_VDSO_SIGFRAME_H'; \
	  sed -n 's/^[[:space:]]*->\([A-Za-z_0-9]*\) \$$*\([-0-9]*\) \(.*\)$$/#define \1 \2 \/* \3 *\//p' \
	      $(VDSO_OUT)/sigframe-offsets.s; \
	  echo '#endif'; } > $@.tmp
	$(Q)mv $@.tmp $@

$(VDSO_OUT)/vsyscall-int80.o $(VDSO_OUT)/vsyscall-sysenter.o: \
		$(VDSO_OUT)/%.o: $(VDSO_SRC)/%.S $(VDSO_SIGFRAME_H) | $(UAPI)
	@mkdir -p $(dir $@)
	$(quiet) AS $@
	$(Q)$(CC) $(VDSO_ASFLAGS) -c $< -o $@

$(VDSO_OUT)/vclock_gettime.o: $(VDSO_SRC)/vclock_gettime.c | $(UAPI)
	@mkdir -p $(dir $@)
	$(quiet) CC $@
	$(Q)$(CC) $(VDSO_CFLAGS) -c $< -o $@

# vsyscall-*.o first: __kernel_vsyscall opens .text.
$(VDSO_DBG): $(VDSO_OUT)/vdso-%.so.dbg: $(VDSO_OUT)/vsyscall-%.o \
		$(VDSO_OUT)/vclock_gettime.o $(VDSO_OUT)/vdso.lds $(VDSO_SRC)/vdso.map
	$(quiet) VDSO $@
	$(Q)$(CC) $(VDSO_LDFLAGS) -o $@ $(filter %.o,$^)

$(VDSO_SO): %.so: %.so.dbg
	$(quiet) STRIP $@
	$(Q)$(OBJCOPY) --strip-all $< $@

$(VDSO_OFFSETS_H): $(VDSO_SO) $(VDSO_DBG) $(VDSO_SRC)/gen-vdso-offsets.sh
	@mkdir -p $(dir $@)
	$(quiet) GEN $@
	$(Q)NM=$(NM) $(VDSO_SRC)/gen-vdso-offsets.sh \
		INT80 $(VDSO_OUT)/vdso-int80.so.dbg $(VDSO_OUT)/vdso-int80.so \
		SYSENTER $(VDSO_OUT)/vdso-sysenter.so.dbg $(VDSO_OUT)/vdso-sysenter.so \
		> $@.tmp
	$(Q)mv $@.tmp $@

# The kernel side: the embedded images (.incbin: these prerequisites are
# the only record of that dependency) and their descriptions.
$(VDSO_OUT)/vdso-images.o: $(VDSO_SO) $(VDSO_OFFSETS_H)
$(VDSO_OUT)/vdso-images.o: ASFLAGS += -Wa,-I$(VDSO_OUT)
$(VDSO_OUT)/vdso_images.o: $(VDSO_OFFSETS_H)
KERNEL_OBJS += $(VDSO_OUT)/vdso-images.o $(VDSO_OUT)/vdso_images.o

.PHONY: vdso-dump
vdso-dump: $(VDSO_SO) $(VDSO_DBG)
	$(Q)for f in $(VDSO_DBG); do \
		echo "=== $$f (disassembly, with local symbols)"; \
		$(OBJDUMP) -d $$f | sed -n '/^Disassembly/,$$p'; \
	done
	$(Q)for f in $(VDSO_SO); do \
		echo "=== $$f (the embedded image)"; \
		$(READELF) --dyn-syms -V $$f; \
	done
