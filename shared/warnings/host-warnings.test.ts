import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostMarks } from '../compose/marks';
import { parseSnapshotOutput } from '../snapshot/parse-snapshot';
import { hostWarnings } from './host-warnings';
import { iface, network, nic, variant, vm } from './lab-fixture.test-util';
import { warningsAbout, warningsToFlag, worstSeverity } from './types';

const lab = parseSnapshotOutput(
  readFileSync(path.join(__dirname, '../snapshot/fixtures/labhost1.txt'), 'utf8'),
  '2026-01-01T00:00:00.000Z',
);
const codes = (ws: { code: string }[]) => ws.map((w) => w.code);

describe('hostWarnings on labhost1 as captured', () => {
  const ws = hostWarnings(lab, HostMarks.parse({}));

  it('warns about the macvtap on eth1 and maas having no DHCP, nothing else', () => {
    expect(codes(ws)).toEqual(['macvtap-host-isolation', 'fallback-network-no-dhcp']);
  });

  it('says plainly that host and VM cannot reach each other, naming VM, NIC, parent and mode', () => {
    const w = ws.find((x) => x.code === 'macvtap-host-isolation')!;
    expect(w.severity).toBe('warning');
    expect(w.subject).toEqual({ kind: 'domain', name: 'lab-shutoff' });
    expect(w.related).toEqual([{ kind: 'interface', name: 'eth1' }]);
    expect(w.message).toContain("lab-shutoff's NIC 52:54:00:1a:b0:03 is a macvtap on eth1");
    expect(w.message).toContain('vepa mode');
    expect(w.message).toMatch(/this host and lab-shutoff cannot reach each other/);
    expect(w.message).toMatch(/switch port reflects/);
  });

  it('finds warnings by what they concern, and ranks them', () => {
    expect(codes(warningsAbout(ws, { kind: 'interface', name: 'eth1' }))).toEqual(['macvtap-host-isolation']);
    expect(codes(warningsAbout(ws, { kind: 'network', name: 'maas' }))).toEqual(['fallback-network-no-dhcp']);
    expect(warningsAbout(ws, { kind: 'domain', name: 'lab-running' })).toEqual([]);
    // maas's note names virbr1 as related, but a note about something else is not flagged on it.
    expect(codes(warningsAbout(ws, { kind: 'interface', name: 'virbr1' }))).toEqual(['fallback-network-no-dhcp']);
    expect(warningsToFlag(ws, { kind: 'interface', name: 'virbr1' })).toEqual([]);
    expect(codes(warningsToFlag(ws, { kind: 'interface', name: 'eth1' }))).toEqual(['macvtap-host-isolation']);
    expect(worstSeverity(ws)).toBe('warning');
    expect(worstSeverity([])).toBeNull();
  });

  it('is empty for a host without libvirt', () => {
    expect(hostWarnings({ ...lab, kind: 'machine', libvirt: null })).toEqual([]);
    expect(
      hostWarnings({
        ...lab,
        libvirt: { ...lab.libvirt!, error: { message: 'denied' }, networks: [], domains: [], pools: [] },
      }),
    ).toEqual([]);
  });

  it('puts errors first', () => {
    const s = variant(lab, (x) => {
      iface(x, 'eth1').flags = ['BROADCAST', 'MULTICAST'];
      x.libvirt.domains.find((d) => d.name === 'lab-shutoff')!.state = 'running';
    });
    const sev = hostWarnings(s).map((w) => w.severity);
    expect(sev).toEqual(
      [...sev].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)),
    );
    expect(sev[0]).toBe('error');
  });
});

describe('macvtap host isolation', () => {
  it('also covers NICs on a network in a macvtap forward mode', () => {
    const s = variant(lab, (x) => {
      x.libvirt.networks.push({
        ...network(x, 'maas'),
        name: 'vepa-net',
        forwardMode: 'vepa',
        bridge: undefined,
        forwardDevs: ['eth1'],
        ips: [],
      });
      x.libvirt.domains.push(vm('on-pool', 'shut off', [nic('network', 'vepa-net', { mac: '52:54:00:00:00:09' })]));
    });
    const w = hostWarnings(s).find((x) => x.code === 'macvtap-host-isolation' && x.subject.name === 'on-pool')!;
    expect(w.message).toContain('macvtap on eth1 (through network vepa-net), vepa mode');
    expect(w.related).toContainEqual({ kind: 'network', name: 'vepa-net' });
  });

  it('treats a direct NIC without a mode as vepa, libvirt’s default', () => {
    const s = variant(lab, (x) => {
      x.libvirt.domains[1]!.nics[0]!.mode = undefined;
    });
    expect(hostWarnings(s)[0]!.message).toContain('vepa mode');
  });
});

