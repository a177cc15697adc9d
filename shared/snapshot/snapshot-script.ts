/**
 * The host snapshot script: POSIX sh (dash), run as `sh -s -- LIBVIRT_URI` with this text on stdin,
 * in ONE exec channel. It prints one header line and then delimited sections; parseSnapshotOutput reads them.
 *
 *   LABDECK-SNAPSHOT 1 <nonce>
 *   @@@lds:<nonce> <section> [<uuid>]
 *   …section body…
 *
 * Sections, in order: hostname, user (user=, groups=), system (arch=, kernel=, cpus=, memkib=, memavailkib=,
 * cpumodel=; memavailkib is /proc/meminfo's MemAvailable),
 * ip (`ip -j -d addr show`), arp (/proc/net/arp), virsh (present|absent), then with virsh:
 * connect <rc> (holds virsh's error when it cannot connect), uri, net-all, net-active, net-autostart,
 * net-persistent, pool-all, pool-active, pool-autostart, pool-persistent, dom-all, dom-active
 * (UUID lists), then per virsh batch: batch <n>, version, nodeinfo, net-xml <uuid>, net-leases <uuid>,
 * pool-xml <uuid>, vol-list <uuid>, dom-xml <uuid>, dom-state <uuid>, dom-ifaddr <uuid>; always last: end.
 *
 * Why it looks like this:
 * - Each virsh process pays start-up plus a libvirt connection (25–60 ms), so there are two: one lists
 *   UUIDs, one runs everything else as a `;`-chain. UUIDs (checked against a strict pattern) are safe
 *   to put back into a virsh command line; names are not.
 * - virsh runs a `;`-chain on even when a command fails (it prints "error: …" on stderr and goes on),
 *   so stderr is merged (2>&1) and lands in the failing command's own section (virsh flushes stdout
 *   before it reports, so the order holds through a pipe). Only a failed
 *   connection stops it before the first command — that shows up as a `connect` section holding the
 *   error and no `uri` section. A chain that doesn't *parse* (unknown command/option) runs nothing at
 *   all, so the chain uses only options virsh has had since 1.2.x.
 * - virsh's `echo` prints the delimiters; the random nonce keeps free text inside XML (a domain
 *   <description>) from faking one.
 * - Everything runs inside main(): with `sh -s` the shell reads this very text from stdin while it
 *   runs, so it must be parsed completely before anything runs, and every child gets </dev/null.
 * - LC_ALL=C: virsh translates its output, including states ("shut off") and table headers.
 * - A virsh argument is capped at 128 KiB by Linux (MAX_ARG_STRLEN), so a long chain is split into
 *   batches of at most ~100 kB (some 300 domains each).
 * - ARP: one read of /proc/net/arp (matched to VM NICs by MAC) instead of `domifaddr --source arp` per
 *   domain: cheaper, and libvirt 9.0's own ARP reader fails on newer kernels ("wrong nlmsg len").
 *
 * In this TypeScript template literal, `\${` stands for the shell's `${` and `\\` for `\`.
 */
