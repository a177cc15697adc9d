import { describe, expect, it } from 'vitest';
import { parseInterfaceConstraints } from '../constraints/parse';
import { HostMarks, type HostMarksInput } from '../marks';
import { addr, domain, iface, labSnapshot, network } from './fixtures.test-util';
import { planAttachments } from './plan';
import type { PlanInput, PlannerSnapshot } from './types';

function constraints(text: string) {
  const r = parseInterfaceConstraints(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function plan(text: string | null, extra: Partial<PlanInput> & { marksInput?: HostMarksInput } = {}) {
  const { marksInput, ...rest } = extra;
  return planAttachments({
    snapshot: labSnapshot(),
    constraints: text === null ? null : constraints(text),
    installMode: 'manual',
    marks: HostMarks.parse(marksInput ?? {}),
    ...rest,
  });
}

function planned(text: string | null, extra: Parameters<typeof plan>[1] = {}) {
  const r = plan(text, extra);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function failed(text: string | null, extra: Parameters<typeof plan>[1] = {}) {
  const r = plan(text, extra);
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

describe('planAttachments — with constraints', () => {
  it('plugs a NIC into a named bridge', () => {
    const p = planned('0:name=br0');
    expect(p.nics).toHaveLength(1);
    expect(p.nics[0]).toMatchObject({
      label: '0',
      ifname: 'eth0',
      attach: { type: 'bridge', source: 'br0' },
      hostInterface: 'br0',
    });
    expect(p.nics[0]?.why.rule).toMatch(/bridge, else a bond, else any other/);
    expect(p.nics[0]?.why.candidates[0]).toMatchObject({ name: 'br0', outcome: 'chosen' });
  });

  it('attaches to the libvirt network whose bridge matched', () => {
    const p = planned('0:name=virbr0');
    expect(p.nics[0]?.attach).toEqual({ type: 'network', network: 'default' });
    expect(p.nics[0]?.why.summary).toMatch(/bridge of libvirt network 'default'/);
    expect(p.nics[0]?.dhcp).toMatchObject({ available: true, source: 'libvirt' });
  });

  it('prefers a bridge over a physical interface and says why the other lost', () => {
    const p = planned('0:space=lan', {
      marksInput: { interfaces: { eth1: { space: 'lan' } }, subnets: { '192.168.50.0/24': { space: 'lan' } } },
    });
    const nic = p.nics[0];
    expect(nic?.attach).toEqual({ type: 'bridge', source: 'br0' });
    const eth1 = nic?.why.candidates.find((c) => c.name === 'eth1');
    expect(eth1).toMatchObject({ outcome: 'lost' });
    expect(eth1?.reason).toBe('eth1 matches too, but br0 is a bridge, which is preferred over a physical interface.');
    const eth0 = nic?.why.candidates.find((c) => c.name === 'eth0');
    expect(eth0?.outcome).toBe('no-match');
    expect(eth0?.reason).toMatch(/^eth0 does not match: wanted space=lan but eth0 has no space \(mark it\)\.$/);
    expect(nic?.why.candidates.find((c) => c.name === 'lo')?.outcome).toBe('unusable');
    expect(nic?.why.candidates.find((c) => c.name === 'eth2')?.reason).toMatch(/port of bridge br0/);
  });

  it('prefers a bond over a physical interface', () => {
    const p = planned('0:fabric=f1', {
      marksInput: { interfaces: { eth1: { fabric: 'f1' }, bond0: { fabric: 'f1' } } },
    });
    expect(p.nics[0]?.attach).toEqual({ type: 'direct', dev: 'bond0', mode: 'bridge' });
  });

  it('among equals keeps the host’s order, and says so', () => {
    const p = planned('0:type=bridge,not_name=br0');
    expect(p.nics[0]?.hostInterface).toBe('virbr0');
    expect(p.nics[0]?.why.candidates.find((c) => c.name === 'virbr1')?.reason).toMatch(
      /comes earlier in the host's interface list/,
    );
    expect(p.nics[0]?.why.candidates.find((c) => c.name === 'br0')?.reason).toMatch(/name br0 is excluded/);
  });

  it('uses macvtap for a non-bridge with the pod default, per-NIC override, and libvirt spelling', () => {
    expect(planned('0:name=eth1').nics[0]?.attach).toEqual({ type: 'direct', dev: 'eth1', mode: 'bridge' });
    expect(planned('0:name=eth1', { macvlanMode: 'private' }).nics[0]?.attach).toMatchObject({ mode: 'private' });
    const p = planned('0:name=eth1', { macvlanMode: 'private', perNicModes: { '0': 'passthru' as never } });
    expect(p.nics[0]?.attach).toMatchObject({ mode: 'passthrough' });
    expect(JSON.stringify(p)).not.toMatch(/passthru"/);
  });

  it('warns that the host cannot reach macvtap guests, and about vepa', () => {
    const p = planned('0:name=eth1', { macvlanMode: 'vepa' });
    expect(p.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['macvtap-host-isolation', 'vepa-needs-switch']),
    );
    expect(p.warnings.find((w) => w.code === 'macvtap-host-isolation')?.message).toMatch(/cannot reach a guest/);
  });

  it('fails with a message a person can act on', () => {
    const e = failed('eth0:name=br9');
    expect(e.label).toBe('eth0');
    expect(e.message).toBe(
      'No interface matches eth0: name=br9 — the host has bridges br0, virbr0, virbr1 and other usable interfaces eth0, eth1, bond0.',
    );
    expect(e.details).toContain('lo is the loopback interface; guests never attach to it.');
  });

  it('says which key nothing satisfies when there are several', () => {
    const e = failed('0:type=bridge,space=dmz');
    expect(e.message).toMatch(/no usable interface satisfies space=dmz/);
    const e2 = failed('0:name=eth1,type=bridge');
    expect(e2.message).toMatch(/each constraint is met by some interface, but no single interface meets them all/);
  });

  it('never uses a bridge port, loopback, tap or macvtap — and explains', () => {
    expect(failed('0:name=eth2').message).toMatch(
      /eth2 would match but cannot be used: eth2 is a port of bridge br0; a macvtap cannot sit on a bridge port, so use br0\./,
    );
    expect(failed('0:type=tap').message).toMatch(/vnet0 would match but cannot be used: vnet0 is a tap device/);
    expect(failed('0:type=loopback').message).toMatch(/lo would match but cannot be used/);
    expect(failed('0:name=eth3').message).toMatch(/member of bond bond0; use bond0/);
  });

  it('plans one NIC per label, in order, with MAAS interface names', () => {
    const p = planned('mgmt:name=br0;1:name=eth1;storage-network-1:name=virbr1');
    expect(p.nics.map((n) => [n.label, n.ifname, n.hostInterface])).toEqual([
      ['mgmt', 'mgmt', 'br0'],
      ['1', 'eth1', 'eth1'],
      ['storage-network-1', expect.stringMatching(/^eth-[0-9a-f]{5}-ork-1$/), 'virbr1'],
    ]);
  });

  it('matches vid from marks, VLAN interfaces and "untagged"', () => {
    const snap = labSnapshot();
    snap.interfaces.push(iface('eth1.20', 'vlan', { vlan: { id: 20, parent: 'eth1' }, parent: 'eth1' }));
    const p = planAttachments({ snapshot: snap, constraints: constraints('0:vid=20'), installMode: 'manual' });
    expect(p.ok && p.value.nics[0]?.attach).toEqual({ type: 'direct', dev: 'eth1.20', mode: 'bridge' });
    const q = planned('0:vid=7', { marksInput: { interfaces: { br0: { vid: 7 } } } });
    expect(q.nics[0]?.hostInterface).toBe('br0');
    const u = planned('0:vid=untagged,type=bridge');
    expect(u.nics[0]?.hostInterface).toBe('br0');
  });

  it('matches subnet_cidr, subnet by address or name, tags (&&) and link speed', () => {
    expect(planned('0:subnet_cidr=192.168.122.0/24').nics[0]?.attach).toEqual({ type: 'network', network: 'default' });
    expect(planned('0:subnet=10.99.50.77').nics[0]?.attach).toEqual({ type: 'network', network: 'maas' });
    expect(
      planned('0:subnet=lab', { marksInput: { subnets: { '192.168.50.0/24': { name: 'lab' } } } }).nics[0]
        ?.hostInterface,
    ).toBe('br0');
    const marksInput = {
      interfaces: {
        eth1: { tags: ['sriov', 'e1000'], linkSpeedMbps: 10000 },
        bond0: { tags: ['sriov'], linkSpeedMbps: 1000 },
      },
    };
    expect(planned('0:tag=sriov&&e1000', { marksInput }).nics[0]?.hostInterface).toBe('eth1');
    expect(planned('0:tag=sriov', { marksInput }).nics[0]?.hostInterface).toBe('bond0');
    expect(planned('0:link_speed=5000', { marksInput }).nics[0]?.hostInterface).toBe('eth1');
    expect(failed('0:link_speed=5000').details.join('\n')).toMatch(/link speed is unknown \(mark it\)/);
  });

  it('mode=unconfigured picks an interface without host addresses', () => {
    expect(planned('0:mode=unconfigured').nics[0]?.hostInterface).toBe('bond0');
  });

  it('hostname and id', () => {
    expect(planned('0:hostname=LABHOST1,name=br0').nics[0]?.hostInterface).toBe('br0');
    expect(failed('0:hostname=other').message).toMatch(/No interface matches 0: hostname=other/);
    const snap = labSnapshot();
    const idx = snap.interfaces.find((i) => i.name === 'eth1')?.ifindex ?? -1;
    const r = planAttachments({ snapshot: snap, constraints: constraints(`0:id=${idx}`), installMode: 'manual' });
    expect(r.ok && r.value.nics[0]?.hostInterface).toBe('eth1');
  });

  it('space=undefined matches interfaces without a space (MAAS’s special value)', () => {
    const p = planned('0:space=undefined,type=bridge', { marksInput: { interfaces: { br0: { space: 'lan' } } } });
    expect(p.nics[0]?.hostInterface).toBe('virbr0');
  });

  it('warns when a per-NIC mode is given for a bridge', () => {
    const p = planned('0:name=br0', { perNicModes: { '0': 'vepa' } });
    expect(p.warnings.find((w) => w.code === 'mode-ignored')?.message).toMatch(/br0 is a bridge/);
  });
});

describe('planAttachments — ip=', () => {
  it('reserves an address on a libvirt network with DHCP', () => {
    const p = planned('0:ip=192.168.122.60');
    expect(p.nics[0]).toMatchObject({
      attach: { type: 'network', network: 'default' },
      requestedIps: ['192.168.122.60'],
      reservation: { network: 'default', ip: '192.168.122.60' },
    });
  });

  it('cannot reserve on a plain bridge, says so', () => {
    const p = planned('0:ip=192.168.50.20');
    expect(p.nics[0]?.reservation).toBeNull();
    expect(p.nics[0]?.requestedIps).toEqual(['192.168.50.20']);
    expect(p.warnings.find((w) => w.code === 'ip-not-reservable')?.message).toMatch(
      /cannot reserve 192\.168\.50\.20 for 0: br0 is not a libvirt network with DHCP/,
    );
  });

  it('refuses the host’s own address, a network address and a duplicate', () => {
    expect(failed('0:ip=192.168.122.1').message).toBe(
      "192.168.122.1 is the host's own address on virbr0 — choose another address for 0.",
    );
    expect(failed('0:ip=192.168.50.255').message).toMatch(/broadcast address of 192\.168\.50\.0\/24/);
    expect(failed('a:ip=192.168.50.20;b:ip=192.168.50.20').message).toMatch(/asked for by both a and b/);
  });

  it('refuses an address already reserved or leased to a VM, naming who holds it (issue 12, #1)', () => {
    expect(failed('0:ip=192.168.122.150').message).toBe(
      "192.168.122.150 is already reserved in network 'default' for 52:54:00:aa:bb:cc — choose another address for eth0, or free it first (delete that VM, or remove the reservation under Networks → Edit network).",
    );
    expect(failed('0:ip=192.168.122.101').message).toMatch(
      /^192\.168\.122\.101 is leased in network 'default' to VM 'lab-running' \(52:54:00:1a:b0:01\)/,
    );
  });

  it("a reservation or lease of this VM's own MAC (a reviewed plan re-planned) is no clash", () => {
    const p = planned('0:ip=192.168.122.150', { ownMacs: ['52:54:00:AA:BB:CC'] });
    expect(p.nics[0]?.reservation).toEqual({ network: 'default', ip: '192.168.122.150' });
  });

  it('a lease of a MAC no VM here has (a deleted VM’s, until it expires) is a warning, not a refusal', () => {
    const snap = labSnapshot();
    snap
      .libvirt!.networks.find((n) => n.name === 'default')!
      .leases.push({ mac: '52:54:00:de:ad:01', family: 'ipv4', ip: '192.168.122.160', expiry: '2030-01-01 00:00:00' });
    const r = planAttachments({
      snapshot: snap,
      constraints: constraints('0:ip=192.168.122.160'),
      installMode: 'manual',
    });
    expect(r.ok && r.value.warnings.find((w) => w.code === 'ip-in-use')?.message).toMatch(
      /leased .* to 52:54:00:de:ad:01, which is no VM on this host/,
    );
  });

  it('an address outside every subnet matches nothing', () => {
    expect(failed('0:ip=172.16.0.5').message).toMatch(/^No interface matches 0: ip=172\.16\.0\.5/);
  });

  it('an L2-only bridge can take ip= through a subnet mark', () => {
    const p = planned('0:ip=10.44.0.9', { marksInput: { interfaces: { bond0: { subnets: ['10.44.0.0/24'] } } } });
    expect(p.nics[0]?.hostInterface).toBe('bond0');
  });

  it('not_ip excludes the interface holding that address (MAAS)', () => {
    const p = planned('0:type=bridge,not_ip=192.168.50.1');
    expect(p.nics[0]?.hostInterface).toBe('virbr0');
  });
});

describe('planAttachments — without constraints', () => {
  it('manual: network maas when it exists, and warns it has no DHCP', () => {
    const p = planned(null);
    expect(p.nics[0]?.attach).toEqual({ type: 'network', network: 'maas' });
    expect(p.nics[0]?.why.rule).toMatch(/'maas' if it exists, else 'default'/);
    expect(p.nics[0]?.why.candidates.map((c) => [c.name, c.outcome])).toEqual([
      ['maas', 'chosen'],
      ['default', 'lost'],
    ]);
    expect(p.warnings.find((w) => w.code === 'no-dhcp')?.message).toMatch(/No DHCP is known/);
  });

  it('manual: default when there is no maas; failure when neither', () => {
    const snap = labSnapshot();
    if (snap.libvirt) snap.libvirt.networks = snap.libvirt.networks.filter((n) => n.name !== 'maas');
    const r = planAttachments({ snapshot: snap, constraints: null, installMode: 'manual' });
    expect(r.ok && r.value.nics[0]?.attach).toEqual({ type: 'network', network: 'default' });
    expect(r.ok && r.value.warnings.some((w) => w.code === 'no-dhcp')).toBe(false);
    if (snap.libvirt) snap.libvirt.networks = [network('lab', { bridge: 'virbr7' })];
    const f = planAttachments({ snapshot: snap, constraints: null, installMode: 'manual' });
    expect(!f.ok && f.error.message).toMatch(
      /^This host has no libvirt network named 'maas' or 'default', and no interface constraints were given\. Define one of those networks, or give constraints such as 0:name=br0 \(the host has bridges br0, virbr0, virbr1 and other usable interfaces eth0, eth1, bond0; its networks are 'lab'\)\.$/,
    );
  });

  it("the pod's default network beats the install-mode rule, when it exists", () => {
    const snap = labSnapshot();
    for (const installMode of ['manual', 'deployed'] as const) {
      const r = planAttachments({ snapshot: snap, constraints: null, installMode, defaultNetwork: 'default' });
      expect(r.ok && r.value.nics[0]?.attach).toEqual({ type: 'network', network: 'default' });
      expect(r.ok && r.value.nics[0]?.why.rule).toMatch(/pod's default network/);
    }
    const missing = planAttachments({
      snapshot: snap,
      constraints: null,
      installMode: 'manual',
      defaultNetwork: 'gone',
    });
    expect(missing.ok && missing.value.nics[0]?.attach).toEqual({ type: 'network', network: 'maas' });
  });

  it('deployed: skips maas without DHCP and takes default (libvirt DHCP)', () => {
    const p = planned(null, { installMode: 'deployed' });
    expect(p.nics[0]?.attach).toEqual({ type: 'network', network: 'default' });
    const cands = p.nics[0]?.why.candidates ?? [];
    expect(cands[0]).toMatchObject({ name: 'default', outcome: 'chosen' });
    expect(cands.find((c) => c.name === 'maas')).toMatchObject({ outcome: 'no-match' });
    expect(cands.find((c) => c.name === 'maas')?.reason).toMatch(/skipped: no DHCP known on virbr1/);
  });

  it('deployed: a mark of external DHCP on maas’s bridge makes maas win', () => {
    const p = planned(null, {
      installMode: 'deployed',
      marksInput: { subnets: { '10.99.50.0/24': { externalDhcp: true } } },
    });
    expect(p.nics[0]?.attach).toEqual({ type: 'network', network: 'maas' });
    expect(p.nics[0]?.dhcp).toMatchObject({ source: 'mark' });
    expect(p.nics[0]?.why.candidates.find((c) => c.name === 'default')?.reason).toMatch(
      /comes first \(maas, then default/,
    );
  });

  it('deployed: then the first bridge on DHCP, then macvtap on DHCP, else a clear failure', () => {
    const snap: PlannerSnapshot = { ...labSnapshot(), libvirt: { networks: [], domains: [] } };
    const marks = HostMarks.parse({ interfaces: { br0: { externalDhcp: true }, eth1: { externalDhcp: true } } });
    const a = planAttachments({ snapshot: snap, marks, constraints: null, installMode: 'deployed' });
    expect(a.ok && a.value.nics[0]?.attach).toEqual({ type: 'bridge', source: 'br0' });
    expect(a.ok && a.value.nics[0]?.why.candidates.find((c) => c.name === 'eth1')?.reason).toMatch(
      /a bridge on DHCP \(br0\) is preferred over macvtap on an interface with DHCP/,
    );
    const marks2 = HostMarks.parse({ interfaces: { eth1: { externalDhcp: true } } });
    const b = planAttachments({
      snapshot: snap,
      marks: marks2,
      constraints: null,
      installMode: 'deployed',
      macvlanMode: 'vepa',
    });
    expect(b.ok && b.value.nics[0]?.attach).toEqual({ type: 'direct', dev: 'eth1', mode: 'vepa' });
    const c = planAttachments({ snapshot: snap, constraints: null, installMode: 'deployed' });
    expect(!c.ok && c.error.message).toMatch(/^No place on labhost1 is known to have DHCP/);
    expect(!c.ok && c.error.details.length).toBeGreaterThan(3);
  });

  it('works on a host without libvirt data', () => {
    const snap: PlannerSnapshot = { ...labSnapshot(), libvirt: null };
    const r = planAttachments({ snapshot: snap, constraints: null, installMode: 'manual' });
    expect(r.ok).toBe(false);
  });
});

describe('planAttachments — DHCP rule for constraints', () => {
  it('deployed host: fails when no chosen interface has DHCP (as MAAS)', () => {
    const e = failed('0:name=br0', { installMode: 'deployed' });
    expect(e.message).toMatch(/None of the chosen interfaces has DHCP/);
    expect(e.details).toEqual(['0: no DHCP known on br0: no mark says an external DHCP server answers there']);
  });
  it('deployed host: one NIC on DHCP is enough', () => {
    expect(planned('0:name=br0;1:name=virbr0', { installMode: 'deployed' }).nics).toHaveLength(2);
  });
  it('hand-installed host: only a warning', () => {
    expect(planned('0:name=br0').warnings.map((w) => w.code)).toContain('no-dhcp');
  });
});

describe('planAttachments — passthrough, link and network state', () => {
  it('refuses passthrough on a NIC a running VM uses, naming it', () => {
    const snap = labSnapshot();
    snap.libvirt?.domains.push(
      domain('other', [
        { type: 'direct', source: 'eth1', mode: 'bridge', mac: '52:54:00:00:00:09', target: 'macvtap0', ips: [] },
      ]),
    );
    snap.interfaces.push(iface('macvtap0', 'macvtap', { macvlan: { mode: 'bridge', parent: 'eth1' } }));
    const r = planAttachments({
      snapshot: snap,
      constraints: constraints('0:name=eth1'),
      installMode: 'manual',
      perNicModes: { '0': 'passthrough' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe(
        "0 wants eth1 in passthrough mode, which takes the NIC whole, but eth1 is in use by running VM 'other' (bridge): the VM could not start. Choose another NIC or mode, or stop that first.",
      );
    }
  });

  it('only warns when the VM on that NIC is shut off (they collide only when both run)', () => {
    const snap = labSnapshot();
    snap.libvirt?.domains.push({
      ...domain('other', [{ type: 'direct', source: 'eth1', mode: 'bridge', mac: '52:54:00:00:00:09', ips: [] }]),
      state: 'shut off',
    });
    const r = planAttachments({
      snapshot: snap,
      constraints: constraints('0:name=eth1'),
      installMode: 'manual',
      perNicModes: { '0': 'passthrough' },
    });
    const w = r.ok ? r.value.warnings.find((x) => x.code === 'passthrough-parent-in-use') : undefined;
    expect(w?.message).toBe(
      "0 wants eth1 in passthrough mode, which needs the NIC to itself, but eth1 is already used by VM 'other' (bridge). The VM will fail to start while those use it.",
    );
  });

  it('refuses a NIC beside a running passthrough guest', () => {
    const snap = labSnapshot();
    snap.libvirt?.domains.push(
      domain('pt', [
        { type: 'direct', source: 'eth1', mode: 'passthrough', mac: '52:54:00:00:00:0a', target: 'macvtap1', ips: [] },
      ]),
    );
    const r = planAttachments({
      snapshot: snap,
      constraints: constraints('0:name=eth1'),
      installMode: 'manual',
      perNicModes: { '0': 'bridge' },
    });
    expect(r.ok ? '' : r.error.message).toMatch(/eth1 is held in passthrough mode by running VM 'pt'/);
  });

  it('refuses two NICs of this plan on one passthrough parent', () => {
    const r = planAttachments({
      snapshot: labSnapshot(),
      constraints: constraints('a:name=eth1;b:name=eth1,type=physical'),
      installMode: 'manual',
      perNicModes: { a: 'passthrough' },
    });
    expect(r.ok ? '' : r.error.message).toMatch(/^a wants eth1 in passthrough mode.*NIC b of this VM/);
  });

  it('warns about a down interface and an inactive network', () => {
    const snap = labSnapshot();
    const eth1 = snap.interfaces.find((i) => i.name === 'eth1');
    if (eth1) {
      eth1.state = 'DOWN';
      eth1.flags = ['NO-CARRIER', 'UP'];
    }
    const maas = snap.libvirt?.networks.find((n) => n.name === 'maas');
    if (maas) maas.active = false;
    const r = planAttachments({
      snapshot: snap,
      constraints: constraints('0:name=eth1;1:name=virbr1'),
      installMode: 'manual',
    });
    const codes = r.ok ? r.value.warnings.map((w) => w.code) : [];
    expect(codes).toEqual(expect.arrayContaining(['interface-down', 'network-inactive']));
  });

  it('ignores link-local and host-scope addresses when deciding subnets', () => {
    const snap = labSnapshot();
    snap.interfaces.push(iface('eth9', 'physical', { addresses: [{ ...addr('fe80::9/64'), scope: undefined }] }));
    const r = planAttachments({
      snapshot: snap,
      constraints: constraints('0:name=eth9,mode=unconfigured'),
      installMode: 'manual',
    });
    expect(r.ok).toBe(true);
  });
});
