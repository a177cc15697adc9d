import { describe, expect, it } from 'vitest';
import {
  classifyDomIfAddrError,
  normaliseMac,
  parseDomIfAddrOutput,
  parseDomIfList,
  parseProcNetArp,
} from './parse-domifaddr';

// Captured on the lab (Debian 12, libvirt 9.0.0, LC_ALL=C, 2>&1) unless marked otherwise.
const HEADER = [
  ' Name       MAC address          Protocol     Address',
  '-------------------------------------------------------------------------------',
];
const lab = {
  leaseEmpty: [...HEADER, ''].join('\n'),
  arpBroken: 'error: Failed to query for interfaces addresses\nerror: internal error: wrong nlmsg len\n',
  agentNotConfigured:
    'error: Failed to query for interfaces addresses\nerror: argument unsupported: QEMU guest agent is not configured\n',
  notRunning:
    'error: Failed to query for interfaces addresses\nerror: Requested operation is not valid: domain is not running\n',
  domiflistRunning: [
    ' Interface   Type      Source    Model    MAC',
    '-------------------------------------------------------------',
    ' vnet0       network   default   virtio   52:54:00:1a:b0:01',
    ' vnet1       bridge    br0       virtio   52:54:00:1a:b0:02',
    '',
  ].join('\n'),
  domiflistShutoff: [
    ' Interface   Type      Source   Model    MAC',
    '------------------------------------------------------------',
    ' -           direct    eth1     virtio   52:54:00:1a:b0:03',
    ' -           network   maas     virtio   52:54:00:1a:b0:04',
    '',
  ].join('\n'),
  procNetArp: [
    'IP address       HW type     Flags       HW address            Mask     Device',
    '10.99.1.1        0x1         0x2         12:fc:bc:91:73:3a     *        eth0',
    '',
  ].join('\n'),
};

describe('parseDomIfAddrOutput', () => {
  it('reads an empty table as no addresses', () => {
    expect(parseDomIfAddrOutput(lab.leaseEmpty)).toEqual({ ok: true, addresses: [], interfaces: [] });
  });

  it('reads lease rows with continuation rows and an interface without addresses', () => {
    const body = [
      ...HEADER,
      ' vnet0      52:54:00:1a:b0:01    ipv4         192.168.122.150/24',
      ' -          -                    ipv6         fd00::5/64',
      ' vnet1      52:54:00:1A:B0:02    N/A          N/A',
      '',
    ].join('\n');
    expect(parseDomIfAddrOutput(body)).toEqual({
      ok: true,
      addresses: [
        { ifname: 'vnet0', mac: '52:54:00:1a:b0:01', family: 'ipv4', address: '192.168.122.150', prefixLen: 24 },
        { ifname: 'vnet0', mac: '52:54:00:1a:b0:01', family: 'ipv6', address: 'fd00::5', prefixLen: 64 },
      ],
      interfaces: [
        { ifname: 'vnet0', mac: '52:54:00:1a:b0:01' },
        { ifname: 'vnet1', mac: '52:54:00:1a:b0:02' },
      ],
    });
  });

  it('reads --full output (name and MAC on every row) the same way', () => {
    const body = [
      ...HEADER,
      ' vnet0      52:54:00:1a:b0:01    ipv4         192.168.122.150/24',
      ' vnet0      52:54:00:1a:b0:01    ipv6         fd00::5/64',
      '',
    ].join('\n');
    const r = parseDomIfAddrOutput(body);
    expect(r.ok && r.addresses.map((a) => `${a.ifname} ${a.mac} ${a.address}/${a.prefixLen}`)).toEqual([
      'vnet0 52:54:00:1a:b0:01 192.168.122.150/24',
      'vnet0 52:54:00:1a:b0:01 fd00::5/64',
    ]);
  });

  it('reads agent output: guest names (with spaces), loopback, short MAC octets, rows without a MAC', () => {
    // Shapes from virsh's source and reported agent outputs (Windows names, macOS-style MACs).
    const body = [
      ...HEADER,
      ' lo         00:00:00:00:00:00    ipv4         127.0.0.1/8',
      ' -          -                    ipv6         ::1/128',
      ' eth0       52:54:00:aa:00:01    ipv4         192.168.122.77/24',
      ' -          -                    ipv6         fe80::5054:ff:feaa:1/64',
      ' Ethernet 2 52:54:00:aa:00:02    ipv4         10.0.0.9/16',
      ' en1        0:c:29:a:b:c         ipv4         192.168.2.2/24',
      ' tun0                            ipv4         10.8.0.2/24',
      '',
    ].join('\n');
    const r = parseDomIfAddrOutput(body);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.addresses.map((a) => [a.ifname, a.mac, a.family, a.address, a.prefixLen])).toEqual([
      ['lo', '00:00:00:00:00:00', 'ipv4', '127.0.0.1', 8],
      ['lo', '00:00:00:00:00:00', 'ipv6', '::1', 128],
      ['eth0', '52:54:00:aa:00:01', 'ipv4', '192.168.122.77', 24],
      ['eth0', '52:54:00:aa:00:01', 'ipv6', 'fe80::5054:ff:feaa:1', 64],
      ['Ethernet 2', '52:54:00:aa:00:02', 'ipv4', '10.0.0.9', 16],
      ['en1', '00:0c:29:0a:0b:0c', 'ipv4', '192.168.2.2', 24],
      ['tun0', '', 'ipv4', '10.8.0.2', 24],
    ]);
  });

  it('reads arp rows (no prefix length known to libvirt: it prints /0)', () => {
    const body = [...HEADER, ' vnet1      52:54:00:1a:b0:02    ipv4         10.99.1.50/0', ''].join('\n');
    expect(parseDomIfAddrOutput(body)).toMatchObject({
      ok: true,
      addresses: [{ ifname: 'vnet1', address: '10.99.1.50', prefixLen: 0 }],
    });
  });

  it('reads "no guest agent" as not available, with libvirt’s words', () => {
    expect(parseDomIfAddrOutput(lab.agentNotConfigured)).toEqual({
      ok: false,
      reason: 'unavailable',
      message: 'argument unsupported: QEMU guest agent is not configured',
    });
  });

  it('reads a stopped domain as notRunning', () => {
    expect(parseDomIfAddrOutput(lab.notRunning)).toEqual({
      ok: false,
      reason: 'notRunning',
      message: 'Requested operation is not valid: domain is not running',
    });
  });

  it('reads libvirt’s own ARP reader failing as failed', () => {
    expect(parseDomIfAddrOutput(lab.arpBroken)).toEqual({
      ok: false,
      reason: 'failed',
      message: 'internal error: wrong nlmsg len',
    });
  });

  it('classifies other agent and driver errors', () => {
    expect(classifyDomIfAddrError('Guest agent is not responding: QEMU guest agent is not connected')).toBe(
      'unavailable',
    );
    expect(
      classifyDomIfAddrError('this function is not supported by the connection driver: virDomainInterfaceAddresses'),
    ).toBe('unavailable');
    expect(classifyDomIfAddrError("failed to get domain 'x'")).toBe('failed');
  });
});

