import { describe, expect, it } from 'vitest';
import type { HostConfig } from '../../../../shared/contract';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import type { ExecResult } from '../ssh/exec-channel';
import { dhcpNicMacs, GuestAddressService, parseLook, type Clock } from './guest-addresses';
import { addressesSettled, mergeAddresses } from './merge';

const HEADER =
  ' Name       MAC address          Protocol     Address\n-------------------------------------------------------------------------------\n';
const IFLIST =
  ' Interface   Type      Source    Model    MAC\n-------------------------------------------------------------\n vnet0       network   default   virtio   52:54:00:1a:b0:01\n vnet1       bridge    br0       virtio   52:54:00:1a:b0:02\n';
const NO_AGENT =
  'error: Failed to query for interfaces addresses\nerror: argument unsupported: QEMU guest agent is not configured\n';
const ARP_BROKEN = 'error: Failed to query for interfaces addresses\nerror: internal error: wrong nlmsg len\n';
const NOT_RUNNING =
  'error: Failed to query for interfaces addresses\nerror: Requested operation is not valid: domain is not running\n';
const PROC_ARP =
  'IP address       HW type     Flags       HW address            Mask     Device\n10.99.1.1        0x1         0x2         12:fc:bc:91:73:3a     *        eth0\n';

function output(
  nonce: string,
  o: { state?: string; lease?: string; arp?: string; agent?: string; neigh?: string },
): string {
  const M = `@@@lga:${nonce}`;
  return [
    `${M} begin`,
    `${M} state`,
    o.state ?? 'running',
    '',
    `${M} iflist`,
    IFLIST,
    `${M} lease`,
    o.lease ?? HEADER,
    `${M} arp`,
    o.arp ?? ARP_BROKEN,
    `${M} agent`,
    o.agent ?? NO_AGENT,
    `${M} neigh`,
    o.neigh ?? PROC_ARP,
    `${M} end`,
    '',
  ].join('\n');
}

describe('parseLook', () => {
  it('reads a running VM without any address (the lab today)', () => {
    const look = parseLook(output('n1', {}), 'n1');
    expect(look.state).toBe('running');
    expect(look.addresses).toEqual([]);
    expect(look.tried).toEqual([
      { origin: 'lease', ok: true, note: 'no address' },
      { origin: 'arp', ok: true, note: 'no address from /proc/net/arp (libvirt: internal error: wrong nlmsg len)' },
      { origin: 'agent', ok: false, note: 'argument unsupported: QEMU guest agent is not configured' },
    ]);
  });

  it('falls back to /proc/net/arp for the VM’s own MACs only', () => {
    const neigh = `${PROC_ARP}10.99.1.77       0x1         0x2         52:54:00:1a:b0:02     *        br0\n`;
    const look = parseLook(output('n2', { neigh }), 'n2');
    expect(look.addresses).toEqual([
      { mac: '52:54:00:1a:b0:02', ifname: 'vnet1', family: 'ipv4', address: '10.99.1.77', origin: 'arp' },
    ]);
  });

  it('reads a shut-off VM: every source says not running', () => {
    const look = parseLook(
      output('n3', { state: 'shut off', lease: NOT_RUNNING, arp: NOT_RUNNING, agent: NOT_RUNNING }),
      'n3',
    );
    expect(look.state).toBe('shut off');
    expect(look.tried.map((t) => [t.origin, t.ok, t.note])).toEqual([
      ['lease', false, 'the VM is not running'],
      ['arp', false, 'the VM is not running'],
      ['agent', false, 'the VM is not running'],
    ]);
  });

  it('notices a domain that is gone, and output that was cut short', () => {
    expect(
      parseLook(output('n4', { state: "error: failed to get domain '6c616264-6563-6b00-0001-000000000009'" }), 'n4')
        .missing,
    ).toBe(true);
    expect(() => parseLook('@@@lga:n5 begin\n', 'n5')).toThrow(/cut short/);
  });
});

