import type { Domain, DomainNic, HostSnapshot, LibvirtNetwork, NetInterface } from '../snapshot/types';

/** A deep copy of `base` changed by `mutate`: the lab fixture stays untouched between tests. */
export function variant(
  base: HostSnapshot,
  mutate: (s: HostSnapshot & { libvirt: NonNullable<HostSnapshot['libvirt']> }) => void,
): HostSnapshot {
  const copy = structuredClone(base);
  if (!copy.libvirt) throw new Error('variant() needs a snapshot with libvirt');
  mutate(copy as HostSnapshot & { libvirt: NonNullable<HostSnapshot['libvirt']> });
  return copy;
}

export function nic(type: string, source: string, extra: Partial<DomainNic> = {}): DomainNic {
  return { type, source, ips: [], model: 'virtio', ...extra };
}

let serial = 0;
export function vm(name: string, state: Domain['state'], nics: DomainNic[]): Domain {
  serial++;
  return {
    name,
    uuid: `00000000-0000-0000-0000-${String(serial).padStart(12, '0')}`,
    state,
    vcpus: 1,
    memoryKiB: 1048576,
    currentMemoryKiB: 1048576,
    disks: [],
    nics,
  };
}

export function iface(s: HostSnapshot, name: string): NetInterface {
  const i = s.interfaces.find((x) => x.name === name);
  if (!i) throw new Error(`no interface ${name}`);
  return i;
}

export function network(s: HostSnapshot, name: string): LibvirtNetwork {
  const n = s.libvirt?.networks.find((x) => x.name === name);
  if (!n) throw new Error(`no network ${name}`);
  return n;
}
