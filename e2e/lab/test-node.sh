#!/usr/bin/env bash
# Prints the libvirt test-driver <node> file for read-only test host K ("virsh -c test:///FILE").
# The test driver needs no daemon: every virsh process reads this file afresh, so nothing changes
# between runs. Content varies a little with K (3..6 domains, CPU/memory, subnets) so hosts differ.
# The interfaces listed mirror the real ones up.sh creates in namespace labtestK (same MACs/IPs).
# Usage: test-node.sh K
set -euo pipefail
K=$1
name=labtest$K
kk=$(printf '%02x' "$K")
# labtest2 is the crowded one (30 VMs), so screens are checked against a busy host for real.
if ((K == 2)); then ndom=30; else ndom=$(( 3 + (K - 1) % 4 )); fi
img=/var/lib/libvirt/images

# Domain j: runstate and NICs rotate so every host has running, shut-off (5) and, from 4 domains
# on, paused (3) guests, with NICs on a NAT network, an isolated network, br0 and macvtap on eth1.
domain() {
  local j=$1 state='' nics='' r=$(( (j - 1) % 6 + 1 ))
  case $r in 2|6) state='<test:runstate>5</test:runstate>' ;; 4) state='<test:runstate>3</test:runstate>' ;; esac
  local mac
  mac="52:54:00:$kk:$(printf '%02x' "$j")"
  case $r in
    1) nics="$(nic network default "$mac:01")$(nic bridge br0 "$mac:02")" ;;
    2) nics="$(nic direct eth1 "$mac:01" vepa)$(nic network isolated "$mac:02")" ;;
    3) nics="$(nic network default "$mac:01")" ;;
    4) nics="$(nic bridge br0 "$mac:01")" ;;
    5) nics="$(nic direct eth1 "$mac:01" bridge)$(nic network default "$mac:02")" ;;
    6) nics="$(nic network isolated "$mac:01")" ;;
  esac
  cat <<XML
  <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
    <name>$name-vm$j</name>
    <uuid>6c616264-6563-6b01-$(printf '%04x' "$K")-$(printf '%012x' "$j")</uuid>
    <memory unit='MiB'>$(( 512 * r ))</memory>
    <vcpu>$(( 1 + j % 2 ))</vcpu>
    <os><type arch='x86_64'>hvm</type><boot dev='hd'/></os>
    <devices>
      <disk type='file' device='disk'>
        <driver name='qemu' type='qcow2'/>
        <source file='$img/$name-vm$j.qcow2'/>
        <target dev='vda' bus='virtio'/>
      </disk>
$nics    </devices>
    $state
  </domain>
XML
}

# nic TYPE SOURCE MAC [MODE]
nic() {
  local src
  case $1 in
    network) src="<source network='$2'/>" ;;
    bridge) src="<source bridge='$2'/>" ;;
    direct) src="<source dev='$2' mode='$4'/>" ;;
  esac
  printf "      <interface type='%s'><mac address='%s'/>%s<model type='virtio'/></interface>\n" "$1" "$3" "$src"
}

volume() {
  cat <<XML
    <volume>
      <name>$name-vm$1.qcow2</name>
      <key>$img/$name-vm$1.qcow2</key>
      <capacity unit='GiB'>$(( 4 * $1 ))</capacity>
      <allocation unit='MiB'>$(( 200 * $1 ))</allocation>
      <target><path>$img/$name-vm$1.qcow2</path><format type='qcow2'/></target>
    </volume>
XML
}

cat <<XML
<node>
  <cpu>
    <mhz>2400</mhz>
    <model>x86_64</model>
    <active>$(( 2 * ndom ))</active>
    <nodes>1</nodes>
    <sockets>1</sockets>
    <cores>$ndom</cores>
    <threads>2</threads>
  </cpu>
  <memory>$(( ndom * 4 * 1024 * 1024 ))</memory>
XML
for j in $(seq 1 "$ndom"); do domain "$j"; done
cat <<XML
  <network>
    <name>default</name>
    <uuid>6c616264-6563-6b02-$(printf '%04x' "$K")-000000000001</uuid>
    <forward mode='nat'/>
    <bridge name='virbr0' stp='on' delay='0'/>
    <ip address='192.168.122.1' netmask='255.255.255.0'>
      <dhcp><range start='192.168.122.2' end='192.168.122.254'/></dhcp>
    </ip>
  </network>
  <network>
    <name>isolated</name>
    <uuid>6c616264-6563-6b02-$(printf '%04x' "$K")-000000000002</uuid>
    <bridge name='virbr1' stp='on' delay='0'/>
    <ip address='172.16.$K.1' netmask='255.255.255.0'/>
  </network>
  <interface type='ethernet' name='eth0'>
    <start mode='onboot'/>
    <mac address='02:6c:62:$kk:00:00'/>
    <protocol family='ipv4'><ip address='10.99.$(( K + 1 )).2' prefix='24'/></protocol>
  </interface>
  <interface type='ethernet' name='eth1'>
    <start mode='onboot'/>
    <mac address='02:6c:62:$kk:00:01'/>
  </interface>
  <interface type='bridge' name='br0'>
    <start mode='onboot'/>
    <protocol family='ipv4'><ip address='192.168.$(( 50 + K )).10' prefix='24'/></protocol>
    <bridge stp='off'>
      <interface type='ethernet' name='eth2'><mac address='02:6c:62:$kk:00:02'/></interface>
    </bridge>
  </interface>
  <pool type='dir'>
    <name>default</name>
    <uuid>6c616264-6563-6b03-$(printf '%04x' "$K")-000000000001</uuid>
    <capacity unit='GiB'>100</capacity>
    <allocation unit='GiB'>$(( 2 * ndom ))</allocation>
    <available unit='GiB'>$(( 100 - 2 * ndom ))</available>
    <source/>
    <target><path>$img</path></target>
XML
for j in $(seq 1 "$ndom"); do volume "$j"; done
cat <<XML
  </pool>
</node>
XML
