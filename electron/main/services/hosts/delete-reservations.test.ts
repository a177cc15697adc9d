import { describe, expect, it } from 'vitest';
import { domainActionArgv } from './host-actions';
import { labSnapshot } from '../../../../shared/compose/planner/fixtures.test-util';
import { reservationRemovalArgs, vmReservations } from '../../../../shared/compose/dhcp-reservations';

describe("a deleted VM's DHCP reservations (issue 12, #1)", () => {
  it('finds the <host> entries of its NICs’ MACs in the networks they are on, and removes them after undefine', () => {
    const snap = labSnapshot();
    const def = snap.libvirt!.networks.find((n) => n.name === 'default')!;
    def.ips[0]!.dhcp!.hosts.push({ mac: '52:54:00:1A:B0:01', ip: '192.168.122.50' });
    const vm = snap.libvirt!.domains.find((d) => d.name === 'lab-running')!;
    const rs = vmReservations(vm, snap.libvirt!.networks);
    expect(rs).toEqual([
      {
        network: 'default',
        mac: '52:54:00:1A:B0:01',
        ip: '192.168.122.50',
        active: def.active,
        persistent: def.persistent,
      },
    ]);
    const args = reservationRemovalArgs(rs[0]!)!;
    expect(args.slice(0, 8)).toEqual([
      'net-update',
      '--network',
      'default',
      '--command',
      'delete',
      '--section',
      'ip-dhcp-host',
      '--xml',
    ]);
    expect(args[8]).toMatch(/^<host mac="52:54:00:1a:b0:01" ip="192\.168\.122\.50"\s*\/>$/);

    const steps = domainActionArgv('delete', 'lab-running', true, false, [], [args]);
    expect(steps.map((s) => s[0])).toEqual(['destroy', 'undefine', 'net-update']);
    // Other actions never touch the network.
    expect(domainActionArgv('start', 'lab-running', false, false, [], [args])).toEqual([
      ['start', '--domain', 'lab-running'],
    ]);
  });

  it("another VM's reservation (the fixture's 52:54:00:aa:bb:cc) is not this VM's", () => {
    const snap = labSnapshot();
    const vm = snap.libvirt!.domains.find((d) => d.name === 'lab-running')!;
    expect(vmReservations(vm, snap.libvirt!.networks)).toEqual([]);
  });
});
