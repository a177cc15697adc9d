import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libvirtErrorHint } from './libvirt-error-hint';
import { parseDomainXml } from './parse-domain-xml';
import { parseIpAddr } from './parse-ip';
import { parseDhcpLeases, parseDomIfAddr } from './parse-leases';
import { parseNetworkXml } from './parse-network-xml';
import { parseVersion } from './parse-version';
import { parseVolList } from './parse-vol-list';
import { splitSections } from './sections';
import { netmaskToPrefix, sizeToBytes } from './units';

describe('units', () => {
  it('follows libvirt unit rules', () => {
    expect(sizeToBytes('2', 'G', 'KiB')).toBe(2 * 1024 ** 3);
    expect(sizeToBytes('2', 'GB', 'KiB')).toBe(2e9);
    expect(sizeToBytes('512', undefined, 'KiB')).toBe(512 * 1024);
    expect(sizeToBytes('5', 'bytes', 'KiB')).toBe(5);
    expect(sizeToBytes('5', 'parsecs', 'KiB')).toBeUndefined();
    expect(sizeToBytes('x', 'KiB', 'KiB')).toBeUndefined();
  });
  it('converts netmasks', () => {
    expect(netmaskToPrefix('255.255.255.0')).toBe(24);
    expect(netmaskToPrefix('255.255.240.0')).toBe(20);
    expect(netmaskToPrefix('255.255.255.255')).toBe(32);
    expect(netmaskToPrefix('255.0.255.0')).toBeUndefined();
  });
});

describe('sections', () => {
  it('splits only on markers carrying the header nonce', () => {
    const out = [
      'LABDECK-SNAPSHOT 1 abc',
      '@@@lds:abc hostname',
      'h1',
      '@@@lds:xyz hostname',
      '@@@lds:abc dom-xml 1234',
      '<domain/>',
      '@@@lds:abc end',
      '',
    ].join('\n');
    expect(splitSections(out)).toEqual({
      format: '1',
      complete: true,
      preamble: '',
      sections: [
        { name: 'hostname', arg: undefined, body: 'h1\n@@@lds:xyz hostname' },
        { name: 'dom-xml', arg: '1234', body: '<domain/>' },
        { name: 'end', arg: undefined, body: '' },
      ],
    });
  });
});

describe('parseVersion', () => {
  it('prefers the daemon version', () => {
    const body = [
      'Compiled against library: libvirt 10.0.0',
      'Using library: libvirt 10.0.0',
      'Using API: QEMU 10.0.0',
      'Running hypervisor: QEMU 8.2.2',
      'Running against daemon: 9.0.0',
    ].join('\n');
    expect(parseVersion(body)).toEqual({ libvirtVersion: '9.0.0', hypervisor: { name: 'QEMU', version: '8.2.2' } });
  });
});

describe('parseVolList', () => {
  it('splits name and path by the header even when both hold spaces', () => {
    const body = [
      ' Name        Path                     Type   Capacity   Allocation',
      '--------------------------------------------------------------------',
      ' a b /c      /p q/a b /c              file   1.50 GiB   0.00 B',
      '',
    ].join('\n');
    expect(parseVolList(body)).toEqual([
      { name: 'a b /c', path: '/p q/a b /c', type: 'file', capacityBytes: 1.5 * 1024 ** 3, allocationBytes: 0 },
    ]);
  });
  it('gives nothing for an inactive pool', () => {
    expect(
      parseVolList(
        "error: failed to list volumes\nerror: Requested operation is not valid: storage pool 'x' is not active\n",
      ),
    ).toEqual([]);
  });
});

