import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComposePlan } from '../../shared/contract/compose';
import { parseDomainXml } from '../../shared/snapshot/parse-domain-xml';
import { buildCli, cliInventory, hostInput, qemuHost, runCli, startCore, type TestCore } from './harness';
import { cleanupComposeLeftovers, domainNames, itName, labHostConfig, virsh } from './compose-helpers';

/** The inventory the CLI reads (host added, key remembered), and a second engine to inspect the lab. */
let setup: TestCore;
let inspect: TestCore;

beforeAll(async () => {
  buildCli();
  setup = await cliInventory();
  inspect = await startCore();
  await inspect.hosts.add(hostInput(qemuHost()));
  await cleanupComposeLeftovers(inspect, labHostConfig(inspect), []);
}, 180_000);

afterAll(async () => {
  try {
    if (inspect) {
      await cleanupComposeLeftovers(inspect, labHostConfig(inspect), []);
      expect((await domainNames(inspect, labHostConfig(inspect))).sort()).toEqual(['lab-running', 'lab-shutoff']);
    }
  } finally {
    await inspect?.cleanup();
    await setup?.cleanup();
  }
});

/** `constraints` works offline: it takes no inventory. */
const labdeck = (...args: string[]) => runCli(setup, args, { inventory: args[0] !== 'constraints' });

/** Flags for a cheap lab guest. */
const cheap = ['--memory', '32', '--virt-type', 'qemu', '--no-nic-rom', '--storage', 'root:0.05'];

describe('labdeck constraints parse', () => {
  it('prints labels in the order written, keys and values as written', () => {
    const r = labdeck('constraints', 'parse', '1:name=br0;0:space=lan,space=dmz,not_vid=5');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('{"1": {"name": ["br0"]}, "0": {"space": ["lan", "dmz"], "not_vid": ["5"]}}');
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['0', '1']); // why the CLI writes the JSON itself
  });

  it('prints {} for an empty string', () => {
    expect(labdeck('constraints', 'parse', '').stdout.trim()).toBe('{}');
  });

  it('exits 2 with the position and the reason', () => {
    const r = labdeck('constraints', 'parse', 'eth0:nmae=br0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/position 5: key 'nmae' is not known — did you mean 'name'\?/);
    expect(r.stdout).toBe('');
  });
});

describe('labdeck plan and compose against labhost1', () => {
  it('plan --json prints a valid plan and changes nothing', async () => {
    const host = labHostConfig(inspect);
    const before = await domainNames(inspect, host);
    const name = itName('cli-plan');
    const r = labdeck(
      'plan',
      '--host',
      'labhost1',
      '--hostname',
      name,
      '--interfaces',
      'eth0:name=br0',
      ...cheap,
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = ComposePlan.parse(JSON.parse(r.stdout));
    expect(plan).toMatchObject({ name, virtType: 'qemu', memoryMiB: 32 });
    expect(plan.nics[0]?.attach).toEqual({ type: 'bridge', source: 'br0' });
    expect(await domainNames(inspect, host)).toEqual(before);
  });

  it('plan prints reasons, the XML and the commands', () => {
    const r = labdeck(
      'plan',
      '--host',
      'labhost1',
      '--hostname',
      itName('cli-text'),
      '--interfaces',
      'eth0:name=eth1',
      '--macvlan-mode',
      'vepa',
      ...cheap,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/eth0 \(label eth0\) → macvtap on eth1, mode vepa/);
    expect(r.stdout).toMatch(/rule: /);
    expect(r.stdout).toMatch(/<source dev=.eth1. mode=.vepa.\/>/);
    expect(r.stdout).toMatch(/\$ virsh --connect qemu:\/\/\/system vol-create-as --pool default/);
    expect(r.stdout).toMatch(/undo: virsh --connect qemu:\/\/\/system vol-delete/);
  });

  it('plan with bad grammar exits 2 with the position', () => {
    const r = labdeck('plan', '--host', 'labhost1', '--interfaces', 'eth0:name=br0;eth0:name=eth1', ...cheap);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/interfaces: position 14: label 'eth0' is used twice/);
  });

  it('compose makes the VM, printing each step; the same name again is refused cleanly', async () => {
    const host = labHostConfig(inspect);
    const name = itName('cli');
    const args = [
      'compose',
      '--host',
      'labhost1',
      '--hostname',
      name,
      '--interfaces',
      'eth0:name=eth1',
      '--nic-mode',
      'eth0=private',
      ...cheap,
    ];
    const r = labdeck(...args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[done\] Define VM/);
    expect(r.stdout).toMatch(/\[done\] Read VM .* back/);
    expect(r.stdout).toMatch(/: succeeded$/m);
    const dom = parseDomainXml(await virsh(inspect, host, 'dumpxml', '--domain', name));
    expect(dom?.nics).toMatchObject([{ type: 'direct', source: 'eth1', mode: 'private' }]);

    const again = labdeck(...args);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/already exists/);
    expect(await domainNames(inspect, host)).toContain(name);
  });
});
