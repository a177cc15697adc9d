import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostMarks } from '../compose/marks';
import { parseSnapshotOutput } from '../snapshot/parse-snapshot';
import { networkDhcpState } from './dhcp';
import { interfaceUsage } from './interface-usage';
import { network } from './lab-fixture.test-util';

const lab = parseSnapshotOutput(
  readFileSync(path.join(__dirname, '../snapshot/fixtures/labhost1.txt'), 'utf8'),
  '2026-01-01T00:00:00.000Z',
);

describe('interfaceUsage on labhost1', () => {
  const use = interfaceUsage(lab);

  it('names the network on each libvirt bridge and the VMs behind it', () => {
    expect(use.get('virbr0')).toEqual([
      { kind: 'network', network: 'default', how: 'bridge' },
      {
        kind: 'vm',
        domain: 'lab-running',
        running: true,
        how: 'network',
        network: 'default',
        mac: '52:54:00:1a:b0:01',
      },
    ]);
    expect(use.get('virbr1')).toEqual([
      { kind: 'network', network: 'maas', how: 'bridge' },
      { kind: 'vm', domain: 'lab-shutoff', running: false, how: 'network', network: 'maas', mac: '52:54:00:1a:b0:04' },
    ]);
  });

  it('names the bridged VM on br0, the macvtap VM on eth1 with its mode, and the VM behind each tap', () => {
    expect(use.get('br0')).toEqual([
      { kind: 'vm', domain: 'lab-running', running: true, how: 'bridge', mac: '52:54:00:1a:b0:02' },
    ]);
    expect(use.get('eth1')).toEqual([
      { kind: 'vm', domain: 'lab-shutoff', running: false, how: 'macvtap', mode: 'vepa', mac: '52:54:00:1a:b0:03' },
    ]);
    expect(use.get('vnet0')).toEqual([
      { kind: 'vm', domain: 'lab-running', running: true, how: 'tap', mac: '52:54:00:1a:b0:01' },
    ]);
    expect(use.get('eth0')).toBeUndefined();
  });
});

describe('networkDhcpState', () => {
  it('reports libvirt’s ranges for default and nothing for maas', () => {
    expect(networkDhcpState(network(lab, 'default'), lab, HostMarks.parse({}))).toEqual({
      libvirt: { ranges: [{ start: '192.168.122.100', end: '192.168.122.200' }], hosts: [] },
      external: null,
    });
    expect(networkDhcpState(network(lab, 'maas'), lab, HostMarks.parse({}))).toEqual({ libvirt: null, external: null });
  });

  it('finds an external-DHCP mark on the subnet of the bridge’s own address', () => {
    const marks = HostMarks.parse({ subnets: { '10.99.50.0/24': { externalDhcp: true } } });
    expect(networkDhcpState(network(lab, 'maas'), lab, marks).external).toBe(
      'you marked subnet 10.99.50.0/24 as served by an external DHCP server',
    );
  });
});
