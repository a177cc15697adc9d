#!/usr/bin/env bash
# Runs a lab host's daemon (sshd, libvirtd) inside "ip netns exec NAME", whose mount namespace is
# private to the host, and gives the host two files of its own there before exec'ing the command:
#  - /etc/hosts that knows its hostname (as on an installed Debian), so lookups of it don't go
#    to DNS, which is unreachable from the namespace;
#  - a clean root home (Debian's skeleton dotfiles): this machine's /root/.bashrc runs pyenv
#    init, which bash sources for every SSH command and which costs ~0.3 s each.
# Nothing here is visible in the root namespace.
# Usage: host-env.sh NAME DIR ADDRESS COMMAND...
set -euo pipefail
name=$1 dir=$2 addr=$3
shift 3
printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n%s\t%s\n::1\tlocalhost ip6-localhost ip6-loopback\n' \
  "$name" "$addr" "$name" >"$dir/hosts"
mkdir -p -m 700 "$dir/root-home"
for f in /etc/skel/.bashrc /etc/skel/.profile; do [[ -e $f ]] && cp -n "$f" "$dir/root-home/"; done
mount --bind "$dir/hosts" /etc/hosts
mount --bind "$dir/root-home" /root
exec "$@"
