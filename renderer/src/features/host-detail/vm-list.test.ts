import { describe, expect, it } from 'vitest';
import type { Domain } from '../../../../shared/snapshot/types';
import { filterVms, indexVms, sortVms, vmSearchText, type VmSort } from './vm-list';

const vm = (name: string, over: Partial<Domain> = {}): Domain => ({
  name,
  uuid: `uuid-${name}`,
  state: 'running',
  vcpus: 1,
  memoryKiB: 1024,
  currentMemoryKiB: 1024,
  disks: [],
  nics: [],
  ...over,
});

const domains: Domain[] = [
  vm('web10', { vcpus: 2, memoryKiB: 4096, state: 'shut off' }),
  vm('Web2', { vcpus: 4, memoryKiB: 2048 }),
  vm('db1', {
    vcpus: 2,
    memoryKiB: 2048,
    state: 'paused',
    disks: [{ device: 'disk', type: 'file', source: { file: '/var/lib/libvirt/images/DB1.qcow2' } }],
    nics: [
      {
        type: 'network',
        source: 'default',
        mac: '52:54:00:AA:bb:01',
        ips: [{ family: 'ipv4', address: '192.168.122.17', origin: 'lease' }],
      },
    ],
  }),
  vm('web1', { vcpus: 2, memoryKiB: 1024 }),
];

const names = (sort: VmSort, query = '', state = 'all'): string[] => {
  const index = indexVms(domains);
  return filterVms(index, sortVms(index, sort), query, state).map((d) => d.name);
};

describe('vmSearchText', () => {
  it('holds the name, disk paths, MACs and IPs, in lower case', () => {
    expect(vmSearchText(domains[2]!)).toBe('db1 /var/lib/libvirt/images/db1.qcow2 52:54:00:aa:bb:01 192.168.122.17');
  });
});

describe('indexVms', () => {
  it('counts each state once, the states in collation order', () => {
    expect(indexVms(domains).states).toEqual([
      { state: 'paused', count: 1 },
      { state: 'running', count: 2 },
      { state: 'shut off', count: 1 },
    ]);
  });

  it('indexes no VMs', () => {
    const index = indexVms([]);
    expect(index.states).toEqual([]);
    expect(filterVms(index, sortVms(index, { key: 'name', dir: 'asc' }), 'x', 'all')).toEqual([]);
  });
});

describe('sortVms', () => {
  it('sorts names with numbers in order and case ignored; descending reverses', () => {
    expect(names({ key: 'name', dir: 'asc' })).toEqual(['db1', 'web1', 'Web2', 'web10']);
    expect(names({ key: 'name', dir: 'desc' })).toEqual(['web10', 'Web2', 'web1', 'db1']);
  });

  it('breaks ties by name', () => {
    expect(names({ key: 'vcpus', dir: 'asc' })).toEqual(['db1', 'web1', 'web10', 'Web2']);
    expect(names({ key: 'memory', dir: 'asc' })).toEqual(['web1', 'db1', 'Web2', 'web10']);
    expect(names({ key: 'state', dir: 'asc' })).toEqual(['db1', 'web1', 'Web2', 'web10']);
    expect(names({ key: 'memory', dir: 'desc' })).toEqual(['web10', 'Web2', 'db1', 'web1']);
  });
});

describe('filterVms', () => {
  it('matches name, disk path, MAC and IP, any case, the query trimmed; keeps the sort order', () => {
    expect(names({ key: 'name', dir: 'desc' }, 'WEB')).toEqual(['web10', 'Web2', 'web1']);
    expect(names({ key: 'name', dir: 'asc' }, ' images/db1 ')).toEqual(['db1']);
    expect(names({ key: 'name', dir: 'asc' }, 'aa:BB')).toEqual(['db1']);
    expect(names({ key: 'name', dir: 'asc' }, '122.17')).toEqual(['db1']);
    expect(names({ key: 'name', dir: 'asc' }, 'nothing')).toEqual([]);
  });

  it('keeps one state, with the search', () => {
    expect(names({ key: 'name', dir: 'asc' }, '', 'running')).toEqual(['web1', 'Web2']);
    expect(names({ key: 'name', dir: 'asc' }, '2', 'running')).toEqual(['Web2']);
  });
});