export const SNAPSHOT_SCRIPT = `# LabDeck host snapshot, format 1. Usage: sh -s -- LIBVIRT_URI  (this script on stdin)
sec() { printf '%s %s\\n' "$M" "$*"; }

virsh_c() {
  if [ -n "$uri" ]; then virsh --connect "$uri" "$1" 2>&1 </dev/null; else virsh "$1" 2>&1 </dev/null; fi
}

is_uuid() {
  case $1 in ????????-????-????-????-????????????) ;; *) return 1 ;; esac
  case $1 in *[!0-9a-fA-F-]*) return 1 ;; esac
  return 0
}

run_batch() {
  [ -n "$cmd" ] || return 0
  batch=$((batch + 1))
  sec batch "$batch"
  virsh_c "$cmd"
  cmd=
}

add() {
  if [ -n "$cmd" ] && [ $((\${#cmd} + \${#1})) -gt 100000 ]; then run_batch; fi
  cmd="\${cmd:+$cmd; }$1"
}

# The sections that need no virsh (also run on its own by LabDeck's resident shell session).
host_sections() {
  sec hostname
  uname -n </dev/null
  sec user
  echo "user=$(id -un 2>/dev/null </dev/null)"
  echo "groups=$(id -Gn 2>/dev/null </dev/null)"
  sec system
  echo "arch=$(uname -m </dev/null)"
  echo "kernel=$(uname -r </dev/null)"
  echo "cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null </dev/null)"
  awk '/^MemTotal:/ { print "memkib=" $2 } /^MemAvailable:/ { print "memavailkib=" $2 } /^model name/ && !m { sub(/^[^:]*: */, ""); print "cpumodel=" $0; m = 1 }' \\
    /proc/meminfo /proc/cpuinfo 2>/dev/null </dev/null
  sec tools
  for t in cloud-localds genisoimage mkisofs xorriso; do
    if command -v "$t" >/dev/null 2>&1; then echo "$t"; fi
  done
  sec ip
  ip -j -d addr show 2>&1 </dev/null
  sec arp
  cat /proc/net/arp 2>/dev/null </dev/null
}

main() {
  uri=$1
  LC_ALL=C; export LC_ALL
  PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin; export PATH
  nonce=$(cat /proc/sys/kernel/random/uuid 2>/dev/null </dev/null)
  is_uuid "$nonce" || nonce="$$-$(date +%s 2>/dev/null </dev/null)"
  M="@@@lds:$nonce"
  printf 'LABDECK-SNAPSHOT 1 %s\\n' "$nonce"

  host_sections

  if ! command -v virsh >/dev/null 2>&1; then
    sec virsh absent
    sec end
    return 0
  fi
  sec virsh present

  lists=$(virsh_c "echo $M uri; uri; \\
echo $M net-all; net-list --all --uuid; echo $M net-active; net-list --uuid; \\
echo $M net-autostart; net-list --all --autostart --uuid; echo $M net-persistent; net-list --all --persistent --uuid; \\
echo $M pool-all; pool-list --all --uuid; echo $M pool-active; pool-list --uuid; \\
echo $M pool-autostart; pool-list --all --autostart --uuid; echo $M pool-persistent; pool-list --all --persistent --uuid; \\
echo $M dom-all; list --all --uuid; echo $M dom-active; list --uuid")
  sec connect $?
  printf '%s\\n' "$lists"
  case $lists in
    *"$M uri"*) ;;
    *) sec end; return 0 ;;
  esac

  nets= nets_on= pools= pools_on= doms= doms_on= cur=
  while IFS= read -r line; do
    case $line in "$M "*) cur=\${line#"$M "}; continue ;; esac
    is_uuid "$line" || continue
    case $cur in
      net-all) nets="$nets $line" ;;
      net-active) nets_on="$nets_on $line " ;;
      pool-all) pools="$pools $line" ;;
      pool-active) pools_on="$pools_on $line " ;;
      dom-all) doms="$doms $line" ;;
      dom-active) doms_on="$doms_on $line " ;;
    esac
  done <<EOF
$lists
EOF

  batch=0
  cmd="echo $M version; version --daemon; echo $M nodeinfo; nodeinfo"
  for u in $nets; do
    add "echo $M net-xml $u; net-dumpxml --network $u"
    case $nets_on in *" $u "*) add "echo $M net-leases $u; net-dhcp-leases --network $u" ;; esac
  done
  for u in $pools; do
    add "echo $M pool-xml $u; pool-dumpxml --pool $u"
    case $pools_on in *" $u "*) add "echo $M vol-list $u; vol-list --pool $u --details" ;; esac
  done
  for u in $doms; do
    add "echo $M dom-xml $u; dumpxml --domain $u; echo $M dom-state $u; domstate --domain $u"
    case $doms_on in *" $u "*) add "echo $M dom-ifaddr $u; domifaddr --domain $u --source lease" ;; esac
  done
  run_batch
  sec end
}

main "$@"
exit 0
`;
