import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostInput, qemuHost, startCore, type TestCore } from './harness';

let c: TestCore;
let id: string;
const h = qemuHost();

beforeAll(async () => {
  c = await startCore();
  id = (await c.hosts.add(hostInput(h))).id;
});
afterAll(async () => {
  const host = c.hosts.configs()[0]!;
  await c.runner.exec(host, ['virsh', '-c', host.libvirtUri, 'destroy', 'lab-shutoff']);
  await c.cleanup();
});

const domstate = async (name: string) => {
  const host = c.hosts.configs()[0]!;
  return (await c.runner.virsh(host, ['domstate', name])).trim();
};

describe('VM and network actions against the lab', () => {
  it('starts and force-stops a VM, and the snapshot follows', async () => {
    const started = await c.actions.domain(id, 'lab-shutoff', 'start', false);
    expect(started.commands).toEqual(['virsh --connect qemu:///system start --domain lab-shutoff']);
    expect(await domstate('lab-shutoff')).toBe('running');
    expect(started.snapshot?.libvirt?.domains.find((d) => d.name === 'lab-shutoff')?.state).toBe('running');
    // Running, the macvtap NIC exists on the host as macvtapN@eth1 in vepa mode.
    const macvtap = started.snapshot?.interfaces.find((i) => i.kind === 'macvtap');
    expect(macvtap).toMatchObject({ macvlan: { mode: 'vepa' } });
    const stopped = await c.actions.domain(id, 'lab-shutoff', 'destroy', false);
    expect(await domstate('lab-shutoff')).toBe('shut off');
    expect(stopped.snapshot?.libvirt?.domains.find((d) => d.name === 'lab-shutoff')?.state).toBe('shut off');
  });

  it('reports a failing action with the command and stderr', async () => {
    await expect(c.actions.domain(id, 'lab-shutoff', 'shutdown', false)).rejects.toMatchObject({
      shape: {
        kind: 'remote',
        command: 'virsh --connect qemu:///system shutdown --domain lab-shutoff',
        stderr: expect.stringMatching(/not running/),
      },
    });
  });

  it('refuses an unknown VM by name', async () => {
    await expect(c.actions.domain(id, 'nope; reboot', 'start', false)).rejects.toMatchObject({
      shape: { kind: 'notFound' },
    });
  });

  it('toggles network autostart', async () => {
    // The lab's maas network does not autostart: turn it on, then back off as it was.
    const on = await c.actions.network(id, 'maas', 'autostart-on');
    expect(on.snapshot?.libvirt?.networks.find((n) => n.name === 'maas')?.autostart).toBe(true);
    const off = await c.actions.network(id, 'maas', 'autostart-off');
    expect(off.snapshot?.libvirt?.networks.find((n) => n.name === 'maas')?.autostart).toBe(false);
  });

  it('keeps marks in the inventory', async () => {
    const marks = await c.hosts.setMarks(id, {
      subnets: {},
      interfaces: { br0: { space: 'lab', externalDhcp: true, tags: [], subnets: [] } },
    } as never);
    expect(marks.interfaces.br0?.externalDhcp).toBe(true);
    expect(c.hosts.marks(id).interfaces.br0?.space).toBe('lab');
  });
});
