#!/bin/sh
# h2inc.sh HEADER: print the header's object-like #defines as NASM %defines,
# so that NASM code shares one definition of each constant with C.
set -eu
gcc -E -dM -D__ASSEMBLER__ -Iinclude "$1" |
	awk '$1 == "#define" && $2 ~ /^[A-Z][A-Z0-9_]*$/ && NF == 3 { print "%define " $2 " " $3 }' |
	sort
