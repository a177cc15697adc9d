#!/usr/bin/env bash
# Kills every sshd process of one lab host (listener and sessions, as a reboot would) and starts
# it again exactly the way up.sh does (same config, host key, hostname, /etc/hosts, root home).
# For tests of reconnects; prints nothing on success.
# Usage: restart-sshd.sh HOSTNAME      (labhost1, labtest1, ...)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root
name=${1:-}
[[ $name =~ $LAB_NS_RE && -e /run/netns/$name ]] || die "no lab host '$name' is up"
pids=()
for p in $(ip netns pids "$name"); do
  comm=
  read_first "/proc/$p/comm" comm && [[ $comm == sshd ]] && pids+=("$p")
done
((${#pids[@]} == 0)) || kill -KILL "${pids[@]}" 2>/dev/null || true
addr=$(awk '$1 == "ListenAddress" {sub(/:22$/, "", $2); print $2}' "$STATE/$name/sshd_config")
start_sshd "$name" "$addr"
