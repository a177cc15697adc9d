/**
 * A libvirt test-driver <node> file with N VMs (`virsh -c test:///FILE`), shaped like the lab's
 * test hosts (e2e/lab/test-node.sh): states and NICs rotate over six kinds — NAT network, isolated
 * network, bridge br0, macvtap on eth1 (vepa / bridge) — so tables and topology see every case.
 */
export type ScaleVm = { name: string; state: 'running' | 'shut off' | 'paused'; memoryKiB: number };

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

export function scaleVms(n: number): ScaleVm[] {
  return Array.from({ length: n }, (_, i) => {
    const j = i + 1;
    const r = ((j - 1) % 6) + 1;
    return {
      name: `vm${j}`,
      state: r === 2 || r === 6 ? 'shut off' : r === 4 ? 'paused' : 'running',
      memoryKiB: 512 * r * 1024,
    };
  });
}

function nic(type: 'network' | 'bridge' | 'direct', source: string, mac: string, mode?: string): string {
  const src =
    type === 'network'
      ? `<source network='${source}'/>`
      : type === 'bridge'
        ? `<source bridge='${source}'/>`
        : `<source dev='${source}' mode='${mode}'/>`;
  return `      <interface type='${type}'><mac address='${mac}'/>${src}<model type='virtio'/></interface>\n`;
}

function domain(j: number, vm: ScaleVm): string {
  const r = ((j - 1) % 6) + 1;
  // 52:54:00 + 24 bits of j, then the NIC's index in the last byte would overflow: use j's bits for 3 bytes, NIC in a 4th via two MAC prefixes.
  const macOf = (k: number) => `52:54:0${k}:${hex((j >> 16) & 0xff, 2)}:${hex((j >> 8) & 0xff, 2)}:${hex(j & 0xff, 2)}`;
  const nics = {
    1: nic('network', 'default', macOf(1)) + nic('bridge', 'br0', macOf(2)),
    2: nic('direct', 'eth1', macOf(1), 'vepa') + nic('network', 'isolated', macOf(2)),
    3: nic('network', 'default', macOf(1)),
    4: nic('bridge', 'br0', macOf(1)),
    5: nic('direct', 'eth1', macOf(1), 'bridge') + nic('network', 'default', macOf(2)),
    6: nic('network', 'isolated', macOf(1)),
  }[r]!;
  const runstate =
    vm.state === 'shut off'
      ? '<test:runstate>5</test:runstate>'
      : vm.state === 'paused'
        ? '<test:runstate>3</test:runstate>'
        : '';
  return `  <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
    <name>${vm.name}</name>
    <uuid>6c616264-6563-6b05-${hex(j >> 24, 4)}-${hex(j, 12)}</uuid>
    <memory unit='KiB'>${vm.memoryKiB}</memory>
    <vcpu>${1 + (j % 2)}</vcpu>
    <os><type arch='x86_64'>hvm</type><boot dev='hd'/></os>
    <devices>
      <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/var/lib/libvirt/images/${vm.name}.qcow2'/><target dev='vda' bus='virtio'/></disk>
${nics}    </devices>
    ${runstate}
  </domain>
`;
}

export function scaleNodeXml(vms: ScaleVm[]): string {
  return `<node>
  <cpu><mhz>2400</mhz><model>x86_64</model><active>64</active><nodes>1</nodes><sockets>2</sockets><cores>16</cores><threads>2</threads></cpu>
  <memory>${64 * 1024 * 1024 * 1024}</memory>
${vms.map((vm, i) => domain(i + 1, vm)).join('')}  <network>
    <name>default</name>
    <uuid>6c616264-6563-6b06-0000-000000000001</uuid>
    <forward mode='nat'/>
    <bridge name='virbr0' stp='on' delay='0'/>
    <ip address='192.168.122.1' netmask='255.255.255.0'><dhcp><range start='192.168.122.2' end='192.168.122.254'/></dhcp></ip>
  </network>
  <network>
    <name>isolated</name>
    <uuid>6c616264-6563-6b06-0000-000000000002</uuid>
    <bridge name='virbr1' stp='on' delay='0'/>
    <ip address='172.16.99.1' netmask='255.255.255.0'/>
  </network>
  <interface type='ethernet' name='eth1'><start mode='onboot'/><mac address='02:6c:62:ff:00:01'/></interface>
  <interface type='bridge' name='br0'>
    <start mode='onboot'/>
    <bridge stp='off'><interface type='ethernet' name='eth2'><mac address='02:6c:62:ff:00:02'/></interface></bridge>
  </interface>
  <pool type='dir'>
    <name>default</name>
    <uuid>6c616264-6563-6b07-0000-000000000001</uuid>
    <capacity unit='GiB'>100</capacity><allocation unit='GiB'>10</allocation><available unit='GiB'>90</available>
    <source/><target><path>/var/lib/libvirt/images</path></target>
  </pool>
</node>
`;
}
