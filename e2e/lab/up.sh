#!/usr/bin/env bash
# Brings up LabDeck's real test lab on this machine (Debian/Ubuntu, root, systemd not needed):
#   labhost1       a KVM host: network namespace + real libvirtd (TCG guests) + its own sshd
#   labtest1..N    read-only hosts: namespace + sshd, libvirt test driver (no daemon, cheap)
# and writes $STATE/lab.json (schema: lab-description.ts), which every test reads.
#
# Idempotent: a host that is already up (marker file from this version of the scripts, daemons
# alive) is kept; anything broken or outdated is torn down and rebuilt. Only loopback and the
# lab's own namespaces are ever contacted; the root namespace only gets the veths' /24 routes.
#
# Usage: up.sh [--test-hosts N]      (N defaults to 2; down.sh removes everything again)
set -euo pipefail
# (pipefail: no "cmd | grep -q" below, grep's early exit would fail the pipe with SIGPIPE)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

T0=$(date +%s%N)
TEST_HOSTS=2
while (($#)); do
  case $1 in
    --test-hosts) TEST_HOSTS=${2:-}; shift 2 || die "--test-hosts needs a number" ;;
    --test-hosts=*) TEST_HOSTS=${1#*=}; shift ;;
    -h | --help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (usage: up.sh [--test-hosts N])" ;;
  esac
done
# Test host K uses 10.99.(K+1).0/24 and MAC byte K: keep K within one byte.
[[ $TEST_HOSTS =~ ^[0-9]+$ ]] && ((TEST_HOSTS <= 200)) || die "--test-hosts must be 0..200"
require_root

PACKAGES=(openssh-server openssh-client libvirt-clients libvirt-daemon libvirt-daemon-driver-qemu
  libvirt-daemon-system libvirt-daemon-system-sysv qemu-system-x86 qemu-utils dnsmasq-base
  iptables iproute2 jq iputils-ping
  # the lab guest (guest/build.sh) and tools tests use on cloud-init seeds
  linux-image-amd64 busybox-static dropbear-bin grub-pc-bin xorriso mtools cpio kmod
  cloud-init cloud-image-utils genisoimage
  # the tests' own tools: Playwright's browser (/usr/bin/chromium) and xmllint for the schema tests
  # (.ci/run installs these two before `npm run check`, which needs no lab)
  chromium libxml2-utils
  # the Ansible export's tests: ansible (ships community.libvirt), ansible-lint, and on the KVM
  # host (this machine) the Python bindings community.libvirt needs
  ansible ansible-lint python3-libvirt python3-lxml)
CLIENT_KEY=$STATE/id_ed25519
LABUSER=labuser
DEAD_PORT=2299
POOL_DIR=$STATE/labhost1/pool
VOLUME=lab-disk.qcow2
# The tiny guest (guest/build.sh), uploaded to labhost1's pool as an install ISO and as a cloud
# image (the same hybrid image). It is rebuilt only when its own recipe changes (guest/ is not
# part of LAB_VERSION), and a new image only replaces the two volumes.
GUEST_DIR=$STATE/guest
GUEST_IMAGE=$GUEST_DIR/labdeck-tiny.img
GUEST_ISO_VOL=labdeck-tiny.iso
GUEST_CLOUD_VOL=labdeck-tiny-cloud.img
GUEST_MIN_MEMORY_MIB=112 # 104 measured (README); below, GRUB cannot place Debian's kernel
# Any change to the lab's scripts or templates rebuilds the hosts on the next run.
LAB_VERSION=$(cat "$LAB_DIR"/{up.sh,lib.sh,host-env.sh,reaper.pl,test-node.sh,libvirtd.conf} "$LAB_DIR"/xml/*.xml | sha256sum | cut -c1-16)
SSH_OPTS=(-F /dev/null -i "$CLIENT_KEY" -o IdentitiesOnly=yes -o BatchMode=yes -o ConnectTimeout=5
  -o StrictHostKeyChecking=yes -o "UserKnownHostsFile=$STATE/known_hosts" -o GlobalKnownHostsFile=/dev/null
  -o LogLevel=ERROR)

ensure_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    [[ $(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null) == ii* ]] || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get"
  log "installing ${missing[*]}"
  # policy-rc.d exit 101: package scripts must not start a libvirtd in the root namespace.
  local own_policy=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\n# LabDeck e2e/lab/up.sh: no service starts during package installation.\nexit 101\n' \
      >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    own_policy=1
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # libvirt-daemon-system-sysv instead of the systemd variant, which would pull systemd in.
  apt-get install -y -q --no-install-recommends "${missing[@]}"
  if ((own_policy)); then rm -f /usr/sbin/policy-rc.d; trap - EXIT; fi
}

# Only the lab's own libvirtd may serve /run/libvirt/libvirt-sock (the socket path is global).
check_foreign_libvirtd() {
  local pid d
  for d in libvirtd virtlogd; do
    for pid in $(pgrep -x "$d" || true); do
      [[ $(cat "$STATE/labhost1/$d.pid" 2>/dev/null) == "$pid" ]] && continue
      running "$pid" || continue # a zombie (PID 1 here reaps slowly)
      die "a $d not started by the lab runs (pid $pid); stop it first (e.g. service $d stop)"
    done
  done
}

unlock_account() { # sshd with UsePAM no refuses key logins to accounts locked with '!'.
  [[ $(getent shadow "$1" | cut -d: -f2) == '!'* ]] && usermod -p '*' "$1"
  return 0
}

ensure_accounts() {
  unlock_account root
  if ! id "$LABUSER" >/dev/null 2>&1; then
    useradd --system --create-home --shell /bin/bash "$LABUSER"
  fi
  # Tests need a user that can log in but may not use libvirt.
  if [[ " $(id -nG "$LABUSER") " == *" libvirt "* ]]; then gpasswd -d "$LABUSER" libvirt >/dev/null; fi
  unlock_account "$LABUSER"
}

ensure_client_key() {
  [[ -s $CLIENT_KEY && -s $CLIENT_KEY.pub ]] || {
    rm -f "$CLIENT_KEY" "$CLIENT_KEY.pub"
    ssh-keygen -q -t ed25519 -N '' -C labdeck-lab -f "$CLIENT_KEY"
  }
  chmod 600 "$CLIENT_KEY"
  # Read by sshd as the logging-in user (labuser too): world-readable.
  install -m 644 "$CLIENT_KEY.pub" "$STATE/authorized_keys"
}

# make_host_net NS IFPREFIX SUBNET(a.b.c) MACBYTE BR0-ADDRESS
# eth0 = management veth (root side PREFIX-mgmt, SUBNET.1 <-> SUBNET.2), eth1 = stand-alone NIC,
# eth2 = port of bridge br0. Peers of eth1/eth2 stay in the root namespace (unaddressed) so the
# host's own interface list is tidy. The kernel here has no dummy NICs, so NICs are veths.
make_host_net() {
  local ns=$1 p=$2 net=$3 mac=02:6c:62:$4 br=$5
  # Hosts are built in parallel; the first "ip netns add" on a machine also sets up the /run/netns
  # mount, which two concurrent calls can do twice: serialise it.
  flock "$STATE/.netns.lock" ip netns add "$ns"
  ip link add "$p-mgmt" type veth peer name eth0 address "$mac:00:00" netns "$ns"
  ip link add "$p-eth1" type veth peer name eth1 address "$mac:00:01" netns "$ns"
  ip link add "$p-eth2" type veth peer name eth2 address "$mac:00:02" netns "$ns"
  ip addr add "$net.1/24" dev "$p-mgmt"
  ip -batch - <<EOF
link set $p-mgmt up
link set $p-eth1 up
link set $p-eth2 up
EOF
  ip -n "$ns" -batch - <<EOF
link set lo up
addr add $net.2/24 dev eth0
link set eth0 up
link set eth1 up
link add br0 address $mac:00:03 type bridge forward_delay 0
link set eth2 master br0
link set eth2 up
link set br0 up
addr add $br/24 dev br0
EOF
}

# host_ok NAME IFPREFIX: built by this version of the scripts and still alive.
host_ok() {
  [[ $(cat "$STATE/$1/.complete" 2>/dev/null) == "$LAB_VERSION" && -e /run/netns/$1 ]] &&
    pid_alive "$STATE/$1/sshd.pid" sshd && [[ $(ip link show dev "$2-mgmt" up 2>/dev/null) == *UP* ]]
}

rebuild_start() { # NAME IFPREFIX: remove whatever is left of the host.
  rm -f "$STATE/$1/.complete"
  teardown_ns "$1"
  wait_links_gone "^$2-"
  mkdir -p "$STATE/$1"
}

ensure_test_host() {
  local K=$1 name=labtest$1 p=labt$1
  host_ok "$name" "$p" && return 0
  rebuild_start "$name" "$p"
  make_host_net "$name" "$p" "10.99.$((K + 1))" "$(printf %02x "$K")" "192.168.$((50 + K)).10"
  start_sshd "$name" "10.99.$((K + 1)).2"
  bash "$LAB_DIR/test-node.sh" "$K" >"$STATE/$name/node.xml.tmp"
  mv "$STATE/$name/node.xml.tmp" "$STATE/$name/node.xml"
  echo "$LAB_VERSION" >"$STATE/$name/.complete"
}

remove_extra_test_hosts() {
  local ns d gone=() nss=()
  for ns in $(lab_namespaces); do
    [[ $ns =~ ^labtest([0-9]+)$ ]] && ((BASH_REMATCH[1] > TEST_HOSTS)) || continue
    nss+=("$ns")
    gone+=("${BASH_REMATCH[1]}")
  done
  teardown_ns "${nss[@]}"
  for d in "$STATE"/labtest*; do
    [[ ${d##*/labtest} =~ ^[0-9]+$ ]] && ((${d##*/labtest} > TEST_HOSTS)) && rm -rf "$d"
  done
  if ((${#gone[@]})); then wait_links_gone "^labt($(IFS='|'; echo "${gone[*]}"))-"; fi
  return 0
}

ensure_labhost1() {
  local dir=$STATE/labhost1
  if ! host_ok labhost1 lab1 || ! libvirtd_alive || ! pid_alive "$dir/virtlogd.pid" virtlogd; then
    libvirt_teardown
    lan_teardown # (its lan0 is the far end of the eth1 that is about to go)
    rebuild_start labhost1 lab1
    make_host_net labhost1 lab1 10.99.1 00 192.168.50.10
    # deadEndpoint: SYNs to 10.99.1.2:2299 vanish, so connecting can only time out.
    ip netns exec labhost1 iptables -A INPUT -p tcp --dport "$DEAD_PORT" -j DROP
    start_sshd labhost1 10.99.1.2
    backup_default_network # before libvirtd loads (and rewrites) the package's file
    # udev would make /dev/kvm group kvm 0660; without it libvirt re-probes QEMU on every start.
    if [[ -c /dev/kvm ]]; then chgrp kvm /dev/kvm && chmod 660 /dev/kvm; fi
    start_libvirt_daemons || die "libvirtd did not come up (log: $dir/libvirtd.log)"
    echo "$LAB_VERSION" >"$dir/.complete"
  fi
  ensure_qemu_objects
  ensure_lan
}

# The LAN machine (see lib.sh): moves eth1's far end (lab1-eth1, left in the root namespace by
# make_host_net) into namespace lablan1 as lan0, addresses both ends and (re)starts its DHCP
# server, which tests may have switched off (lan-dhcp.sh). Every step is idempotent.
ensure_lan() {
  [[ -e /run/netns/$LAN_NS ]] || flock "$STATE/.netns.lock" ip netns add "$LAN_NS"
  if ip link show dev lab1-eth1 >/dev/null 2>&1; then
    ip link set dev lab1-eth1 netns "$LAN_NS"
    ip -n "$LAN_NS" link set dev lab1-eth1 name "$LAN_IF"
  fi
  ip -n "$LAN_NS" -batch - <<EOF
link set lo up
link set $LAN_IF up
addr replace $LAN_ADDR/$LAN_PREFIX dev $LAN_IF
EOF
  ip -n labhost1 addr replace "$LAN_HOST_ADDR/$LAN_PREFIX" dev eth1
  lan_dhcp_start || die "the LAN's dnsmasq did not start (log: $LAN_DIR/dnsmasq.out)"
}

# (Re)defines labhost1's libvirt objects every run (cheap) and puts them in the expected state,
# whatever tests did to them in between.
ensure_qemu_objects() {
  local v=(virsh -q -c "$QEMU_URI") x n st now want
  backup_default_network
  # Fast path: read the state with one virsh process ("echo =" separates the answers; virsh runs
  # every command even after an error) and, if all is as it should be, only re-define the
  # objects from the templates in one more (undoing changes tests may have made).
  now=$("${v[@]}" "net-uuid default; echo =; net-list --name; echo =; net-list --autostart --name; echo =;
    vol-list default; echo =; list --name; echo =; list --inactive --name" 2>/dev/null | tr -s ' \n' ' ' | sed 's/ *= */=/g; s/ $//')
  # (vol-list is sorted by name)
  want="$LAB_NET_UUID=default maas=default=$VOLUME $POOL_DIR/$VOLUME $GUEST_CLOUD_VOL $POOL_DIR/$GUEST_CLOUD_VOL"
  want+=" $GUEST_ISO_VOL $POOL_DIR/$GUEST_ISO_VOL=lab-running=lab-shutoff"
  if [[ $now == "$want" ]]; then
    x=$("${v[@]}" "net-define '$LAB_DIR/xml/net-default.xml'; net-define '$LAB_DIR/xml/net-maas.xml';
      define '$LAB_DIR/xml/lab-running.xml'; define '$LAB_DIR/xml/lab-shutoff.xml'" 2>&1 >/dev/null)
    [[ -z $x ]] || die "re-defining labhost1's libvirt objects failed: $x"
    ensure_guest_volumes
    return 0
  fi
  # Debian's own 'default' network (other UUID) would make net-define fail: replace it.
  if "${v[@]}" net-info default >/dev/null 2>&1 && [[ $("${v[@]}" net-uuid default) != "$LAB_NET_UUID" ]]; then
    "${v[@]}" net-destroy default >/dev/null 2>&1 || true
    "${v[@]}" net-undefine default >/dev/null
  fi
  for x in net-default net-maas; do "${v[@]}" net-define "$LAB_DIR/xml/$x.xml" >/dev/null; done
  for n in default maas; do
    [[ $("${v[@]}" net-info "$n") =~ Active:\ *yes ]] || "${v[@]}" net-start "$n" >/dev/null
  done
  "${v[@]}" net-autostart default >/dev/null

  mkdir -p "$POOL_DIR"
  if "${v[@]}" pool-info default >/dev/null 2>&1 &&
    [[ $("${v[@]}" pool-dumpxml default) != *"<path>$POOL_DIR</path>"* ]]; then
    "${v[@]}" pool-destroy default >/dev/null 2>&1 || true
    "${v[@]}" pool-undefine default >/dev/null
  fi
  "${v[@]}" pool-info default >/dev/null 2>&1 || "${v[@]}" pool-define-as default dir --target "$POOL_DIR" >/dev/null
  [[ $("${v[@]}" pool-info default) =~ State:\ *running ]] || "${v[@]}" pool-start default >/dev/null
  "${v[@]}" pool-autostart default >/dev/null
  "${v[@]}" vol-info --pool default "$VOLUME" >/dev/null 2>&1 ||
    "${v[@]}" vol-create-as default "$VOLUME" 16M --format qcow2 >/dev/null
  ensure_guest_volumes

  for x in lab-running lab-shutoff; do "${v[@]}" define "$LAB_DIR/xml/$x.xml" >/dev/null; done
  st=$("${v[@]}" domstate lab-running)
  case $st in
    running) ;;
    paused) "${v[@]}" resume lab-running >/dev/null ;;
    *) [[ $st == "shut off" ]] || "${v[@]}" destroy lab-running >/dev/null 2>&1 || true
       "${v[@]}" start lab-running >/dev/null ;;
  esac
  [[ $("${v[@]}" domstate lab-shutoff) == "shut off" ]] || "${v[@]}" destroy lab-shutoff >/dev/null
}

# The guest image as two raw volumes of pool default, uploaded through libvirt like a user would;
# replaced when missing or not byte-identical to the current image (cmp: ~20 ms).
ensure_guest_volumes() {
  local v=(virsh -q -c "$QEMU_URI") vol
  for vol in "$GUEST_ISO_VOL" "$GUEST_CLOUD_VOL"; do
    cmp -s "$GUEST_IMAGE" "$POOL_DIR/$vol" && continue
    # A file libvirt does not know (yet) would make vol-create-as fail.
    "${v[@]}" vol-delete --pool default "$vol" >/dev/null 2>&1 ||
      { rm -f "$POOL_DIR/$vol" && "${v[@]}" pool-refresh default >/dev/null; }
    "${v[@]}" vol-create-as default "$vol" "$(stat -c %s "$GUEST_IMAGE")" --format raw >/dev/null
    "${v[@]}" vol-upload --pool default "$vol" "$GUEST_IMAGE"
  done
}

pick_closed_port() { # a loopback port where nothing listens: connecting is refused at once
  local p
  for ((p = 2298; p > 2200; p--)); do
    [[ -z $(ss -Hltn "sport = :$p") ]] && { echo "$p"; return; }
  done
  die "no free port for closedEndpoint"
}

# host_json NAME KIND ADDRESS URI
host_json() {
  local dir=$STATE/$1 pub=$STATE/$1/ssh_host_ed25519_key.pub
  jq -n --arg name "$1" --arg kind "$2" --arg address "$3" --arg uri "$4" --arg dir "$dir" \
    --arg fp "$(ssh-keygen -lf "$pub" -E sha256 | awk '{print $2}')" \
    --arg pub "$(awk '{print $1" "$2}' "$pub")" --arg type "$(awk '{print $1}' "$pub")" \
    '{name: $name, kind: $kind, namespace: $name, address: $address, port: 22, user: "root",
      libvirtUri: $uri, hostKeyType: $type, hostKeyFingerprint: $fp, hostKeyPublic: $pub,
      sshdPidFile: "\($dir)/sshd.pid", sshdConfig: "\($dir)/sshd_config", sshdLog: "\($dir)/sshd.log"}'
}

write_lab_json() {
  local K hosts files=("$STATE/labhost1/host.json")
  for ((K = 1; K <= TEST_HOSTS; K++)); do files+=("$STATE/labtest$K/host.json"); done
  hosts=$(jq -s . "${files[@]}")
  jq '.[] | "\(.address) \(.hostKeyPublic)"' -r <<<"$hosts" >"$STATE/known_hosts"
  jq -n --argjson hosts "$hosts" --arg state "$STATE" --arg key "$CLIENT_KEY" \
    --arg pub "$(cat "$CLIENT_KEY.pub")" --arg user "$LABUSER" --argjson dead "$DEAD_PORT" \
    --argjson closed "$CLOSED_PORT" --arg pool "$POOL_DIR" --arg vol "$VOLUME" \
    --arg now "$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)" --arg gimg "$GUEST_IMAGE" --arg gver "$(cat "$GUEST_DIR/version")" \
    --arg giso "$GUEST_ISO_VOL" --arg gcloud "$GUEST_CLOUD_VOL" --argjson gmem "$GUEST_MIN_MEMORY_MIB" \
    --arg lns "$LAN_NS" --arg lif "$LAN_IF" --arg laddr "$LAN_ADDR" --argjson lprefix "$LAN_PREFIX" \
    --arg lfrom "${LAN_RANGE[0]}" --arg lto "${LAN_RANGE[1]}" --arg lhost "$LAN_HOST_ADDR" \
    --arg lleases "$LAN_DIR/dnsmasq.leases" --arg lscript "$LAB_DIR/lan-dhcp.sh" \
    '{createdAt: $now, stateDir: $state, clientKey: $key, clientPublicKey: $pub,
      unprivilegedUser: $user, hosts: $hosts,
      deadEndpoint: {address: "10.99.1.2", port: $dead},
      closedEndpoint: {address: "127.0.0.1", port: $closed},
      qemu: {host: "labhost1", runningDomain: "lab-running", shutoffDomain: "lab-shutoff",
             pool: "default", poolPath: $pool, volume: $vol},
      guest: {host: "labhost1", pool: "default", isoVolume: $giso, cloudVolume: $gcloud,
              imagePath: $gimg, version: $gver, minMemoryMiB: $gmem, defaultUser: "labdeck"},
      lan: {namespace: $lns, interface: $lif, address: $laddr, prefixLen: $lprefix,
            dhcpRange: [$lfrom, $lto], host: "labhost1", hostInterface: "eth1", hostAddress: $lhost,
            leasesFile: $lleases, dhcpScript: $lscript}}' >"$STATE/lab.json.tmp"
  mv "$STATE/lab.json.tmp" "$STATE/lab.json"
}

# Real end-to-end checks over SSH (strict host key checking against the keys in lab.json),
# run in parallel; each check's output goes to $STATE/verify/NAME.
v_labhost1() {
  local h
  h=$(ssh "${SSH_OPTS[@]}" root@10.99.1.2 \
    "hostname; virsh -c $QEMU_URI list --all; virsh -c $QEMU_URI domstate lab-running") || return 1
  echo "$h"
  [[ $h == labhost1* && $h == *lab-shutoff* && $h == *running ]]
}
v_labuser() { # must log in, but libvirt must refuse it
  local h rc=0
  h=$(ssh "${SSH_OPTS[@]}" "$LABUSER@10.99.1.2" "id; virsh -c $QEMU_URI list" 2>&1) || rc=$?
  echo "$h"
  [[ $rc != 0 && $h == *"uid="* && $h == *'Permission denied'* ]]
}
v_test() {
  local h
  h=$(ssh "${SSH_OPTS[@]}" "root@10.99.$(($1 + 1)).2" \
    "hostname; virsh -c test://$STATE/labtest$1/node.xml 'list --all; net-list --all; pool-list --all; nodeinfo'") || return 1
  echo "$h"
  [[ $h == "labtest$1"* && $h == *'shut off'* && $h == *'CPU model'* ]]
}
v_lan() { # the LAN machine reaches labhost1's eth1, and its DHCP server runs
  ip netns exec "$LAN_NS" ping -c 1 -W 2 "$LAN_HOST_ADDR" || return 1
  lan_dhcp_running
}
v_dead() { # SYNs are dropped: the connect can only time out (a RST would end it with rc 1)
  local rc=0
  timeout 1 bash -c "exec 3<>/dev/tcp/10.99.1.2/$DEAD_PORT" 2>&1 || rc=$?
  [[ $rc == 124 ]]
}
v_closed() { # nothing listens: refused at once (loopback, so no timeout needed)
  local h
  if h=$( (exec 3<>"/dev/tcp/127.0.0.1/$CLOSED_PORT") 2>&1); then echo "connected?!"; return 1; fi
  echo "$h"
  [[ $h == *refused* ]]
}

verify() {
  local out=$STATE/verify K i bad=0 pids=() names=()
  rm -rf "$out" && mkdir -p "$out"
  start() { # NAME FUNCTION ARGS...: the subshell's "if" keeps set -e from cutting a check short
    names+=("$1")
    (if "${@:2}"; then exit 0; else exit 1; fi) >"$out/$1" 2>&1 &
    pids+=($!)
  }
  start labhost1 v_labhost1
  start labuser v_labuser
  for ((K = 1; K <= TEST_HOSTS; K++)); do start "labtest$K" v_test "$K"; done
  start lan v_lan
  start dead v_dead
  start closed v_closed
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || { bad=1; log "verification failed: ${names[$i]}:"; sed 's/^/    /' "$out/${names[$i]}" >&2; }
  done
  ((bad == 0)) || die "lab is not healthy (lab.json was written; details above, logs in $STATE)"
}

main() {
  ensure_packages
  mkdir -p "$STATE"
  chmod 755 "$STATE"
  check_foreign_libvirtd
  ensure_accounts
  ensure_client_key
  bash "$LAB_DIR/guest/build.sh" "$GUEST_DIR" # (a no-op unless its recipe changed)
  remove_extra_test_hosts
  # Hosts are independent: build them in parallel (labhost1 mostly waits for libvirtd and QEMU,
  # test hosts for process start-ups). Each job also writes its host's lab.json entry.
  local K pids=() names=() i bad=0
  # (Subshells, not "a && b": set -e is off on the left of && and errors would go unnoticed.)
  (ensure_labhost1; host_json labhost1 qemu 10.99.1.2 "$QEMU_URI" >"$STATE/labhost1/host.json") &
  pids+=($!) names+=(labhost1)
  for ((K = 1; K <= TEST_HOSTS; K++)); do
    (ensure_test_host "$K"
      host_json "labtest$K" test "10.99.$((K + 1)).2" "test://$STATE/labtest$K/node.xml" >"$STATE/labtest$K/host.json") &
    pids+=($!) names+=("labtest$K")
  done
  for i in "${!pids[@]}"; do wait "${pids[$i]}" || { bad=1; log "setting up ${names[$i]} failed"; }; done
  ((bad == 0)) || die "lab setup failed (see above; logs in $STATE/*/)"
  CLOSED_PORT=$(pick_closed_port)
  write_lab_json
  verify
  local ms=$((($(date +%s%N) - T0) / 1000000))
  log "lab up: labhost1 (qemu) + $TEST_HOSTS test hosts, verified over SSH, in $((ms / 1000)).$(printf %03d $((ms % 1000)))s; $STATE/lab.json"
}
main
