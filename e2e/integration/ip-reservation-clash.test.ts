import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostConfig } from '../../shared/contract';
import { coreWithLabhost, dropDhcpReservations, updateDhcpHost, virshMaybe } from './compose-helpers';
import type { TestCore } from './harness';

/**
 * Issue 12, #1 on labhost1: an address already reserved in libvirt's DHCP for another MAC is refused
 * by the plan — before anything changes — naming who holds it, instead of failing at net-update.
 */
const IP = '192.168.122.243';
const OTHER_MAC = '52:54:00:e2:0c:43';
const HOST_XML = `<host mac='${OTHER_MAC}' ip='${IP}'/>`;

let c: TestCore;
let host: HostConfig;

const removeReservation = () => dropDhcpReservations(c, host, [IP]);

beforeAll(async () => {
  ({ core: c, host } = await coreWithLabhost());
  await removeReservation();
}, 120_000);

afterAll(async () => {
  if (c) {
    await removeReservation();
    await c.cleanup();
  }
});

describe('ip= on an address someone else holds', () => {
  it('is free: the plan reserves it', async () => {
    const plan = await c.compose.plan({
      hostId: host.id,
      hostname: 'it-ipclash',
      storage: 'root:0.05',
      interfaces: `eth0:ip=${IP}`,
    });
    expect(plan.nics[0]?.reservation).toEqual({ network: 'default', ip: IP });
  });

  it('reserved for another MAC: refused by the plan, naming the holder; nothing changed', async () => {
    await updateDhcpHost(c, host, 'add', HOST_XML);
    await c.hosts.refresh(host.id, { interactive: false });
    const err = await c.compose
      .plan({ hostId: host.id, hostname: 'it-ipclash', storage: 'root:0.05', interfaces: `eth0:ip=${IP}` })
      .then(
        () => null,
        (e: Error) => e.message,
      );
    expect(err).toContain(`${IP} is already reserved in network 'default' for ${OTHER_MAC}`);
    expect(await virshMaybe(c, host, 'domuuid', '--domain', 'it-ipclash')).toBeNull();
  });
});
