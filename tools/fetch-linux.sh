#!/bin/sh
# Fetch Debian's real Linux i386 kernel (the 686 flavour, non-PAE) for the
# reference runs (make test-linux, docs/linux-reference.md):
#
#   tools/fetch-linux.sh [OUTDIR]        (default build/linux)
#
# leaves OUTDIR/vmlinuz (a copy of the package's boot/vmlinuz-*), the
# package's boot/ extracted under OUTDIR/pkg/ and OUTDIR/version (the kernel
# release, e.g. 6.1.0-28-686), and prints the version used.
#
# Idempotent and quiet when there is nothing to do. The .deb is kept in
# $GATE386_CACHE (default /var/cache/gate386), so a later run, or a fresh
# clone on the same machine, downloads nothing. apt is asked only when
# needed: `dpkg --add-architecture i386` if i386 is not there yet, and
# `apt-get update` only when the package is not known to apt (or its
# download fails because the lists are stale). Run as root on Debian 12;
# as another user it works only when the .deb is already in the cache.
#
# KERNEL_PKG=linux-image-6.1.0-NN-686 picks a package instead of the one
# linux-image-686:i386 depends on.
set -eu

out=${1:-build/linux}
cache=${GATE386_CACHE:-/var/cache/gate386}
meta=linux-image-686:i386

say() { echo "fetch-linux: $*" >&2; }
die() { say "$*"; exit 1; }
# A partial failure (one mirror index mid-sync) is common and usually
# harmless: go on with what apt has, and judge by the result.
update() { apt-get update -qq || say "apt-get update reported errors; going on"; }

is_root() { [ "$(id -u)" = 0 ]; }

# The versioned package the metapackage depends on: linux-image-6.1.0-NN-686.
resolve() {
	apt-cache depends "$meta" 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[0-9][^ :]*-686\)\(:i386\)\{0,1\}$/\1/p' |
		head -n 1
}

# Newest .deb of the 686 flavour already in the cache (by version order).
cached_deb() {
	# shellcheck disable=SC2012
	ls "$cache"/linux-image-[0-9]*-686_*_i386.deb 2>/dev/null |
		sed 's/.*_\([^_]*\)_i386\.deb$/\1 &/' |
		sort -V -k1,1 | tail -n 1 | cut -d' ' -f2
}

pkg=${KERNEL_PKG:-}
deb=""

if [ -z "$pkg" ] && ! is_root; then
	# Without root apt cannot be set up: use the cache as it is.
	deb=$(cached_deb)
	[ -n "$deb" ] || die "no kernel in $cache and not root: run 'sudo $0'"
fi

# Set ver and deb: the version of $pkg apt would fetch now and its .deb
# in the cache (there or not yet).
want() {
	# The exact version, so that a cached .deb of an older point
	# release is not taken for it.
	ver=$(apt-cache policy "$pkg:i386" 2>/dev/null | sed -n 's/^ *Candidate: //p')
	case "$ver" in
	""|"(none)")
		ver=""
		# shellcheck disable=SC2012
		deb=$(ls "$cache/${pkg}"_*_i386.deb 2>/dev/null | tail -n 1) ;;
	# apt writes an epoch's colon as %3a in file names.
	*)	deb="$cache/${pkg}_$(echo "$ver" | sed 's/:/%3a/')_i386.deb" ;;
	esac
}

download() {
	say "downloading $pkg:i386 ${ver:-} into $cache"
	(cd "$cache" && apt-get download -q "$pkg:i386" >/dev/null)
}

if [ -z "$deb" ]; then
	if [ -z "$pkg" ]; then
		if ! dpkg --print-foreign-architectures | grep -qx i386; then
			is_root || die "i386 is not a dpkg architecture: run 'sudo $0'"
			say "dpkg --add-architecture i386"
			dpkg --add-architecture i386
		fi
		pkg=$(resolve)
		if [ -z "$pkg" ]; then
			is_root || die "apt knows no $meta: run 'sudo $0'"
			say "apt-get update (to learn the i386 packages)"
			update
			pkg=$(resolve)
		fi
		if [ -z "$pkg" ]; then
			deb=$(cached_deb)
			[ -n "$deb" ] || die "apt-cache depends $meta names no linux-image-*-686"
			say "apt knows no $meta: using the cached $(basename "$deb")"
		fi
	fi
fi

if [ -z "$deb" ]; then
	want
	if [ -z "$deb" ] || [ ! -s "$deb" ]; then
		is_root || [ -w "$cache" ] || die "cannot write $cache: run 'sudo $0'"
		mkdir -p "$cache"
		# apt downloads as the user _apt where it can write.
		if is_root && id _apt >/dev/null 2>&1; then chown _apt "$cache"; fi
		if ! download; then
			# Stale lists: the archive has moved on to a newer
			# build, perhaps under a new package name (ABI bump).
			say "download failed; apt-get update and retry"
			update
			[ -n "${KERNEL_PKG:-}" ] || pkg=$(resolve)
			if [ -n "$pkg" ]; then
				want
				download || true
			fi
		fi
		want
		if [ -z "$deb" ] || [ ! -s "$deb" ]; then
			deb=$(cached_deb)
			[ -n "$deb" ] || die "could not download $pkg:i386"
			say "could not download $pkg:i386: using the cached $(basename "$deb")"
		fi
	fi
fi

# Extract once per .deb: the stamp holds the name of the .deb extracted.
stamp="$out/.extracted"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(basename "$deb")" ] ||
   [ ! -s "$out/vmlinuz" ]; then
	rm -rf "$out/pkg" "$out/vmlinuz" "$out/version" "$stamp"
	mkdir -p "$out/pkg"
	# Only boot/ (vmlinuz, config, System.map): the modules under lib/
	# are ~400 MB unpacked and an initramfs-only boot needs none of them.
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$out/pkg" ./boot
	set -- "$out"/pkg/boot/vmlinuz-*
	{ [ $# -eq 1 ] && [ -f "$1" ]; } || die "$deb holds no single boot/vmlinuz-*"
	cp "$1" "$out/vmlinuz"
	basename "$1" | sed 's/^vmlinuz-//' > "$out/version"
	basename "$deb" > "$stamp"
fi

echo "fetch-linux: Linux $(cat "$out/version"), Debian $(dpkg-deb -f "$deb" Version) ($(basename "$deb")) -> $out/vmlinuz"