describe('parseDomIfList', () => {
  it('reads a running and a stopped domain', () => {
    expect(parseDomIfList(lab.domiflistRunning)).toEqual([
      { target: 'vnet0', type: 'network', source: 'default', model: 'virtio', mac: '52:54:00:1a:b0:01' },
      { target: 'vnet1', type: 'bridge', source: 'br0', model: 'virtio', mac: '52:54:00:1a:b0:02' },
    ]);
    expect(parseDomIfList(lab.domiflistShutoff)).toEqual([
      { type: 'direct', source: 'eth1', model: 'virtio', mac: '52:54:00:1a:b0:03' },
      { type: 'network', source: 'maas', model: 'virtio', mac: '52:54:00:1a:b0:04' },
    ]);
  });
});

describe('parseProcNetArp', () => {
  it('keeps complete entries only', () => {
    const body = `${lab.procNetArp}10.99.1.7       0x1         0x0         00:00:00:00:00:00     *        br0\n`;
    expect(parseProcNetArp(body)).toEqual([{ address: '10.99.1.1', mac: '12:fc:bc:91:73:3a', device: 'eth0' }]);
  });
});

describe('normaliseMac', () => {
  it('pads and lower-cases', () => {
    expect(normaliseMac('0:C:29:a:b:c')).toBe('00:0c:29:0a:0b:0c');
  });
});

describe('the host snapshot carries ARP-derived addresses', () => {
  it('adds an arp NicIp to a running VM whose MAC is in /proc/net/arp, not to a stopped one', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { parseSnapshotOutput } = await import('./parse-snapshot');
    const text = readFileSync(path.join(__dirname, 'fixtures/labhost1.txt'), 'utf8');
    const nonce = text.split('\n')[0]!.split(' ')[2]!;
    const arp = [
      `@@@lds:${nonce} arp`,
      'IP address       HW type     Flags       HW address            Mask     Device',
      '10.99.1.50       0x1         0x2         52:54:00:1a:b0:02     *        br0',
      '10.99.1.51       0x1         0x2         52:54:00:1a:b0:03     *        eth1',
    ].join('\n');
    const withArp = text.replace(`@@@lds:${nonce} virsh present`, `${arp}\n@@@lds:${nonce} virsh present`);
    const s = parseSnapshotOutput(withArp, '2026-01-01T00:00:00Z');
    const running = s.libvirt!.domains.find((d) => d.name === 'lab-running')!;
    expect(running.nics.find((n) => n.mac === '52:54:00:1a:b0:02')!.ips).toEqual([
      { family: 'ipv4', address: '10.99.1.50', origin: 'arp' },
    ]);
    const shutoff = s.libvirt!.domains.find((d) => d.name === 'lab-shutoff')!;
    expect(shutoff.nics.flatMap((n) => n.ips)).toEqual([]);
    expect(s.warnings ?? []).toEqual(parseSnapshotOutput(text, '2026-01-01T00:00:00Z').warnings ?? []);
  });
});