describe('mergeAddresses', () => {
  const mac1 = '52:54:00:1a:b0:01';
  const mac2 = '52:54:00:1a:b0:02';
  it('prefers agent over lease over arp per (MAC, address), keeping a known prefix', () => {
    const merged = mergeAddresses(
      [
        {
          origin: 'arp',
          rows: [
            { mac: mac1, family: 'ipv4', address: '192.168.122.5', prefixLen: 0, ifname: 'vnet0' },
            { mac: mac2, family: 'ipv4', address: '10.0.0.9', prefixLen: 0 },
          ],
        },
        {
          origin: 'lease',
          rows: [{ mac: mac1, family: 'ipv4', address: '192.168.122.5', prefixLen: 24, ifname: 'vnet0' }],
        },
        {
          origin: 'agent',
          rows: [
            { mac: '00:00:00:00:00:00', family: 'ipv4', address: '127.0.0.1', prefixLen: 8, ifname: 'lo' },
            { mac: mac1, family: 'ipv6', address: 'fe80::1', prefixLen: 64, ifname: 'eth0' },
            { mac: mac1, family: 'ipv6', address: 'fd00::5', prefixLen: 64, ifname: 'eth0' },
            { mac: mac1, family: 'ipv4', address: '192.168.122.5', ifname: 'eth0' },
          ],
        },
      ],
      [mac1, mac2],
    );
    expect(merged).toEqual([
      { mac: mac1, family: 'ipv4', address: '192.168.122.5', prefixLen: 24, ifname: 'eth0', origin: 'agent' },
      { mac: mac1, family: 'ipv6', address: 'fd00::5', prefixLen: 64, ifname: 'eth0', origin: 'agent' },
      { mac: mac2, family: 'ipv4', address: '10.0.0.9', origin: 'arp' },
    ]);
  });

  it('settles on IPv4 for every DHCP NIC and at least one overall', () => {
    const a = (mac: string, address: string, family: 'ipv4' | 'ipv6' = 'ipv4') => ({
      mac,
      address,
      family,
      origin: 'lease' as const,
    });
    expect(addressesSettled([], [])).toBe(false);
    expect(addressesSettled([a(mac2, 'fd00::1', 'ipv6')], [])).toBe(false);
    expect(addressesSettled([a(mac2, '10.0.0.9')], [])).toBe(true);
    expect(addressesSettled([a(mac2, '10.0.0.9')], [mac1])).toBe(false);
    expect(addressesSettled([a(mac2, '10.0.0.9'), a(mac1, '192.168.122.5')], [mac1])).toBe(true);
  });

  it('knows which NICs sit on a network with IPv4 DHCP', () => {
    const snapshot = {
      libvirt: {
        networks: [
          {
            name: 'default',
            active: true,
            ips: [{ family: 'ipv4', dhcp: { ranges: [{ start: 'a', end: 'b' }], hosts: [] } }],
          },
          { name: 'maas', active: true, ips: [{ family: 'ipv4', dhcp: null }] },
        ],
      },
    } as unknown as HostSnapshot;
    const nics = [
      { type: 'network', source: 'default', mac: mac1 },
      { type: 'network', source: 'maas', mac: '52:54:00:00:00:03' },
      { type: 'bridge', source: 'br0', mac: mac2 },
    ];
    expect(dhcpNicMacs(nics, snapshot)).toEqual([mac1]);
  });
});

