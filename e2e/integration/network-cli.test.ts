import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cliInventory, hostInput, qemuHost, runCli, startCore, type TestCore } from './harness';
import { labHostConfig, virsh, virshMaybe } from './compose-helpers';

/** `labdeck network …` against labhost1: plan printed, refused with exit 2, applied, removed. */
const NET = `it-net-cli-${process.pid.toString(36)}`;

let setup: TestCore;
let inspect: TestCore;

beforeAll(async () => {
  buildCli();
  setup = await cliInventory();
  inspect = await startCore();
  await inspect.hosts.add(hostInput(qemuHost()));
}, 180_000);

afterAll(async () => {
  if (inspect) {
    const host = labHostConfig(inspect);
    await virshMaybe(inspect, host, 'net-destroy', '--network', NET);
    await virshMaybe(inspect, host, 'net-undefine', '--network', NET);
  }
  await inspect?.cleanup();
  await setup?.cleanup();
});

const labdeck = (...args: string[]) => runCli(setup, args);

describe('labdeck network', () => {
  it('preset maas: refused on a host that already has maas, nothing changed, exit 2', () => {
    const r = labdeck('network', 'preset', 'maas', '--host', 'labhost1');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/already has a network named 'maas'/);
    expect(r.stderr).toMatch(/Nothing was changed/);
  });

  it('create --dry-run prints the XML and the commands and changes nothing; then create and delete', async () => {
    const create = [
      'network',
      'create',
      '--host',
      'labhost1',
      '--name',
      NET,
      '--kind',
      'nat',
      '--subnet',
      '10.231.6.1/24',
      '--dhcp',
      '10.231.6.10-10.231.6.20',
    ];
    const dry = labdeck(...create, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('+ <range start="10.231.6.10" end="10.231.6.20"/>'.replace('+ ', '+       '));
    expect(dry.stdout).toContain('$ virsh --connect qemu:///system net-define --file /dev/stdin --validate');
    expect(dry.stdout).toMatch(/This pod's rule.*\n\s+now: +lands on network 'maas'/);
    const host = labHostConfig(inspect);
    expect(await virshMaybe(inspect, host, 'net-info', '--network', NET)).toBeNull();
    const made = labdeck(...create);
    expect(made.code, made.stderr).toBe(0);
    expect(await virsh(inspect, host, 'net-dumpxml', '--network', NET)).toContain(
      "<range start='10.231.6.10' end='10.231.6.20'/>",
    );
    const off = labdeck('network', 'edit', '--host', 'labhost1', '--network', NET, '--dhcp', 'off', '--json');
    expect(off.code, off.stderr).toBe(0);
    expect(JSON.parse(off.stdout).plan.restart).toBe(true);
    const del = labdeck('network', 'delete', '--host', 'labhost1', '--network', NET);
    expect(del.code, del.stderr).toBe(0);
    expect(await virshMaybe(inspect, host, 'net-info', '--network', NET)).toBeNull();
  });
});
