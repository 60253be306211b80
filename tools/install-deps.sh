#!/bin/sh
# Install the Debian 12 packages the build, the emulators and the tests need.
# Idempotent: asks dpkg what is missing and calls apt-get only for that.
# Run as root (as on a fresh CI machine); otherwise it prints what to install.
set -eu

PACKAGES="
make gcc binutils nasm perl cpio
qemu-system-x86 qemu-user
bochs bochs-term bochsbios vgabios
grub-legacy genisoimage mtools
gdb linux-libc-dev
gnuplot-nox
"

missing=""
for p in $PACKAGES; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "install-deps: missing packages:$missing" >&2
	echo "install-deps: run 'sudo $0' (or apt-get install them) and retry" >&2
	exit 1
fi

echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# bochs-term first so that apt satisfies bochs's GUI dependency with it
# instead of pulling the wxWidgets front end.
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
