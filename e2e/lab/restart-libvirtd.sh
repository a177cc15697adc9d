#!/usr/bin/env bash
# Fault injection for labhost1's libvirtd (used by e2e/integration/faults/): `kill` SIGKILLs it as a
# crash would (guests keep running; reaper.pl holds them), `start` starts it again exactly the way
# up.sh does (start_libvirt_daemons), `restart` does both. Prints nothing on success.
# Usage: restart-libvirtd.sh kill|start|restart
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root
[[ -e /run/netns/labhost1 ]] || die "labhost1 is not up"
dir=$STATE/labhost1
kill_it() {
  local pid= i
  pid_alive "$dir/libvirtd.pid" libvirtd || return 0
  read_first "$dir/libvirtd.pid" pid
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do running "$pid" || return 0; sleep 0.02; done
}
case ${1:-restart} in
  kill) kill_it ;;
  start) start_libvirt_daemons ;;
  restart) kill_it && start_libvirt_daemons ;;
  *) die "usage: restart-libvirtd.sh kill|start|restart" ;;
esac
