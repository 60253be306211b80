#!/bin/sh
# Build a bootable CD image with GRUB legacy (0.97) as the boot loader.
#
#   tools/mkiso.sh OUT.iso KERNEL MENU.LST [FILE...]
#
# The image holds boot/grub/stage2_eltorito (El Torito, no emulation),
# boot/grub/menu.lst, the kernel as boot/kernel.elf and each FILE under
# boot/ by its base name (the initramfs, other modules). A file the menu
# loads as `module /boot/NAME` and that is not among the FILEs is taken
# from the kernel's directory (build/initramfs.cpio for build/kernel.elf);
# if it is not there either, this fails: GRUB would stop at "Error 15:
# File not found" and wait for a key. The Makefile calls this for
# build/os.iso; tests call it for throw-away images with their own menu.
# STAGE2=/path/to/stage2_eltorito overrides the search below.
set -eu

if [ $# -lt 3 ]; then
	echo "usage: $0 OUT.iso KERNEL MENU.LST [FILE...]" >&2
	exit 2
fi
out=$1 kernel=$2 menu=$3
shift 3

# Debian's grub-legacy ships it under x86_64-pc even though the code
# is 16/32-bit; other builds use i386-pc.
if [ -z "${STAGE2:-}" ]; then
	for d in /usr/lib/grub/i386-pc /usr/lib/grub/x86_64-pc \
		 /usr/share/grub/i386-pc /boot/grub; do
		if [ -f "$d/stage2_eltorito" ]; then
			STAGE2=$d/stage2_eltorito
			break
		fi
	done
fi
if [ -z "${STAGE2:-}" ] || [ ! -f "$STAGE2" ]; then
	echo "mkiso: stage2_eltorito not found (install grub-legacy:" \
	     "tools/install-deps.sh)" >&2
	exit 1
fi

if command -v genisoimage >/dev/null 2>&1; then
	mkisofs="genisoimage"
elif command -v xorriso >/dev/null 2>&1; then
	mkisofs="xorriso -as mkisofs"
else
	echo "mkiso: need genisoimage or xorriso" >&2
	exit 1
fi

stage=$(mktemp -d "${TMPDIR:-/tmp}/mkiso.XXXXXX")
trap 'rm -rf "$stage"' EXIT INT TERM

mkdir -p "$stage/boot/grub"
# A copy, not a link: -boot-info-table patches the boot file in place.
cp "$STAGE2" "$stage/boot/grub/stage2_eltorito"
cp "$menu" "$stage/boot/grub/menu.lst"
cp "$kernel" "$stage/boot/kernel.elf"
for f in "$@"; do
	cp "$f" "$stage/boot/$(basename "$f")"
done
# Modules the menu names but nobody passed: next to the kernel.
modules=$(sed -n 's|^[[:space:]]*module[[:space:]][[:space:]]*/boot/\([^[:space:]]*\).*|\1|p' "$menu" | sort -u)
for name in $modules; do
	[ -e "$stage/boot/$name" ] && continue
	if [ -f "$(dirname "$kernel")/$name" ]; then
		cp "$(dirname "$kernel")/$name" "$stage/boot/$name"
	else
		echo "mkiso: $menu loads /boot/$name: pass it as a FILE" \
		     "or put it beside $kernel" >&2
		exit 1
	fi
done

mkdir -p "$(dirname "$out")"
# -boot-load-size 4: BIOSes load 4 sectors of 512 bytes; stage2_eltorito
# loads the rest of itself. -R keeps lower-case names for GRUB.
# shellcheck disable=SC2086
$mkisofs -quiet -R -input-charset utf-8 \
	-b boot/grub/stage2_eltorito -no-emul-boot \
	-boot-load-size 4 -boot-info-table \
	-o "$out.tmp" "$stage"
mv "$out.tmp" "$out"
