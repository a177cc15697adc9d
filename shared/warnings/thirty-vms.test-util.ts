import type { HostSnapshot } from '../snapshot/types';

/** labhost1 plus 28 more VMs attached every way the lab allows: a crowded but realistic host. */
export function withThirtyVms(base: HostSnapshot): HostSnapshot {
  const s = structuredClone(base);
  const lv = s.libvirt!;
  const ways = [
    { type: 'network', source: 'default' },
    { type: 'bridge', source: 'br0' },
    { type: 'direct', source: 'eth1', mode: 'bridge' },
    { type: 'network', source: 'maas' },
    { type: 'direct', source: 'eth0', mode: 'private' },
  ];
  for (let i = 1; i <= 28; i++) {
    const a = ways[i % ways.length]!;
    const b = ways[(i * 3 + 1) % ways.length]!;
    const nics = [a, ...(i % 3 === 0 && b.source !== a.source ? [b] : [])].map((w, k) => ({
      ...w,
      mac: `52:54:00:30:${String(i).padStart(2, '0')}:0${k}`,
      model: 'virtio',
      ips: [],
    }));
    lv.domains.push({
      name: `vm-${String(i).padStart(2, '0')}`,
      uuid: `00000000-0000-0000-0030-${String(i).padStart(12, '0')}`,
      state: i % 4 === 0 ? 'shut off' : 'running',
      vcpus: 1 + (i % 4),
      memoryKiB: 1048576 * (1 + (i % 3)),
      currentMemoryKiB: 1048576,
      disks: [],
      nics,
    });
  }
  // Running VMs on maas bring its bridge up, as their taps would on a real host.
  const virbr1 = s.interfaces.find((i) => i.name === 'virbr1');
  if (virbr1) Object.assign(virbr1, { state: 'UP', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'] });
  return s;
}
