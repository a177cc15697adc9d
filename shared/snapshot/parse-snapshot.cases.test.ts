import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factsFromSnapshot } from './facts';
import { parseSnapshotOutput, SnapshotParseError } from './parse-snapshot';
import { HostSnapshot } from './types';

const fixture = (name: string): string => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const takenAt = '2026-01-01T00:00:00.000Z';

describe('a user without libvirt access (labuser on labhost1, real output)', () => {
  const s = parseSnapshotOutput(fixture('labhost1-labuser.txt'), takenAt);

  it('is still a pod, with a clear error and hint instead of objects', () => {
    expect(HostSnapshot.parse(s)).toEqual(s);
    expect(s.kind).toBe('pod');
    expect(s.hostname).toBe('labhost1');
    expect(s.interfaces.map((i) => i.name)).toContain('br0'); // the non-virsh parts still work
    expect(s.libvirt).toEqual({
      error: {
        message:
          "failed to connect to the hypervisor — Failed to connect socket to '/var/run/libvirt/libvirt-sock': Permission denied",
        hint: expect.stringContaining(
          'User labuser is not in the libvirt group: add it with `sudo usermod -aG libvirt labuser`',
        ),
      },
      networks: [],
      pools: [],
      domains: [],
    });
    expect(s.warnings).toBeUndefined();
  });

  it('gives facts without libvirt numbers', () => {
    const f = factsFromSnapshot(s);
    expect(f).toMatchObject({ hostname: 'labhost1', cpus: 2, cpuModel: 'AMD EPYC', arch: 'x86_64', domainsTotal: 0 });
    expect(f.memoryUsedKiB).toBeUndefined();
    expect(f.libvirtVersion).toBeUndefined();
  });
});

describe('a host without virsh', () => {
  const s = parseSnapshotOutput(fixture('no-virsh.txt'), takenAt);

  it('is a machine with libvirt null', () => {
    expect(HostSnapshot.parse(s)).toEqual(s);
    expect(s).toMatchObject({ kind: 'machine', libvirt: null, hostname: 'vm' });
    expect(s.warnings).toBeUndefined();
  });

  it('reads bridge, macvlan, macvtap, tap and tun devices', () => {
    const by = new Map(s.interfaces.map((i) => [i.name, i]));
    expect(by.get('br0')).toMatchObject({ kind: 'bridge', ports: ['eth2', 'vnet0'] });
    expect(by.get('br0')!.addresses.map((a) => `${a.address}/${a.prefixLen}`)).toEqual(
      expect.arrayContaining(['192.168.50.10/24', 'fd00::1/64']),
    );
    expect(by.get('mv0')).toMatchObject({
      kind: 'macvlan',
      macvlan: { mode: 'private', parent: 'eth0' },
      parent: 'eth0',
    });
    expect(by.get('macvtap0')).toMatchObject({ kind: 'macvtap', macvlan: { mode: 'vepa', parent: 'eth0' } });
    expect(by.get('vnet0')).toMatchObject({ kind: 'tap', tunType: 'tap', master: 'br0' });
    expect(by.get('tun0')).toMatchObject({ kind: 'other', tunType: 'tun', infoKind: 'tun' });
    expect(by.get('tun0')!.mac).toBeUndefined();
    // A veth's `link` is its peer (here in the same namespace), not a parent.
    expect(by.get('eth0')).toMatchObject({ kind: 'physical', infoKind: 'veth' });
    expect(by.get('eth0')!.parent).toBeUndefined();
  });

  it('takes facts from the OS', () => {
    expect(factsFromSnapshot(s)).toEqual({
      hostname: 'vm',
      cpus: 2,
      cpuModel: 'AMD EPYC',
      memoryKiB: 24683656,
      arch: 'x86_64',
      domainsTotal: 0,
      domainsRunning: 0,
      networksTotal: 0,
      networksActive: 0,
      hostMemoryUsedKiB: 24683656 - 22825224,
    });
  });
});