describe('GuestAddressService waiting', () => {
  const host = { id: 'h1', name: 'labhost1', libvirtUri: 'qemu:///system' } as HostConfig;
  const uuid = '6c616264-6563-6b00-0001-000000000001';
  const snapshot = {
    kind: 'pod',
    libvirt: { networks: [], domains: [{ name: 'vm1', uuid }] },
  } as unknown as HostSnapshot;

  /** A fake clock: sleeping advances time at once. Only the service's loop is under test here. */
  function setup(
    answers: (n: number) => { state?: string; lease?: string; neigh?: string },
    o: { execMs?: number } = {},
  ) {
    let t = 0;
    const execs: { at: number; argv: readonly string[] }[] = [];
    const clock: Clock = {
      now: () => t,
      sleep: async (ms, signal) => {
        if (signal?.aborted) throw new Error('aborted');
        t += ms;
      },
    };
    let running = 0;
    let maxRunning = 0;
    const runner = {
      exec: async (_h: HostConfig, argv: readonly string[]): Promise<ExecResult> => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        execs.push({ at: t, argv });
        t += o.execMs ?? 100;
        await Promise.resolve();
        running--;
        const nonce = argv[argv.length - 1]!;
        return {
          exitCode: 0,
          signal: null,
          stdout: output(nonce, answers(execs.length)),
          stderr: '',
          durationMs: 100,
          outcome: 'ok',
        };
      },
    };
    const svc = new GuestAddressService({
      hosts: { configs: () => [host], latestSnapshot: () => snapshot },
      runner,
      clock,
    });
    return { svc, execs, maxRunning: () => maxRunning };
  }

  it('looks once without waitMs, passing the UUID (never the name) to the script', async () => {
    const { svc, execs } = setup(() => ({}));
    const r = await svc.read('h1', 'vm1');
    expect(r).toMatchObject({ domain: 'vm1', state: 'running', addresses: [], timedOut: false });
    expect(execs).toHaveLength(1);
    expect(execs[0]!.argv.slice(0, 5)).toEqual(['sh', '-s', '--', 'qemu:///system', uuid]);
  });

  it('polls about once a second, one look at a time, until the time is up', async () => {
    const { svc, execs, maxRunning } = setup(() => ({}));
    const r = await svc.read('h1', 'vm1', { waitMs: 5000 });
    expect(r.timedOut).toBe(true);
    expect(r.waitedMs).toBeGreaterThanOrEqual(5000);
    expect(execs.length).toBeGreaterThanOrEqual(5);
    expect(execs.length).toBeLessThanOrEqual(6);
    expect(maxRunning()).toBe(1);
    // A second between looks (the last pause is cut to end at the deadline, for one last look).
    for (let i = 1; i < execs.length - 1; i++) expect(execs[i]!.at - execs[i - 1]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('stops as soon as an address arrives', async () => {
    const lease = `${HEADER} vnet1      52:54:00:1a:b0:02    ipv4         10.99.1.50/24\n`;
    const { svc, execs } = setup((n) => (n >= 3 ? { lease } : {}));
    const r = await svc.read('h1', 'vm1', { waitMs: 60_000 });
    expect(execs).toHaveLength(3);
    expect(r.timedOut).toBe(false);
    expect(r.addresses).toEqual([
      {
        mac: '52:54:00:1a:b0:02',
        ifname: 'vnet1',
        family: 'ipv4',
        address: '10.99.1.50',
        prefixLen: 24,
        origin: 'lease',
      },
    ]);
  });

  it('does not wait for a shut-off VM', async () => {
    const { svc, execs } = setup(() => ({ state: 'shut off' }));
    const r = await svc.read('h1', 'vm1', { waitMs: 60_000 });
    expect(execs).toHaveLength(1);
    expect(r).toMatchObject({ state: 'shut off', timedOut: false, waitedMs: 100 });
  });

  it('stops when the signal aborts', async () => {
    const { svc } = setup(() => ({}));
    const ac = new AbortController();
    const p = svc.read('h1', 'vm1', { waitMs: 60_000, signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toMatchObject({ shape: { kind: 'cancelled' } });
  });

  it('shares one look between concurrent callers of the same VM', async () => {
    const { svc, execs } = setup(() => ({}));
    await Promise.all([svc.read('h1', 'vm1'), svc.read('h1', 'vm1'), svc.read('h1', 'vm1')]);
    expect(execs).toHaveLength(1);
  });
});