describe('passthrough parent shared', () => {
  it('is an error when two VMs use the passthrough parent, naming both', () => {
    const s = variant(lab, (x) => {
      x.libvirt.domains[1]!.nics[0]!.mode = 'passthrough';
      x.libvirt.domains.push(vm('lab-two', 'shut off', [nic('direct', 'eth1', { mode: 'bridge' })]));
    });
    const w = hostWarnings(s).find((x) => x.code === 'passthrough-parent-shared')!;
    expect(w.severity).toBe('error');
    expect(w.subject).toEqual({ kind: 'interface', name: 'eth1' });
    expect(w.message).toBe(
      'eth1 is given to lab-shutoff in passthrough mode, and lab-two also uses it. Passthrough needs the NIC to itself, so only one of lab-shutoff and lab-two can run at a time; the others fail to start.',
    );
  });

  it('reads MAAS’s “passthru” spelling, and stays quiet for one VM alone', () => {
    const one = variant(lab, (x) => {
      x.libvirt.domains[1]!.nics[0]!.mode = 'passthru';
    });
    expect(codes(hostWarnings(one))).not.toContain('passthrough-parent-shared');
    const two = variant(one, (x) => {
      x.libvirt.domains.push(vm('lab-two', 'shut off', [nic('direct', 'eth1', { mode: 'passthru' })]));
    });
    expect(hostWarnings(two).find((w) => w.code === 'passthrough-parent-shared')?.message).toContain(
      'both lab-shutoff and lab-two in passthrough mode',
    );
  });
});

describe('libvirt DHCP where external DHCP is marked', () => {
  it('fires for a mark on the network’s bridge', () => {
    const ws = hostWarnings(lab, HostMarks.parse({ interfaces: { virbr0: { externalDhcp: true } } }));
    const w = ws.find((x) => x.code === 'dhcp-double')!;
    expect(w.subject).toEqual({ kind: 'network', name: 'default' });
    expect(w.message).toContain('you marked virbr0 as served by an external DHCP server');
  });

  it('fires for a mark on the network’s subnet, written any way', () => {
    const ws = hostWarnings(lab, HostMarks.parse({ subnets: { '192.168.122.7/24': { externalDhcp: true } } }));
    expect(ws.find((x) => x.code === 'dhcp-double')?.message).toContain('subnet 192.168.122.0/24');
  });

  it('does not fire where libvirt runs no DHCP; the mark there answers “no DHCP” instead', () => {
    const marks = HostMarks.parse({ interfaces: { virbr1: { externalDhcp: true } } });
    expect(codes(hostWarnings(lab, marks))).toEqual(['macvtap-host-isolation']);
  });

  it('ignores a mark that says there is no external DHCP', () => {
    expect(
      codes(hostWarnings(lab, HostMarks.parse({ interfaces: { virbr0: { externalDhcp: false, space: 'x' } } }))),
    ).not.toContain('dhcp-double');
  });
});

describe('no maas and no default network', () => {
  it('warns about the host when neither exists', () => {
    const s = variant(lab, (x) => {
      x.libvirt.networks = x.libvirt.networks.map((n) => ({ ...n, name: `${n.name}-x` }));
    });
    const w = hostWarnings(s).find((x) => x.code === 'no-fallback-network')!;
    expect(w.subject).toEqual({ kind: 'host', name: 'labhost1' });
    expect(w.message).toMatch(/no libvirt network named maas or default/);
  });

  it('falls back to default when maas is missing, and judges default instead', () => {
    const s = variant(lab, (x) => {
      x.libvirt.networks = x.libvirt.networks.filter((n) => n.name !== 'maas');
    });
    // default has libvirt DHCP, so no DHCP remark either.
    expect(codes(hostWarnings(s)).filter((c) => c.startsWith('fallback') || c === 'no-fallback-network')).toEqual([]);
  });

  it('says when the network it would use is stopped', () => {
    const s = variant(lab, (x) => {
      network(x, 'maas').active = false;
    });
    const w = hostWarnings(s).find((x) => x.code === 'fallback-network-inactive')!;
    expect(w.subject).toEqual({ kind: 'network', name: 'maas' });
    expect(w.message).toMatch(/consider turning on autostart/);
  });
});

