import type { Domain, InterfaceKind, LibvirtNetwork, NetInterface } from '../../snapshot/types';
import type { PlannerSnapshot } from './types';

let index = 1;
export function iface(name: string, kind: InterfaceKind, extra: Partial<NetInterface> = {}): NetInterface {
  return {
    name,
    ifindex: index++,
    kind,
    state: 'UP',
    flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
    mtu: 1500,
    addresses: [],
    ports: [],
    ...extra,
  };
}

export const addr = (cidr: string) => {
  const [address = '', prefix = '0'] = cidr.split('/');
  return {
    family: address.includes(':') ? ('ipv6' as const) : ('ipv4' as const),
    address,
    prefixLen: Number(prefix),
    scope: 'global',
  };
};

export function network(name: string, extra: Partial<LibvirtNetwork> = {}): LibvirtNetwork {
  return {
    name,
    uuid: `00000000-0000-0000-0000-${name.padStart(12, '0').slice(-12)}`,
    active: true,
    autostart: true,
    persistent: true,
    forwardMode: 'nat',
    forwardDevs: [],
    ips: [],
    dnsEnabled: true,
    leases: [],
    ...extra,
  };
}

export function domain(name: string, nics: Domain['nics']): Domain {
  return {
    name,
    uuid: `uuid-${name}`,
    state: 'running',
    vcpus: 1,
    memoryKiB: 1024,
    currentMemoryKiB: 1024,
    disks: [],
    nics,
  };
}

/**
 * Like the e2e lab's labhost1: eth0 management, eth1 stand-alone, eth2 a port of br0, networks
 * 'default' (NAT + DHCP on virbr0) and 'maas' (NAT, no DHCP, on virbr1), a bond, taps and lo.
 */
export function labSnapshot(): PlannerSnapshot {
  return {
    hostname: 'labhost1',
    interfaces: [
      iface('lo', 'loopback', {
        addresses: [{ ...addr('127.0.0.1/8'), scope: 'host' }],
        flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
        state: 'UNKNOWN',
      }),
      iface('eth0', 'physical', { addresses: [addr('10.0.0.2/24'), { ...addr('fe80::1/64'), scope: 'link' }] }),
      iface('eth1', 'physical'),
      iface('eth2', 'physical', { master: 'br0' }),
      iface('br0', 'bridge', { ports: ['eth2', 'vnet1'], addresses: [addr('192.168.50.1/24')] }),
      iface('bond0', 'bond', { ports: ['eth3'] }),
      iface('eth3', 'physical', { master: 'bond0' }),
      iface('virbr0', 'bridge', { addresses: [addr('192.168.122.1/24')], ports: ['vnet0'] }),
      iface('virbr1', 'bridge', { addresses: [addr('10.99.50.1/24')] }),
      iface('vnet0', 'tap', { master: 'virbr0', tunType: 'tap' }),
      iface('vnet1', 'tap', { master: 'br0', tunType: 'tap' }),
    ],
    libvirt: {
      networks: [
        network('default', {
          bridge: 'virbr0',
          ips: [
            {
              family: 'ipv4',
              address: '192.168.122.1',
              prefixLen: 24,
              dhcp: {
                ranges: [{ start: '192.168.122.100', end: '192.168.122.200' }],
                hosts: [{ mac: '52:54:00:aa:bb:cc', ip: '192.168.122.150' }],
              },
            },
          ],
          leases: [{ mac: '52:54:00:1a:b0:01', family: 'ipv4', ip: '192.168.122.101', expiry: '2030-01-01 00:00:00' }],
        }),
        network('maas', {
          bridge: 'virbr1',
          dnsEnabled: false,
          ips: [{ family: 'ipv4', address: '10.99.50.1', prefixLen: 24, dhcp: null }],
        }),
      ],
      domains: [
        domain('lab-running', [
          { type: 'network', source: 'default', mac: '52:54:00:1a:b0:01', target: 'vnet0', ips: [] },
          { type: 'bridge', source: 'br0', mac: '52:54:00:1a:b0:02', target: 'vnet1', ips: [] },
        ]),
      ],
    },
  };
}
