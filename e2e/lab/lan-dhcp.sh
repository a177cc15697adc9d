#!/usr/bin/env bash
# Switches the lab LAN's DHCP server on or off: dnsmasq in namespace lablan1 on lan0, the far end
# of labhost1's eth1 (see lib.sh). up.sh always turns it on again.
# Usage: lan-dhcp.sh on|off|status     (status prints "on" or "off")
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root
case ${1:-} in
  on)
    [[ -e /run/netns/$LAN_NS ]] || die "no LAN namespace $LAN_NS: run up.sh first"
    lan_dhcp_start || die "dnsmasq did not start (log: $LAN_DIR/dnsmasq.out)"
    ;;
  off) lan_dhcp_stop ;;
  status) if lan_dhcp_running; then echo on; else echo off; fi ;;
  *) die "usage: lan-dhcp.sh on|off|status" ;;
esac
