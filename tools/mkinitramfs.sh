#!/bin/sh
# Pack a staging directory into an initramfs: a cpio archive in the
# "newc" format Linux (and kernel/initramfs.c) unpacks.
#
#   tools/mkinitramfs.sh [--crc] DIR OUT.cpio
#
# The archive is reproducible: the same tree gives the same bytes. Names
# are sorted (C locale) and relative ("." first, then "bin", "bin/sh",
# ...), every entry is owned by root (0:0) and dated SOURCE_DATE_EPOCH
# (default 0), and cpio renumbers inodes and zeroes device numbers
# (--reproducible). Modes, symlinks and hard links are kept as they are.
# DIR is not modified: the dates are set on a temporary copy. --crc
# writes the 070702 variant, which carries a checksum per file.
set -eu

format=newc
if [ "${1:-}" = "--crc" ]; then
	format=crc
	shift
fi
if [ $# -ne 2 ] || [ ! -d "$1" ]; then
	echo "usage: $0 [--crc] DIR OUT.cpio" >&2
	exit 2
fi
dir=$1 out=$2
epoch=${SOURCE_DATE_EPOCH:-0}

if ! command -v cpio >/dev/null 2>&1; then
	echo "mkinitramfs: cpio not found (run tools/install-deps.sh)" >&2
	exit 1
fi

stage=$(mktemp -d "${TMPDIR:-/tmp}/mkinitramfs.XXXXXX")
trap 'rm -rf "$stage"' EXIT INT TERM

# cp -a keeps modes, symlinks and hard links; the copy's dates are ours.
cp -a "$dir/." "$stage/"
find "$stage" -exec touch -h -d "@$epoch" {} +

mkdir -p "$(dirname "$out")"
# NUL-separated names survive any character; -R 0:0 needs no root.
(
	cd "$stage"
	{ printf '.\0'; find . -mindepth 1 -printf '%P\0' | LC_ALL=C sort -z; } |
		LC_ALL=C cpio --quiet -o -H "$format" --null --reproducible -R 0:0
) > "$out.tmp"
mv "$out.tmp" "$out"
