# Shared by up.sh and down.sh (sourced, not run). Paths, naming and the teardown steps, so that
# up.sh can rebuild one broken host exactly the way down.sh removes it.

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE=$(realpath -m "${LABDECK_LAB_STATE:-$LAB_DIR/.state}")
QEMU_URI=qemu:///system
# Namespaces and root-side interface names the lab owns; nothing else is ever touched.
LAB_NS_RE='^(labhost1|labtest[0-9]+|lablan1)$'
LAB_LINK_RE='^(lab1|labt[0-9]+)-'

log() { printf '[lab %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

require_root() {
  [[ $EUID -eq 0 ]] || die "must run as root (it creates network namespaces and runs libvirtd/sshd): sudo bash $0"
}

# read_first FILE VAR: first line of FILE into VAR without forking (called in wait loops).
read_first() { { read -r "$2" || [[ -n ${!2} ]]; } 2>/dev/null <"$1"; }

# running PID: exists and is not a zombie. Daemons here are reparented to PID 1, and this
# machine's init reaps zombies only every second or two: /proc/PID alone would look alive.
running() {
  local stat=
  read_first "/proc/$1/stat" stat || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != Z ]]
}

# pid_alive PIDFILE COMM: the PID in PIDFILE runs and is COMM (guards against PID reuse).
pid_alive() {
  local pid= comm=
  read_first "$1" pid && [[ $pid =~ ^[0-9]+$ ]] && read_first "/proc/$pid/comm" comm &&
    [[ $comm == "$2" ]] && running "$pid"
}

