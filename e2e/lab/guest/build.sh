#!/usr/bin/env bash
# Builds the lab's tiny guest: Debian's kernel + an initramfs (busybox-static, dropbear, a few
# kernel modules, rootfs/) + GRUB, as one hybrid image (grub-mkrescue) that boots both as a
# CD-ROM and as a disk (raw, or through a qcow2 overlay). Root, but no loop devices and no mounts.
#
# Usage: build.sh OUT_DIR     writes OUT_DIR/labdeck-tiny.img and OUT_DIR/version, only when the
#                             recipe (this file, modules, rootfs/, package versions) changed
#        build.sh --version   prints the recipe's hash
# Needs: linux-image-amd64 busybox-static dropbear-bin grub-pc-bin xorriso mtools cpio kmod.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The newest kernel that has both an image and modules.
KVER=$(for v in $(ls /lib/modules | sort -rV); do [[ -e /boot/vmlinuz-$v ]] && { echo "$v"; break; }; done)
[[ -n $KVER ]] || { echo "build.sh: no kernel in /boot with modules (install linux-image-amd64)" >&2; exit 1; }

version() { # modes and contents of the recipe (tar, with times zeroed) plus what it takes from Debian
  {
    tar -C "$HERE" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - build.sh modules rootfs
    echo "$KVER"
    dpkg-query -W -f='${Package} ${Version}\n' busybox-static dropbear-bin grub-pc-bin "linux-image-$KVER"
  } | sha256sum | cut -c1-16
}
if [[ ${1:-} == --version ]]; then version; exit 0; fi
OUT=${1:?usage: build.sh OUT_DIR | --version}
VERSION=$(version)
[[ -s $OUT/labdeck-tiny.img && $(cat "$OUT/version" 2>/dev/null) == "$VERSION" ]] && exit 0

mkdir -p "$OUT"
work=$(mktemp -d "$OUT/.build.XXXXXX")
trap 'rm -rf "$work"' EXIT
t=$work/initramfs
mkdir -p "$t"/{bin,dev,etc,home,lib,lib64,proc,root,run,sys,tmp,usr,var}
# One bin directory (merged-/usr style): every PATH finds every tool.
ln -s bin "$t/sbin"
ln -s ../bin "$t/usr/bin"
ln -s ../bin "$t/usr/sbin"
ln -s ../lib "$t/usr/lib"
ln -s ../run "$t/var/run"
mknod -m 600 "$t/dev/console" c 5 1 # the kernel opens it for /init before devtmpfs is mounted

cp /bin/busybox "$t/bin/busybox" # busybox-static: shell, init, udhcpc, ip, acpid, modprobe…
for a in $(/bin/busybox --list); do [[ -e $t/bin/$a ]] || ln -s busybox "$t/bin/$a"; done
# busybox is setuid root, as upstream intends: su and ping keep root rights (raw sockets: busybox's
# ping has no ICMP-socket mode), every other applet a user runs drops them at once. Root has no
# password, so su (and rootfs/bin/sudo) make anybody root: fine for a throwaway test guest.
# (No /etc/busybox.conf to narrow it down: with one, busybox 1.35 crashes in applets its shell
# runs without exec, such as id.)
chmod 4755 "$t/bin/busybox"

# dropbear is linked dynamically: take it with the libraries ldd names (and the loader).
cp /usr/sbin/dropbear "$t/bin/dropbear"
for lib in $(ldd /usr/sbin/dropbear | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'); do
  install -D "$lib" "$t$lib"
done

# Kernel modules with their dependencies, in modprobe's own resolution; depmod indexes them.
mods=$(grep -v '^#' "$HERE/modules" | tr '\n' ' ')
for m in $mods; do modprobe -S "$KVER" --show-depends "$m"; done |
  awk '$1 == "insmod" { print $2 }' | sort -u | while read -r f; do
    install -D -m 644 "$f" "$t/lib/modules/$KVER/${f#*/lib/modules/$KVER/}"
  done
cp /lib/modules/"$KVER"/modules.{builtin,builtin.modinfo,order} "$t/lib/modules/$KVER/"
depmod -b "$t" "$KVER"
echo "$mods" | tr ' ' '\n' >"$t/etc/modules"

cp -a "$HERE/rootfs/." "$t/"
chmod 600 "$t/etc/shadow"
echo "$VERSION" >"$t/etc/labdeck-guest-version"

iso=$work/iso
mkdir -p "$iso/boot/grub"
cp "/boot/vmlinuz-$KVER" "$iso/boot/vmlinuz"
(cd "$t" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) | gzip -9 >"$iso/boot/initrd.gz"
# Serial console only, no menu. scsi_mod.scan=sync: CD-ROMs and disks exist once their driver
# is loaded (/etc/rc looks for the seed right after); quiet keeps the console for our lines.
cat >"$iso/boot/grub/grub.cfg" <<'EOF'
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set timeout=0
menuentry 'LabDeck tiny guest' {
  linux /boot/vmlinuz console=ttyS0,115200 quiet scsi_mod.scan=sync mitigations=off
  initrd /boot/initrd.gz
}
EOF
grub-mkrescue --quiet --fonts= --locales= --themes= -o "$work/labdeck-tiny.img" "$iso" -- -volid LABDECK-TINY 2>"$work/mkrescue.log" ||
  { cat "$work/mkrescue.log" >&2; exit 1; }
mv "$work/labdeck-tiny.img" "$OUT/labdeck-tiny.img"
echo "$VERSION" >"$OUT/version"
echo "built $OUT/labdeck-tiny.img ($(du -k "$OUT/labdeck-tiny.img" | cut -f1) KiB, kernel $KVER, recipe $VERSION)" >&2