describe('test-driver host with awkward names (test-node.xml)', () => {
  const s = parseSnapshotOutput(fixture('test-node.txt'), takenAt);
  const lv = s.libvirt!;

  it('keeps quotes, ampersands and spaces in names', () => {
    expect(HostSnapshot.parse(s)).toEqual(s);
    expect(s.warnings).toBeUndefined();
    expect(lv.networks.map((n) => n.name)).toEqual(['default', 'host-bridge', `lab net & "quotes" 'too'`, 'vepa-net']);
    expect(lv.domains.map((d) => d.name)).toEqual(['web "prod" & co', 'stopped']);
    expect(lv.domains[1]!.nics[0]!.source).toBe(`lab net & "quotes" 'too'`);
    expect(lv.networks[0]!.ips[0]!.dhcp!.hosts).toEqual([
      { ip: '192.168.122.10', mac: '52:54:00:aa:bb:01', name: 'fixed "one"' },
    ]);
  });

  it('is not fooled by a section marker inside a domain description', () => {
    expect(lv.domains[1]!.state).toBe('shut off');
  });

  it('reads volumes whose names and paths hold spaces', () => {
    expect(lv.pools[0]).toMatchObject({ name: 'images pool', targetPath: '/var/lib/lab images' });
    expect(lv.pools[0]!.volumes).toEqual([
      {
        name: 'disk one.qcow2',
        path: '/var/lib/lab images/disk one.qcow2',
        type: 'file',
        capacityBytes: 2 * 1024 ** 3,
        allocationBytes: 196 * 1024 ** 2,
      },
      {
        name: 'raw.img',
        path: '/var/lib/lab images/raw.img',
        type: 'file',
        capacityBytes: 1024 ** 2,
        allocationBytes: 0,
      },
    ]);
  });

  it('reads forward modes, devices, IPv6 and DNS', () => {
    const [def, hostBridge, lab, vepa] = lv.networks;
    expect(def!.ips[1]).toEqual({ family: 'ipv6', address: 'fd00:122::1', prefixLen: 64, dhcp: null });
    expect(hostBridge).toMatchObject({ forwardMode: 'bridge', bridge: 'br0', dnsEnabled: false });
    expect(lab).toMatchObject({ forwardMode: 'nat', dnsEnabled: false, ips: [{ prefixLen: 24, dhcp: null }] });
    expect(vepa).toMatchObject({ forwardMode: 'vepa', forwardDevs: ['eth1', 'eth3'], dnsEnabled: false });
  });

  it('reads disks, NICs and domifaddr addresses; a stopped domain gets none', () => {
    const [web, stopped] = lv.domains;
    expect(web).toMatchObject({ state: 'running', memoryKiB: 1048576, currentMemoryKiB: 524288, vcpus: 2 });
    expect(web!.disks).toEqual([
      {
        device: 'disk',
        type: 'file',
        source: { file: '/var/lib/lab images/disk one.qcow2' },
        target: 'vda',
        bus: 'virtio',
        format: 'qcow2',
      },
      {
        device: 'disk',
        type: 'volume',
        source: { pool: 'images pool', volume: 'raw.img' },
        target: 'vdb',
        bus: 'virtio',
        format: 'raw',
      },
      { device: 'cdrom', type: 'file', source: null, target: 'sda', bus: 'sata' },
    ]);
    expect(
      web!.nics.map((n) => [n.type, n.source, n.mode, n.ips.map((i) => `${i.address}/${i.prefixLen} ${i.origin}`)]),
    ).toEqual([
      ['network', 'default', undefined, ['192.168.122.3/24 domifaddr']],
      ['bridge', 'br0', undefined, ['192.168.0.2/24 domifaddr']],
      ['direct', 'eth1', 'vepa', ['192.168.0.3/24 domifaddr']],
    ]);
    expect(stopped!.nics[0]!.ips).toEqual([]);
  });

  it('does not warn about the test driver lacking DHCP leases', () => {
    expect(lv.networks.every((n) => n.leases.length === 0)).toBe(true);
  });
});

describe('labtest1 (lab test-driver host over ssh)', () => {
  it('parses cleanly', () => {
    const s = parseSnapshotOutput(fixture('labtest1.txt'), takenAt);
    expect(HostSnapshot.parse(s)).toEqual(s);
    expect(s.warnings).toBeUndefined();
    expect(s.hostname).toBe('labtest1');
    expect(s.libvirt!.domains.length).toBe(3);
    expect(s.libvirt!.networks.length).toBe(2);
  });
});

describe('damaged output', () => {
  const full = fixture('labhost1.txt');

  it('throws when there is no snapshot header at all', () => {
    expect(() => parseSnapshotOutput('sh: 1: Syntax error\n', takenAt)).toThrow(SnapshotParseError);
    expect(() => parseSnapshotOutput('', takenAt)).toThrow(/empty output/);
  });

  it('warns when the output was cut short', () => {
    const s = parseSnapshotOutput(full.slice(0, full.indexOf('dom-xml')), takenAt);
    expect(s.warnings).toContain('the snapshot output was cut short: some objects may be missing');
    expect(s.libvirt!.networks.length).toBe(2);
  });

  it('ignores a login banner before the header', () => {
    const s = parseSnapshotOutput(`Welcome!\n${full}`, takenAt);
    expect(s.warnings).toBeUndefined();
    expect(s.hostname).toBe('labhost1');
  });

  it('turns an old iproute2 without -j into a warning', () => {
    const old = full.replace(/( ip\n)\[.*\n/, '$1Option "-j" is unknown, try "ip -help".\n');
    const s = parseSnapshotOutput(old, takenAt);
    expect(s.interfaces).toEqual([]);
    expect(s.warnings).toEqual(['ip -j -d addr show: Option "-j" is unknown, try "ip -help".']);
  });

  it('warns about an object that vanished between the two virsh runs', () => {
    const uuid = '6c616264-6563-6b00-0001-000000000002';
    const gone = full.replace(
      new RegExp(`(dom-xml ${uuid}\\n)<domain[\\s\\S]*?</domain>\\n`),
      `$1error: failed to get domain '${uuid}'\n`,
    );
    const s = parseSnapshotOutput(gone, takenAt);
    expect(s.libvirt!.domains.map((d) => d.name)).toEqual(['lab-running']);
    expect(s.warnings).toEqual([`domain ${uuid}: failed to get domain '${uuid}'`]);
  });
});
