#!/usr/bin/env bash
# Removes LabDeck's test lab: guests destroyed, then undefined; networks and pools undefined;
# daemons (libvirtd, virtlogd, the LAN's dnsmasq) stopped by their PID files; every process left
# in a lab namespace killed; namespaces deleted; waits until the root-side veths are gone. Safe
# when the lab is half up or absent: it never fails. Generated keys and the built guest image in
# $STATE are kept, so fingerprints stay stable and the image is not rebuilt (--purge removes
# $STATE entirely).
# Usage: down.sh [--purge]
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

T0=$(date +%s%N)
PURGE=0
[[ ${1:-} == --purge ]] && PURGE=1
require_root

# Tests must not find a lab.json describing a lab that is going away.
rm -f "$STATE/lab.json"

libvirt_teardown
lan_dhcp_stop
teardown_ns $(lab_namespaces) # (lablan1, the LAN machine, included)
wait_links_gone
restore_default_network

# Runtime leftovers of the lab's guests and networks (libvirt keeps logs and lease files).
rm -f /var/log/libvirt/qemu/lab-running.log* /var/log/libvirt/qemu/lab-shutoff.log* \
  /var/lib/libvirt/dnsmasq/virbr0.* /var/lib/libvirt/dnsmasq/virbr1.* \
  /var/lib/libvirt/dnsmasq/default.* /var/lib/libvirt/dnsmasq/maas.*

# libvirt's runtime directory, once no libvirt daemon is left at all (it is recreated on start).
if ! any_running libvirtd && ! any_running virtlogd && ! any_running virtqemud; then rm -rf /run/libvirt; fi
rm -f /var/log/libvirt/virtlogd.log
# sshd's privilege separation directory, which up.sh created, unless some sshd still uses it.
any_running sshd || rmdir /run/sshd 2>/dev/null

if ((PURGE)); then
  rm -rf "$STATE"
elif [[ -d $STATE ]]; then
  # Keep the keys and the built guest image; drop runtime files (PID files, logs, pool, the LAN's
  # leases, generated configs).
  find "$STATE" -mindepth 1 -maxdepth 1 ! -name 'id_ed25519*' ! -name 'labhost1' ! -name 'labtest*' \
    ! -name 'orig-default-network.xml*' ! -name guest -exec rm -rf {} +
  find "$STATE" -mindepth 2 -maxdepth 2 -path "$STATE/lab*/*" ! -name 'ssh_host_ed25519_key*' -exec rm -rf {} +
fi

ms=$((($(date +%s%N) - T0) / 1000000))
log "lab down in $((ms / 1000)).$(printf %03d $((ms % 1000)))s; left: namespaces [$(lab_namespaces | tr '\n' ' ')] links [$(lab_links | tr '\n' ' ')]"
exit 0