describe('bridge without uplink', () => {
  it('fires for a host bridge with only VM taps, not for libvirt’s NAT bridges', () => {
    const s = variant(lab, (x) => {
      iface(x, 'br0').ports = ['vnet1'];
      iface(x, 'eth2').master = undefined;
    });
    const ws = hostWarnings(s).filter((w) => w.code === 'bridge-without-uplink');
    expect(ws.map((w) => w.subject.name)).toEqual(['br0']);
    expect(ws[0]!.message).toContain('only VM taps (vnet1)');
  });

  it('fires for an empty bridge that a bridge-mode network points at', () => {
    const s = variant(lab, (x) => {
      iface(x, 'br0').ports = [];
      x.libvirt.networks.push({
        ...network(x, 'maas'),
        name: 'host-br0',
        forwardMode: 'bridge',
        bridge: 'br0',
        ips: [],
      });
    });
    expect(hostWarnings(s).find((w) => w.code === 'bridge-without-uplink')?.message).toContain('no ports at all');
  });
});

describe('down but used by a running VM', () => {
  it('fires for a macvtap parent without carrier once the VM runs, not while it is off', () => {
    const down = variant(lab, (x) => {
      iface(x, 'eth1').flags = ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'];
      iface(x, 'eth1').state = 'DOWN';
    });
    expect(codes(hostWarnings(down))).not.toContain('down-but-used');
    const running = variant(down, (x) => {
      x.libvirt.domains[1]!.state = 'running';
    });
    const w = hostWarnings(running).find((x) => x.code === 'down-but-used' && x.subject.name === 'eth1')!;
    expect(w.severity).toBe('error');
    expect(w.message).toBe(
      'eth1 has no carrier (its cable, peer or lower device is down), but lab-shutoff is running with NIC 52:54:00:1a:b0:03 on it: that NIC has no link.',
    );
  });

  it('stays quiet for a bridge whose new VM port is still in STP learning (no carrier for ~2 s)', () => {
    // As captured on labhost1 a second after `virsh start lab-shutoff`: virbr1 NO-CARRIER, vnet26 up.
    const s = variant(lab, (x) => {
      x.libvirt.domains[1]!.state = 'running';
      x.libvirt.domains[1]!.nics[1]!.target = 'vnet26';
      iface(x, 'virbr1').ports = ['vnet26'];
      x.interfaces.push({ ...iface(x, 'vnet0'), name: 'vnet26', ifindex: 99, master: 'virbr1' });
    });
    expect(codes(hostWarnings(s))).not.toContain('down-but-used');
    // Without a live port it is really down.
    const dead = variant(s, (x) => {
      iface(x, 'vnet26').flags = ['BROADCAST', 'MULTICAST', 'UP'];
    });
    expect(hostWarnings(dead).find((w) => w.code === 'down-but-used')?.subject).toEqual({
      kind: 'interface',
      name: 'virbr1',
    });
  });

  it('fires for a stopped network under a running VM', () => {
    const s = variant(lab, (x) => {
      network(x, 'default').active = false;
    });
    const w = hostWarnings(s).find((x) => x.code === 'down-but-used')!;
    expect(w.subject).toEqual({ kind: 'network', name: 'default' });
    expect(w.related).toEqual([{ kind: 'domain', name: 'lab-running' }]);
  });

  it('fires for a bridge set administratively down', () => {
    const s = variant(lab, (x) => {
      iface(x, 'br0').flags = ['BROADCAST', 'MULTICAST'];
    });
    expect(hostWarnings(s).find((x) => x.code === 'down-but-used')?.message).toMatch(
      /^br0 is administratively down \(ip link set br0 up\), but lab-running/,
    );
  });
});

describe('NIC source missing', () => {
  it('says the VM will not start when its bridge or network is gone', () => {
    const s = variant(lab, (x) => {
      x.libvirt.domains.push(
        vm('orphan', 'shut off', [nic('bridge', 'br9', { mac: '52:54:00:00:00:99' }), nic('network', 'nowhere')]),
      );
    });
    const ws = hostWarnings(s).filter((w) => w.code === 'nic-source-missing');
    expect(ws.map((w) => w.message)).toEqual([
      "orphan's NIC 52:54:00:00:00:99 attaches to br9, which this host does not have: orphan will fail to start until it exists or the NIC is changed.",
      "orphan's NIC 2 attaches to network nowhere, which does not exist on this host: orphan will fail to start until it exists or the NIC is changed.",
    ]);
  });
});

describe('a host with 30 VMs', () => {
  it('warns once per macvtap NIC and nothing else new, quickly', async () => {
    const { withThirtyVms } = await import('./thirty-vms.test-util');
    const s = withThirtyVms(lab);
    const started = performance.now();
    const ws = hostWarnings(s);
    expect(performance.now() - started).toBeLessThan(200);
    const macvtapNics = s.libvirt!.domains.flatMap((d) => d.nics).filter((n) => n.type === 'direct').length;
    expect(ws.filter((w) => w.code === 'macvtap-host-isolation')).toHaveLength(macvtapNics);
    expect(new Set(codes(ws))).toEqual(new Set(['macvtap-host-isolation', 'fallback-network-no-dhcp']));
  });
});