describe('lease tables', () => {
  it('parses net-dhcp-leases rows, IPv6 and missing hostnames', () => {
    const body = [
      ' Expiry Time           MAC address         Protocol   IP address                 Hostname   Client ID or DUID',
      '---------------------------------------------------------------------------------------------------------------',
      ' 2026-01-01 10:00:00   52:54:00:AA:00:01   ipv4       192.168.122.150/24         guest1     01:52:54:00:aa:00:01',
      ' 2026-01-01 11:00:00   52:54:00:aa:00:02   ipv6       fd00::25/64                -          00:04:aa',
      '',
    ].join('\n');
    expect(parseDhcpLeases(body)).toEqual([
      {
        mac: '52:54:00:aa:00:01',
        family: 'ipv4',
        ip: '192.168.122.150',
        prefixLen: 24,
        hostname: 'guest1',
        clientId: '01:52:54:00:aa:00:01',
        expiry: '2026-01-01 10:00:00',
      },
      {
        mac: '52:54:00:aa:00:02',
        family: 'ipv6',
        ip: 'fd00::25',
        prefixLen: 64,
        clientId: '00:04:aa',
        expiry: '2026-01-01 11:00:00',
      },
    ]);
  });
  it('parses domifaddr continuation rows and N/A', () => {
    const body = [
      ' Name       MAC address          Protocol     Address',
      '-------------------------------------------------------------------------------',
      ' vnet0      52:54:00:1a:b0:01    ipv4         192.168.122.150/24',
      ' -          -                    ipv6         fd00::5/64',
      ' vnet1      52:54:00:1a:b0:02    N/A          N/A',
    ].join('\n');
    expect(parseDomIfAddr(body)).toEqual([
      { name: 'vnet0', mac: '52:54:00:1a:b0:01', family: 'ipv4', address: '192.168.122.150', prefixLen: 24 },
      { name: 'vnet0', mac: '52:54:00:1a:b0:01', family: 'ipv6', address: 'fd00::5', prefixLen: 64 },
    ]);
  });
});

describe('parseIpAddr', () => {
  it('reads vlan, bond and plain NICs (kinds the lab kernel cannot create)', () => {
    const json = JSON.stringify([
      {
        ifindex: 2,
        ifname: 'enp1s0',
        flags: ['UP'],
        mtu: 1500,
        operstate: 'UP',
        link_type: 'ether',
        address: 'aa:00:00:00:00:01',
        master: 'bond0',
        linkinfo: { info_slave_kind: 'bond' },
        addr_info: [],
      },
      {
        ifindex: 3,
        ifname: 'bond0',
        flags: ['UP'],
        mtu: 1500,
        operstate: 'UP',
        link_type: 'ether',
        address: 'aa:00:00:00:00:01',
        linkinfo: { info_kind: 'bond', info_data: { mode: 'active-backup' } },
        addr_info: [],
      },
      {
        ifindex: 4,
        ifname: 'bond0.10',
        link: 'bond0',
        flags: ['UP'],
        mtu: 1500,
        operstate: 'UP',
        link_type: 'ether',
        address: 'aa:00:00:00:00:01',
        linkinfo: { info_kind: 'vlan', info_data: { protocol: '802.1Q', id: 10 } },
        addr_info: [{ family: 'inet', local: '10.0.10.2', prefixlen: 24, scope: 'global' }],
      },
      {
        ifindex: 5,
        ifname: 'pt0',
        link: 'enp1s0',
        mtu: 1500,
        operstate: 'UP',
        link_type: 'ether',
        linkinfo: { info_kind: 'macvtap', info_data: { mode: 'passthru' } },
      },
    ]);
    const [nic, bond, vlan, pt] = parseIpAddr(json);
    expect(nic).toMatchObject({ kind: 'physical', master: 'bond0' });
    expect(nic!.infoKind).toBeUndefined();
    expect(bond).toMatchObject({ kind: 'bond', ports: ['enp1s0'] });
    expect(vlan).toMatchObject({
      kind: 'vlan',
      parent: 'bond0',
      vlan: { id: 10, protocol: '802.1Q', parent: 'bond0' },
    });
    expect(vlan!.addresses).toEqual([{ family: 'ipv4', address: '10.0.10.2', prefixLen: 24, scope: 'global' }]);
    expect(pt).toMatchObject({
      kind: 'macvtap',
      macvlan: { mode: 'passthrough', parent: 'enp1s0' },
      flags: [],
      addresses: [],
    });
  });
  it('reads the dev namespace capture', () => {
    const json = readFileSync(path.join(__dirname, 'fixtures', 'ip-dev-netns.json'), 'utf8');
    expect(parseIpAddr(json).map((i) => `${i.name}:${i.kind}`)).toEqual([
      'lo:loopback',
      'eth0p:physical',
      'eth0:physical',
      'eth2p:physical',
      'eth2:physical',
      'br0:bridge',
      'mv0:macvlan',
      'macvtap0:macvtap',
      'vnet0:tap',
      'tun0:other',
    ]);
  });
  it('throws on text that is not its JSON', () => {
    expect(() => parseIpAddr('Object "addr" is unknown')).toThrow();
  });
});

