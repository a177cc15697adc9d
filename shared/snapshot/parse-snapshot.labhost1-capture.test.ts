import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factsFromSnapshot } from './facts';
import { parseSnapshotOutput } from './parse-snapshot';
import { HostSnapshot, type NetInterface } from './types';

/** labhost1 of the e2e lab: real libvirtd (QEMU/TCG) in a network namespace, captured over ssh as root. */
const text = readFileSync(path.join(__dirname, 'fixtures', 'labhost1.txt'), 'utf8');
const takenAt = '2026-01-01T00:00:00.000Z';

/** A lease row exactly as `virsh net-dhcp-leases` prints it (the lab's guests run no OS, so have none). */
function withLease(stdout: string): string {
  const header =
    ' Expiry Time   MAC address   Protocol   IP address   Hostname   Client ID or DUID\n' +
    '-----------------------------------------------------------------------------------\n';
  const row =
    ' 2026-01-01 01:00:00   52:54:00:1a:b0:01   ipv4       192.168.122.150/24   lab-running   01:52:54:00:1a:b0:01\n';
  const at = stdout.indexOf(header); // the first net-leases section is network `default`
  return stdout.slice(0, at + header.length) + row + stdout.slice(at + header.length);
}

describe('parseSnapshotOutput on labhost1', () => {
  const s = parseSnapshotOutput(text, takenAt);
  const iface = (name: string): NetInterface => {
    const i = s.interfaces.find((x) => x.name === name);
    if (!i) throw new Error(`no interface ${name}`);
    return i;
  };

  it('is a valid, warning-free pod snapshot', () => {
    expect(HostSnapshot.parse(s)).toEqual(s);
    expect(s.warnings).toBeUndefined();
    expect(s).toMatchObject({ takenAt, hostname: 'labhost1', kind: 'pod' });
    expect(s.libvirt?.error).toBeUndefined();
  });

  it('classifies the host interfaces (veth NICs count as physical)', () => {
    expect(iface('lo').kind).toBe('loopback');
    for (const nic of ['eth0', 'eth1', 'eth2'])
      expect(iface(nic)).toMatchObject({ kind: 'physical', infoKind: 'veth' });
    expect(iface('eth0').addresses).toContainEqual({
      family: 'ipv4',
      address: '10.99.1.2',
      prefixLen: 24,
      scope: 'global',
    });
    expect(iface('eth0').parent).toBeUndefined(); // the peer lives in the root namespace
    expect(iface('br0')).toMatchObject({ kind: 'bridge', ports: ['eth2', 'vnet1'], state: 'UP' });
    expect(iface('br0').addresses[0]).toEqual({
      family: 'ipv4',
      address: '192.168.50.10',
      prefixLen: 24,
      scope: 'global',
    });
    expect(iface('eth2').master).toBe('br0');
    expect(iface('virbr0')).toMatchObject({ kind: 'bridge', ports: ['vnet0'], mac: '52:54:00:1a:b0:f1' });
    expect(iface('virbr1')).toMatchObject({ kind: 'bridge', ports: [] });
    expect(iface('vnet0')).toMatchObject({ kind: 'tap', tunType: 'tap', master: 'virbr0', mac: 'fe:54:00:1a:b0:01' });
    expect(iface('vnet1')).toMatchObject({ kind: 'tap', tunType: 'tap', master: 'br0' });
  });

  it('reads libvirt, node and version', () => {
    expect(s.libvirt).toMatchObject({
      uri: 'qemu:///system',
      libvirtVersion: '9.0.0',
      hypervisor: { name: 'QEMU', version: '7.2.22' },
      arch: 'x86_64',
      node: {
        cpus: 2,
        cpuModel: 'x86_64',
        mhz: 2445,
        sockets: 1,
        cores: 2,
        threads: 1,
        numaCells: 1,
        memoryKiB: 6776608,
      },
    });
  });

  it('reads network default (NAT, DHCP range) and maas (no DHCP, DNS off)', () => {
    const [def, maas] = s.libvirt!.networks;
    expect(def).toEqual({
      name: 'default',
      uuid: '6c616264-6563-6b00-0000-000000000001',
      active: true,
      autostart: true,
      persistent: true,
      forwardMode: 'nat',
      bridge: 'virbr0',
      forwardDevs: [],
      ips: [
        {
          family: 'ipv4',
          address: '192.168.122.1',
          prefixLen: 24,
          dhcp: { ranges: [{ start: '192.168.122.100', end: '192.168.122.200' }], hosts: [] },
        },
      ],
      dnsEnabled: true,
      leases: [],
    });
    expect(maas).toMatchObject({
      name: 'maas',
      active: true,
      autostart: false,
      forwardMode: 'nat',
      bridge: 'virbr1',
      dnsEnabled: false,
      ips: [{ family: 'ipv4', address: '10.99.50.1', prefixLen: 24, dhcp: null }],
    });
  });

  it('reads the dir pool and its volume', () => {
    const [pool] = s.libvirt!.pools;
    // Pool sizes are the file system's and the UUID is new on every lab set-up: check their shape.
    expect(pool).toEqual({
      name: 'default',
      uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      type: 'dir',
      active: true,
      autostart: true,
      persistent: true,
      capacityBytes: expect.any(Number),
      allocationBytes: expect.any(Number),
      availableBytes: expect.any(Number),
      targetPath: '/work/main/e2e/lab/.state/labhost1/pool',
      volumes: [
        {
          name: 'lab-disk.qcow2',
          path: '/work/main/e2e/lab/.state/labhost1/pool/lab-disk.qcow2',
          type: 'file',
          capacityBytes: 16 * 1024 * 1024,
          allocationBytes: 196 * 1024,
        },
      ],
    });
    expect(pool!.capacityBytes).toBeGreaterThan(0);
    expect(pool!.allocationBytes + pool!.availableBytes).toBeLessThanOrEqual(pool!.capacityBytes);
  });

  it('reads both domains with their NICs', () => {
    const [running, shutoff] = s.libvirt!.domains;
    expect(running).toMatchObject({
      name: 'lab-running',
      state: 'running',
      virtType: 'qemu',
      vcpus: 1,
      memoryKiB: 32768,
      currentMemoryKiB: 32768,
      arch: 'x86_64',
      disks: [],
      nics: [
        { type: 'network', source: 'default', mac: '52:54:00:1a:b0:01', model: 'virtio', target: 'vnet0', ips: [] },
        { type: 'bridge', source: 'br0', mac: '52:54:00:1a:b0:02', model: 'virtio', target: 'vnet1', ips: [] },
      ],
    });
    expect(shutoff).toMatchObject({
      name: 'lab-shutoff',
      state: 'shut off',
      nics: [
        { type: 'direct', source: 'eth1', mode: 'vepa', mac: '52:54:00:1a:b0:03', ips: [] },
        { type: 'network', source: 'maas', mac: '52:54:00:1a:b0:04', ips: [] },
      ],
    });
    expect(shutoff!.nics[0]!.target).toBeUndefined(); // no macvtap while shut off
  });

  it('puts a DHCP lease on the network and on the running NIC with that MAC', () => {
    const lv = parseSnapshotOutput(withLease(text), takenAt).libvirt!;
    expect(lv.networks[0]!.leases).toEqual([
      {
        mac: '52:54:00:1a:b0:01',
        family: 'ipv4',
        ip: '192.168.122.150',
        prefixLen: 24,
        hostname: 'lab-running',
        clientId: '01:52:54:00:1a:b0:01',
        expiry: '2026-01-01 01:00:00',
      },
    ]);
    expect(lv.domains[0]!.nics[0]!.ips).toEqual([
      { family: 'ipv4', address: '192.168.122.150', prefixLen: 24, origin: 'lease' },
    ]);
  });

  it('derives the host facts', () => {
    expect(factsFromSnapshot(s)).toEqual({
      hostname: 'labhost1',
      cpus: 2,
      cpuModel: 'AMD EPYC',
      memoryKiB: 6776608,
      arch: 'x86_64',
      libvirtVersion: '9.0.0',
      hypervisor: 'QEMU 7.2.22',
      domainsTotal: 2,
      domainsRunning: 1,
      networksTotal: 2,
      networksActive: 2,
      memoryUsedKiB: 32768,
      // MemTotal 24683656 − MemAvailable 22825224 (/proc/meminfo): the host's own use, beside the VMs' share.
      hostMemoryUsedKiB: 1858432,
    });
  });
});
