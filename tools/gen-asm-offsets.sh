#!/bin/sh
# gen-asm-offsets.sh FILE.s: turn the "->NAME value expr" markers that
# arch/i386/asm-offsets.c leaves in its assembly into C/asm #defines.
set -eu
echo '/* Generated from arch/i386/asm-offsets.c: do not edit. */'
echo '#ifndef _ASM_OFFSETS_H'
echo '#define _ASM_OFFSETS_H'
sed -n 's/^[[:space:]]*->\([A-Za-z_0-9]*\) \$*\([-0-9]*\) \(.*\)$/#define \1 \2 \/* \3 *\//p; s/^[[:space:]]*->$//p' "$1"
echo '#endif'