describe('XML parsers', () => {
  it('returns undefined for error text instead of XML', () => {
    expect(parseDomainXml("error: failed to get domain 'x'")).toBeUndefined();
    expect(parseNetworkXml('')).toBeUndefined();
  });
  it('keeps numeric-looking names as strings and decodes character references', () => {
    const d = parseDomainXml(
      "<domain type='kvm'><name>007</name><uuid>u</uuid><memory>1024</memory><vcpu current='2'>4</vcpu>" +
        "<devices><interface type='direct'><source dev='eth&#49;'/></interface><interface type='user'/></devices></domain>",
    );
    expect(d).toMatchObject({ name: '007', memoryKiB: 1024, currentMemoryKiB: 1024, vcpus: 2 });
    expect(d!.nics).toEqual([
      { type: 'direct', source: 'eth1', mode: 'vepa', ips: [] },
      { type: 'user', ips: [] },
    ]);
  });
  it('reads isolated networks, <forward/> as nat and classful defaults', () => {
    const iso = parseNetworkXml("<network><name>iso</name><uuid>u</uuid><ip address='10.1.2.1'/></network>");
    expect(iso).toMatchObject({ forwardMode: 'isolated', dnsEnabled: true, ips: [{ prefixLen: 8 }] });
    const nat = parseNetworkXml('<network><name>n</name><uuid>u</uuid><forward/></network>');
    expect(nat!.forwardMode).toBe('nat');
  });
});

describe('libvirtErrorHint', () => {
  const denied =
    "failed to connect to the hypervisor — Failed to connect socket to '/var/run/libvirt/libvirt-sock': Permission denied";

  it('tells a user outside the libvirt group how to join it', () => {
    expect(libvirtErrorHint(denied, { user: 'alice', groups: ['alice', 'users'] })).toBe(
      'User alice is not in the libvirt group: add it with `sudo usermod -aG libvirt alice` and log in again ' +
        '(group membership only applies to new sessions).',
    );
    expect(libvirtErrorHint(denied)).toMatch(/^The SSH user is not in the libvirt group: .*usermod -aG libvirt USER/);
  });
  it('points at socket permissions when the user is in the group already', () => {
    expect(libvirtErrorHint(denied, { user: 'bob', groups: ['bob', 'libvirt'] })).toMatch(
      /is in the libvirt group but may not use \/var\/run\/libvirt\/libvirt-sock/,
    );
  });
  it('recognises polkit refusals, a stopped daemon and a missing driver', () => {
    expect(
      libvirtErrorHint(
        "authentication unavailable: no polkit agent available to authenticate action 'org.libvirt.unix.manage'",
        { user: 'c' },
      ),
    ).toMatch(/not in the libvirt group/);
    expect(
      libvirtErrorHint("Failed to connect socket to '/var/run/libvirt/libvirt-sock': No such file or directory"),
    ).toMatch(/libvirt is not running/);
    expect(libvirtErrorHint('no connection driver available for qemu:///system')).toMatch(/no driver for this URI/);
    expect(libvirtErrorHint('something else')).toBeUndefined();
  });
});

describe('parseSystem', () => {
  it('reads MemTotal and MemAvailable (issue 12, item 11)', async () => {
    const { parseSystem } = await import('./parse-system');
    expect(parseSystem('arch=x86_64\nmemkib=24683656\nmemavailkib=22825224\ncpumodel=AMD EPYC\n')).toEqual({
      arch: 'x86_64',
      memoryKiB: 24683656,
      memoryAvailableKiB: 22825224,
      cpuModel: 'AMD EPYC',
    });
    // An older kernel without MemAvailable: unknown, not zero.
    expect(parseSystem('memkib=1024\n').memoryAvailableKiB).toBeUndefined();
  });
});