# kill_pids GRACE-SECONDS PID...: TERM, wait up to the grace time, then KILL what is left.
kill_pids() {
  local grace=$1 p i
  shift
  (($#)) || return 0
  kill -TERM "$@" 2>/dev/null || true
  for ((i = 0; i < grace * 20; i++)); do
    local alive=()
    for p in "$@"; do running "$p" && alive+=("$p"); done
    ((${#alive[@]})) || return 0
    set -- "${alive[@]}"
    sleep 0.05
  done
  kill -KILL "$@" 2>/dev/null || true
}

lab_namespaces() { ip netns list 2>/dev/null | awk '{print $1}' | grep -E "$LAB_NS_RE" || true; }

# Root-side veth ends still present (their deletion after "ip netns del" is asynchronous).
lab_links() { ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | sed 's/@.*//' | grep -E "$LAB_LINK_RE" || true; }

wait_links_gone() { # [PREFIX-REGEX]
  local re=${1:-$LAB_LINK_RE} i
  for ((i = 0; i < 200; i++)); do
    [[ -z $(lab_links | grep -E "$re") ]] && return 0
    sleep 0.05
  done
  log "warning: interfaces still present after 10 s: $(lab_links | grep -E "$re" | tr '\n' ' ')"
}

# teardown_ns NS...: kills every process in the namespaces (daemons, ssh sessions, dnsmasq,
# qemu) at once, then deletes them. Their veths disappear asynchronously (see wait_links_gone).
teardown_ns() {
  local ns pids=() existing=()
  for ns in "$@"; do
    [[ -e /run/netns/$ns ]] || continue
    existing+=("$ns")
    pids+=($(ip netns pids "$ns" 2>/dev/null))
  done
  kill_pids 2 "${pids[@]}"
  for ns in "${existing[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
}

# start_sshd NAME ADDRESS: sshd inside namespace NAME, in its own UTS namespace so `hostname`
# in its sessions prints NAME. Host key, config, PID file and log live in $STATE/NAME.
start_sshd() {
  local name=$1 addr=$2 dir=$STATE/$1 i
  [[ -s $dir/ssh_host_ed25519_key ]] || ssh-keygen -q -t ed25519 -N '' -C "$name" -f "$dir/ssh_host_ed25519_key"
  cat >"$dir/sshd_config" <<EOF
# Private sshd of lab host $name (written by e2e/lab/up.sh).
ListenAddress $addr:22
HostKey "$dir/ssh_host_ed25519_key"
PidFile "$dir/sshd.pid"
AuthorizedKeysFile "$STATE/authorized_keys"
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
# No PAM (no session setup needed); key files under STATE are root-owned, not per user.
UsePAM no
StrictModes no
PrintMotd no
Subsystem sftp internal-sftp
EOF
  rm -f "$dir/sshd.pid"
  mkdir -p /run/sshd # privilege separation directory
  setsid -f ip netns exec "$name" unshare --uts sh -c 'hostname "$0" && exec "$@"' "$name" \
    "$LAB_DIR/host-env.sh" "$name" "$dir" "$addr" /usr/sbin/sshd -D -e -E "$dir/sshd.log" -f "$dir/sshd_config" \
    </dev/null >>"$dir/sshd.log" 2>&1
  # sshd writes its PID file after it listens.
  for ((i = 0; i < 200; i++)); do pid_alive "$dir/sshd.pid" sshd && return 0; sleep 0.025; done
  tail -5 "$dir/sshd.log" >&2
  die "sshd for $name did not start (log: $dir/sshd.log)"
}

# --- The LAN on eth1's far side -------------------------------------------------------------
# A "machine" (namespace lablan1) holding the far end of labhost1's eth1 veth (renamed lan0), with
# an external DHCP server (dnsmasq; its state in $STATE/lan) as a LAN's router would run it.
LAN_NS=lablan1
LAN_IF=lan0
LAN_ADDR=192.168.60.1
LAN_HOST_ADDR=192.168.60.2 # labhost1's eth1
LAN_PREFIX=24
LAN_RANGE=(192.168.60.100 192.168.60.199)
LAN_DIR=$STATE/lan

lan_dhcp_running() { pid_alive "$LAN_DIR/dnsmasq.pid" dnsmasq; }

# Starts dnsmasq (DHCP only: --port=0) on lan0. It daemonizes once it serves, after writing its PID
# file, so errors show here. Runs as root: its lease and log files are under $STATE.
lan_dhcp_start() {
  lan_dhcp_running && return 0
  mkdir -p "$LAN_DIR"
  rm -f "$LAN_DIR/dnsmasq.pid"
  ip netns exec "$LAN_NS" dnsmasq --conf-file=/dev/null --port=0 --user=root --group=root \
    --interface="$LAN_IF" --bind-interfaces --except-interface=lo --dhcp-authoritative \
    --dhcp-range="${LAN_RANGE[0]},${LAN_RANGE[1]},255.255.255.0,1h" \
    --dhcp-leasefile="$LAN_DIR/dnsmasq.leases" --pid-file="$LAN_DIR/dnsmasq.pid" \
    --log-dhcp --log-facility="$LAN_DIR/dnsmasq.log" </dev/null
}

lan_dhcp_stop() {
  lan_dhcp_running && kill_pids 2 "$(cat "$LAN_DIR/dnsmasq.pid")"
  rm -f "$LAN_DIR/dnsmasq.pid"
}

# Removes the LAN machine (dnsmasq and anything else in its namespace). Its lan0 goes with it, and
# with lan0 labhost1's eth1 (a veth pair): only done when labhost1 is rebuilt or removed.
lan_teardown() {
  lan_dhcp_stop
  teardown_ns "$LAN_NS"
  rm -rf "$LAN_DIR"
}

libvirtd_alive() { pid_alive "$STATE/labhost1/libvirtd.pid" libvirtd; }

# any_running COMM: a live (non-zombie) process with this name exists anywhere.
any_running() {
  local p
  for p in $(pgrep -x "$1"); do running "$p" && return 0; done
  return 1
}

# virtlogd and libvirtd run in namespace labhost1 (so bridges, iptables rules and dnsmasq stay
# there) and share sshd's UTS namespace, so `virsh hostname` says labhost1 too. Starts whichever
# is not running; returns 1 if libvirtd does not answer.
start_libvirt_daemons() {
  local dir=$STATE/labhost1 i in_host=()
  mkdir -p "$dir"
  pid_alive "$dir/sshd.pid" sshd && in_host=(nsenter -t "$(<"$dir/sshd.pid")" --uts)
  in_host+=(ip netns exec labhost1 "$LAB_DIR/host-env.sh" labhost1 "$dir" 10.99.1.2)
  in_host+=("$LAB_DIR/reaper.pl") # adopts the daemonized QEMUs and dnsmasqs (see there)
  # Logs go to STATE (by default they would land in /var/log/libvirt).
  pid_alive "$dir/virtlogd.pid" virtlogd ||
    LIBVIRT_LOG_OUTPUTS="3:file:$dir/virtlogd.log" setsid -f "${in_host[@]}" \
      virtlogd -d -p "$dir/virtlogd.pid" </dev/null >>"$dir/virtlogd.log" 2>&1
  # -f: the lab's own config; -p: PID file in STATE, not /run/libvirtd.pid of the init script.
  libvirtd_alive ||
    LIBVIRT_LOG_OUTPUTS="3:file:$dir/libvirtd.log" setsid -f "${in_host[@]}" \
      libvirtd -d -f "$LAB_DIR/libvirtd.conf" -p "$dir/libvirtd.pid" </dev/null >>"$dir/libvirtd.log" 2>&1
  for ((i = 0; i < 600; i++)); do
    pid_alive "$dir/virtlogd.pid" virtlogd && virsh -c "$QEMU_URI" version >/dev/null 2>&1 && return 0
    ((i < 40)) || libvirtd_alive || break # (its PID file appears only after a moment)
    sleep 0.05
  done
  tail -5 "$dir/libvirtd.log" >&2
  return 1
}

# Removes all libvirt objects of labhost1 and stops its daemons. If libvirtd died but the host's
# namespace is still there, it is started again first: libvirt then cleans up after itself
# (guests' runtime state, dnsmasq, configs of objects tests created) better than we could.
libvirt_teardown() {
  backup_default_network
  if ! libvirtd_alive && [[ -e /run/netns/labhost1 ]]; then
    log "libvirtd is not running: starting it again to clean up"
    start_libvirt_daemons || log "warning: libvirtd did not start; removing the lab's configs by hand"
  fi
  libvirt_cleanup
  stop_libvirt_daemons
}

# Destroys, then undefines everything the lab's libvirtd knows, including objects tests created.
# The daemon is the lab's own (up.sh refuses to run next to another libvirtd).
libvirt_cleanup() {
  local v="virsh -q -c $QEMU_URI" d n p
  if ! libvirtd_alive || ! timeout 5 $v version >/dev/null 2>&1; then
    libvirt_cleanup_files
    return 0
  fi
  # In parallel (without reaper.pl a destroy took 1.3-2 s here).
  for d in $($v list --name); do $v destroy "$d" >/dev/null 2>&1 & done
  wait
  for d in $($v list --all --name); do
    { $v undefine "$d" --managed-save --snapshots-metadata --checkpoints-metadata --nvram >/dev/null 2>&1 ||
      $v undefine "$d" >/dev/null 2>&1 || log "warning: could not undefine domain $d"; } &
  done
  for n in $($v net-list --all --name); do
    { $v net-destroy "$n" >/dev/null 2>&1
      $v net-undefine "$n" >/dev/null 2>&1 || log "warning: could not undefine network $n"; } &
  done
  for p in $($v pool-list --all --name); do
    { $v pool-destroy "$p" >/dev/null 2>&1
      $v pool-undefine "$p" >/dev/null 2>&1 || log "warning: could not undefine pool $p"; } &
  done
  wait
}

# Fallback when the daemon is gone (crashed, killed): remove the lab's own persistent configs
# by hand so a later libvirtd does not resurrect them. Guests die with the namespace.
libvirt_cleanup_files() {
  rm -f /etc/libvirt/qemu/lab-running.xml /etc/libvirt/qemu/lab-shutoff.xml \
    /etc/libvirt/qemu/autostart/lab-running.xml /etc/libvirt/qemu/autostart/lab-shutoff.xml \
    /etc/libvirt/qemu/networks/maas.xml /etc/libvirt/qemu/networks/autostart/maas.xml \
    /etc/libvirt/qemu/networks/autostart/default.xml \
    /etc/libvirt/storage/default.xml /etc/libvirt/storage/autostart/default.xml
  # 'default' is only removed if it is the lab's (the package's own copy is restored below).
  if grep -qs "$LAB_NET_UUID" /etc/libvirt/qemu/networks/default.xml; then
    rm -f /etc/libvirt/qemu/networks/default.xml
  fi
  rm -rf /var/lib/libvirt/qemu/domain-*-lab-running /var/lib/libvirt/qemu/domain-*-lab-shutoff \
    /var/lib/libvirt/qemu/channel/target/domain-*-lab-running /var/lib/libvirt/qemu/channel/target/domain-*-lab-shutoff
}

# Debian's libvirt-daemon-config-network ships a 'default' network config; the lab replaces it
# while up and puts the original back afterwards.
LAB_NET_UUID=6c616264-6563-6b00-0000-000000000001
ORIG_NET=$STATE/orig-default-network.xml

backup_default_network() {
  local f=/etc/libvirt/qemu/networks/default.xml
  [[ -e $ORIG_NET || ! -e $f ]] && return 0
  grep -qs "$LAB_NET_UUID" "$f" && return 0
  mkdir -p "$STATE"
  cp -p "$f" "$ORIG_NET"
  [[ -e /etc/libvirt/qemu/networks/autostart/default.xml ]] && touch "$ORIG_NET.autostart"
  return 0
}

restore_default_network() {
  [[ -e $ORIG_NET ]] || return 0
  local d=/etc/libvirt/qemu/networks
  [[ -e $d/default.xml ]] || cp -p "$ORIG_NET" "$d/default.xml"
  if [[ -e $ORIG_NET.autostart ]]; then
    mkdir -p "$d/autostart"
    ln -sf ../default.xml "$d/autostart/default.xml"
  fi
  rm -f "$ORIG_NET" "$ORIG_NET.autostart"
}

# Stops libvirtd and virtlogd (by PID file) after libvirt_cleanup.
stop_libvirt_daemons() {
  local f pids=()
  for f in libvirtd virtlogd; do
    pid_alive "$STATE/labhost1/$f.pid" "$f" && pids+=("$(cat "$STATE/labhost1/$f.pid")")
  done
  kill_pids 5 "${pids[@]}"
  rm -f "$STATE/labhost1/libvirtd.pid" "$STATE/labhost1/virtlogd.pid"
}
