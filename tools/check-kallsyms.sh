#!/bin/sh
# check-kallsyms.sh PASS1 FINAL: fail if any symbol outside the symbol
# table moved between the two link passes (the table would then lie).
set -eu
filter() { nm -n "$1" | awk '$3 !~ /^(kallsyms_|_end$)/ { print $1, $3 }'; }
a=$(mktemp); b=$(mktemp)
trap 'rm -f "$a" "$b"' EXIT
filter "$1" > "$a"
filter "$2" > "$b"
if ! cmp -s "$a" "$b"; then
	echo "check-kallsyms: symbols moved between link passes:" >&2
	diff "$a" "$b" | head -20 >&2
	exit 1
fi
