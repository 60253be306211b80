# gdb commands for the kernel stopped in QEMU. `make gdb` starts QEMU with
# -S -gdb tcp:127.0.0.1:$(GDB_PORT) and runs, from the repository root,
#   gdb -q -ex 'set $port = 1234' -x tools/kernel.gdb
# By hand (two terminals, or QEMU in the background):
#   qemu-system-i386 -m 128M -display none -serial stdio -S -s \
#       -kernel build/kernel.elf -initrd build/initramfs.cpio \
#       -append "syscall=auto" </dev/null
#   gdb -q -x tools/kernel.gdb                 # port 1234 unless $port set
#
# Hardware breakpoints (hbreak) for the early boot: a software breakpoint
# is an int3 that gdb writes into memory, and before boot/multiboot.asm
# turns paging on, the kernel's higher-half addresses are not mapped, so
# gdb cannot plant one there. _start runs at its physical address
# (1 MiB) with paging off; start_kernel at its virtual address with
# paging on. x86 has four debug registers: at most four hbreaks at once.
# From start_kernel on, plain `break` works anywhere in the kernel.

set confirm off
set pagination off
set disassembly-flavor intel
file build/kernel.elf

if $_isvoid($port)
  set $port = 1234
end
eval "target remote localhost:%d", $port

# _start is a NASM label without a type: break on its address.
hbreak *&_start
hbreak start_kernel
echo \n[kernel.gdb] continuing to _start (multiboot entry, paging off)\n
continue
x/3i $pc
echo [kernel.gdb] `c` continues to start_kernel (hbreak 2, paging on).\n
