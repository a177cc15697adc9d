import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NetworkChange } from '../contract/networks';
import { parseNetworkXml } from '../snapshot/parse-network-xml';
import { parseSnapshotOutput } from '../snapshot/parse-snapshot';
import { nic, variant, vm } from '../warnings/lab-fixture.test-util';
import { planNetworkChange } from './plan';
import { findReservation, reservationUsers } from './reservations';

/** Removing one static DHCP `<host>` from the Networks tab: the argv it runs, its undo, and the checks around it. */
const fixture = readFileSync(path.join(__dirname, '../snapshot/fixtures/labhost1.txt'), 'utf8');
const lab = parseSnapshotOutput(fixture, '2026-01-01T00:00:00.000Z');
const host = { id: 'h1', name: 'labhost1', libvirtUri: 'qemu:///system' };
const defaultXml = (fixture.match(/<network[^>]*>\s*<name>default<\/name>[\s\S]*?<\/network>/)?.[0] ?? '').replace(
  '</dhcp>',
  "  <host mac='52:54:00:AA:00:09' name='db' ip='192.168.122.9'/>\n    </dhcp>",
);
const remove = (entry: { ip: string; mac?: string }) =>
  planNetworkChange({
    host,
    snapshot: lab,
    marks: { interfaces: {}, subnets: {} } as never,
    change: NetworkChange.parse({ op: 'edit', network: 'default', removeHosts: [entry] }),
    currentXml: defaultXml,
  });
const fromNetUpdate = (argv: string[]) => argv.slice(argv.indexOf('net-update'));

describe('removing a DHCP reservation', () => {
  it('one net-update delete of the entry as it is defined, live and persistent, no restart; the undo adds it back', () => {
    const { plan, steps } = remove({ ip: '192.168.122.9', mac: '52:54:00:aa:00:09' });
    expect(plan.problems).toEqual([]);
    expect(plan.restart).toBe(false);
    expect(steps).toHaveLength(1);
    const xml = '<host mac="52:54:00:aa:00:09" name="db" ip="192.168.122.9"/>';
    expect(fromNetUpdate(steps[0]!.argv)).toEqual([
      'net-update',
      '--network',
      'default',
      '--command',
      'delete',
      '--section',
      'ip-dhcp-host',
      '--xml',
      xml,
      '--live',
      '--config',
    ]);
    expect(steps[0]!.argv[0]).toBe('virsh');
    expect(fromNetUpdate(steps[0]!.rollback[0]!.argv)).toEqual([
      'net-update',
      '--network',
      'default',
      '--command',
      'add',
      '--section',
      'ip-dhcp-host',
      '--xml',
      xml,
      '--live',
      '--config',
    ]);
    expect(plan.summary).toMatch(/remove the static entry for 192\.168\.122\.9/);
  });

  it('matched by IP alone when the row has no MAC; an entry that is not there is refused before anything runs', () => {
    expect(remove({ ip: '192.168.122.9' }).steps).toHaveLength(1);
    const missing = remove({ ip: '192.168.122.10' });
    expect(missing.plan.problems[0]).toMatch(/has no static host entry for 192\.168\.122\.10/);
    expect(remove({ ip: '192.168.122.9', mac: '52:54:00:aa:00:0a' }).plan.problems[0]).toMatch(/no static host entry/);
  });

  it('read back: found by IP and MAC (any case) in a parsed definition, gone when it is not there', () => {
    const def = parseNetworkXml(defaultXml)!;
    expect(findReservation(def, { ip: '192.168.122.9', mac: '52:54:00:aa:00:09' })?.name).toBe('db');
    expect(findReservation(def, { ip: '192.168.122.9' })).toBeDefined();
    expect(findReservation(def, { ip: '192.168.122.9', mac: '52:54:00:aa:00:01' })).toBeUndefined();
    expect(
      findReservation(parseNetworkXml(defaultXml.replace(/<host [^>]*\/>/, ''))!, { ip: '192.168.122.9' }),
    ).toBeUndefined();
  });

  it('the confirm dialog names the VMs with that MAC on that network', () => {
    const snap = variant(lab, (s) => {
      s.libvirt.domains.push(vm('db', 'running', [nic('network', 'default', { mac: '52:54:00:AA:00:09' })]));
      s.libvirt.domains.push(vm('elsewhere', 'running', [nic('network', 'maas', { mac: '52:54:00:aa:00:09' })]));
    });
    expect(reservationUsers(snap, 'default', '52:54:00:aa:00:09')).toEqual(['db']);
    expect(reservationUsers(snap, 'default', undefined)).toEqual([]);
  });
});
