import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostConfig } from '../../shared/contract';
import { parseNetworkXml } from '../../shared/snapshot/parse-network-xml';
import { hostInput, qemuHost, startCore, testHosts, type TestCore } from './harness';
import { labHostConfig, virsh, virshMaybe } from './compose-helpers';

/**
 * Removing one DHCP reservation (the Networks tab's "Remove reservation") on labhost1's real
 * libvirt: on a network this suite creates and removes (it-resv-*), so `default` and `maas` stay
 * as other suites expect them. Read-only hosts are refused before anything runs.
 */
const NET = `it-resv-${process.pid.toString(36)}${Math.floor(Math.random() * 1e3).toString(36)}`;
const MAC = '52:54:00:0a:0b:1d';
const IP = '10.231.11.7';

let c: TestCore;
let host: HostConfig;
let testId: string;

beforeAll(async () => {
  c = await startCore();
  await c.hosts.add(hostInput(qemuHost()));
  host = labHostConfig(c);
  testId = (await c.hosts.add(hostInput(testHosts()[0]!))).id;
  await c.networks.apply({
    hostId: host.id,
    change: {
      op: 'create',
      spec: {
        name: NET,
        kind: 'isolated',
        ipv4: '10.231.11.1/24',
        dhcp: { start: '10.231.11.100', end: '10.231.11.150' },
        autostart: false,
        start: true,
      },
    },
  });
});

afterAll(async () => {
  if (!c) return;
  try {
    if (host) {
      await virshMaybe(c, host, 'net-destroy', '--network', NET);
      await virshMaybe(c, host, 'net-undefine', '--network', NET);
    }
  } finally {
    await c.cleanup();
  }
});

const entries = async (inactive: boolean) =>
  parseNetworkXml(
    await virsh(c, host, 'net-dumpxml', '--network', NET, ...(inactive ? ['--inactive'] : [])),
  )?.ips.flatMap((ip) => ip.dhcp?.hosts ?? []);

describe('removing a DHCP reservation', () => {
  it('added, then removed live and from the saved definition with one net-update; shown in the audit log', async () => {
    await c.networks.apply({
      hostId: host.id,
      change: { op: 'edit', network: NET, addHosts: [{ mac: MAC, ip: IP, name: 'fixed' }] },
    });
    expect(await entries(false)).toEqual([{ mac: MAC, name: 'fixed', ip: IP }]);
    expect(await entries(true)).toEqual([{ mac: MAC, name: 'fixed', ip: IP }]);

    const r = await c.networks.removeReservation({ hostId: host.id, network: NET, ip: IP, mac: MAC, name: 'fixed' });
    expect(r.commands).toEqual([
      expect.stringMatching(
        new RegExp(
          `net-update --network ${NET} --command delete --section ip-dhcp-host --xml '<host mac="${MAC}" name="fixed" ip="${IP}"/>' --live --config$`,
        ),
      ),
    ]);
    expect(
      r.snapshot?.libvirt?.networks.find((n) => n.name === NET)?.ips.flatMap((ip) => ip.dhcp?.hosts ?? []),
    ).toEqual([]);
    expect(await entries(false)).toEqual([]);
    expect(await entries(true)).toEqual([]);

    await c.audit.flushed();
    const ran = (await c.audit.list({ hostId: host.id, limit: 200 })).find(
      (e) => e.argv.includes('net-update') && e.argv.includes('delete'),
    );
    expect(ran).toMatchObject({ outcome: 'ok', exitCode: 0 });
    expect(ran?.argv).toContain(NET);
  });

  it('an entry that is not there is refused, nothing run', async () => {
    await c.audit.flushed();
    const before = (await c.audit.list({ hostId: host.id, limit: 5000 })).filter((e) =>
      e.argv.includes('net-update'),
    ).length;
    await expect(
      c.networks.removeReservation({ hostId: host.id, network: NET, ip: IP, mac: MAC }),
    ).rejects.toMatchObject({
      shape: {
        kind: 'validation',
        message: expect.stringMatching(/Nothing was changed.*no static host entry for 10\.231\.11\.7/),
      },
    });
    await c.audit.flushed();
    expect(
      (await c.audit.list({ hostId: host.id, limit: 5000 })).filter((e) => e.argv.includes('net-update')).length,
    ).toBe(before);
  });

  it('a read-only host (libvirt test driver) is refused up front', async () => {
    await expect(
      c.networks.removeReservation({ hostId: testId, network: 'default', ip: '192.168.122.5' }),
    ).rejects.toMatchObject({
      shape: { kind: 'validation', message: expect.stringMatching(/read-only; nothing was changed/) },
    });
  });
});
