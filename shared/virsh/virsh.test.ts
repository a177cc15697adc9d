import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { virsh, virshArgsOf, virshArgv, virshChain, virshLine, type VirshArgs } from '.';

const odd = ['my vm', "it's", '-rf', '--domain', 'a"b', 'x;y $(z)', ''];

/** Every builder with a value in each user-given slot. */
const builders = (v: string): Record<string, VirshArgs> => ({
  'domain.define': virsh.domain.define(v, { validate: true }),
  'domain.create': virsh.domain.create(v),
  'domain.undefine': virsh.domain.undefine(v, {
    managedSave: true,
    snapshotsMetadata: true,
    nvram: true,
    storage: [v],
  }),
  'domain.start': virsh.domain.start(v),
  'domain.resume': virsh.domain.resume(v),
  'domain.shutdown': virsh.domain.shutdown(v),
  'domain.reboot': virsh.domain.reboot(v),
  'domain.destroy': virsh.domain.destroy(v),
  'domain.dumpxml': virsh.domain.dumpxml(v, { inactive: true }),
  'domain.domstate': virsh.domain.domstate(v),
  'domain.domuuid': virsh.domain.domuuid(v),
  'domain.domiflist': virsh.domain.domiflist(v),
  'domain.domifaddr': virsh.domain.domifaddr(v, { source: 'lease' }),
  'domain.console': virsh.domain.console(v, { force: true }),
  'network.define': virsh.network.define(v),
  'network.undefine': virsh.network.undefine(v),
  'network.start': virsh.network.start(v),
  'network.destroy': virsh.network.destroy(v),
  'network.autostart': virsh.network.autostart(v, { disable: true }),
  'network.update': virsh.network.update(v, {
    command: 'add',
    section: 'ip-dhcp-host',
    xml: v,
    live: true,
    config: true,
  }),
  'network.dumpxml': virsh.network.dumpxml(v, { inactive: true }),
  'network.dhcpLeases': virsh.network.dhcpLeases(v),
  'pool.build': virsh.pool.build(v),
  'pool.dumpxml': virsh.pool.dumpxml(v),
  'volume.createAs': virsh.volume.createAs({
    pool: v,
    name: v,
    capacity: '1024',
    format: 'qcow2',
    backingVol: v,
    backingVolFormat: 'raw',
  }),
  'volume.clone': virsh.volume.clone({ pool: v, vol: v }, v),
  'volume.createFrom': virsh.volume.createFrom(v, v, { pool: v, vol: v }),
  'volume.resize': virsh.volume.resize({ pool: v, vol: v }, '2048'),
  'volume.upload': virsh.volume.upload({ pool: v, vol: v }, v),
  'volume.download': virsh.volume.download({ pool: v, vol: v }, v),
  'volume.delete': virsh.volume.delete({ pool: v, vol: v }),
  'volume.dumpxml': virsh.volume.dumpxml({ pool: v, vol: v }),
  'volume.info': virsh.volume.info({ pool: v, vol: v }, { bytes: true }),
  'volume.key': virsh.volume.key({ pool: v, vol: v }),
  'volume.path': virsh.volume.path({ pool: v, vol: v }),
  'volume.list': virsh.volume.list(v, { details: true }),
});

describe('virsh argv builders', () => {
  it('spell the head once: virsh --connect URI, never -c', () => {
    expect(virshArgv('qemu:///system', virsh.domain.start('web-1'))).toEqual([
      'virsh',
      '--connect',
      'qemu:///system',
      'start',
      '--domain',
      'web-1',
    ]);
    expect(virshArgv('qemu:///system', [])).not.toContain('-c');
  });

  it('put every user value behind a named option, as one argv element, whatever it holds', () => {
    const MARK = 'USER-VALUE';
    for (const [name, args] of Object.entries(builders(MARK))) {
      const at = args.flatMap((a, i) => (a === MARK ? [i] : []));
      expect(at.length, name).toBeGreaterThan(0);
      // Each value right after its option (`--domain`, `--pool`, …): none is positional.
      for (const i of at) expect(args[i - 1], `${name} [${i}]`).toMatch(/^--[a-z-]+$/);
    }
    for (const v of odd) {
      for (const [name, args] of Object.entries(builders(v))) {
        expect(args, `${name} with ${JSON.stringify(v)}`).toEqual(
          builders(MARK)[name]!.map((a) => (a === MARK ? v : a)),
        );
      }
    }
  });

  it('emit the options each command has always had', () => {
    expect(
      virsh.domain.undefine('vm', { managedSave: true, snapshotsMetadata: true, nvram: true, storage: ['vda', 'vdb'] }),
    ).toEqual([
      'undefine',
      '--domain',
      'vm',
      '--managed-save',
      '--snapshots-metadata',
      '--nvram',
      '--storage',
      'vda,vdb',
    ]);
    expect(virsh.domain.undefine('vm', { storage: [] })).toEqual(['undefine', '--domain', 'vm']);
    expect(virsh.domain.console('vm')).toEqual(['console', '--domain', 'vm']);
    expect(
      virsh.network.update('net', { command: 'delete', section: 'ip-dhcp-host', xml: '<host/>', config: true }),
    ).toEqual([
      'net-update',
      '--network',
      'net',
      '--command',
      'delete',
      '--section',
      'ip-dhcp-host',
      '--xml',
      '<host/>',
      '--config',
    ]);
    expect(virsh.volume.createAs({ pool: 'p', name: 'v', capacity: '1' })).toEqual([
      'vol-create-as',
      '--pool',
      'p',
      '--name',
      'v',
      '--capacity',
      '1',
    ]);
    expect(virsh.network.list({ all: true, autostart: true, uuid: true })).toEqual([
      'net-list',
      '--all',
      '--autostart',
      '--uuid',
    ]);
    expect(virsh.host.domcapabilities({ virttype: 'kvm', arch: 'x86_64' })).toEqual([
      'domcapabilities',
      '--virttype',
      'kvm',
      '--arch',
      'x86_64',
    ]);
  });

  it('takes the command back out of an argv for the same URI only', () => {
    const argv = virshArgv('qemu:///system', virsh.domain.domstate('vm'));
    expect(virshArgsOf(argv, 'qemu:///system')).toEqual(['domstate', '--domain', 'vm']);
    expect(virshArgsOf(argv, 'qemu:///session')).toBeUndefined();
    expect(virshArgsOf(['virsh', '-c', 'qemu:///system', 'domstate', 'vm'], 'qemu:///system')).toBeUndefined();
    expect(virshArgsOf(['sh', '--connect', 'qemu:///system'], 'qemu:///system')).toBeUndefined();
  });

  it('quotes a line of virsh’s own shell so plain commands stay readable', () => {
    expect(virshLine(virsh.domain.dumpxml('0b6a1f9e-9d8e-4c2b-a6a4-1c1c1c1c1c1c'))).toBe(
      'dumpxml --domain 0b6a1f9e-9d8e-4c2b-a6a4-1c1c1c1c1c1c',
    );
    expect(virshLine(virsh.domain.domstate("it's a vm"))).toBe("domstate --domain 'it'\\''s a vm'");
    expect(virshChain([virsh.host.uri(), virsh.host.echo('@@@m@@@'), virsh.host.nodeinfo()])).toBe(
      'uri; echo @@@m@@@; nodeinfo',
    );
  });
});

// virsh's own parser reads the quoted line back into the same arguments (its `echo` prints them).
const hasVirsh = spawnSync('virsh', ['--connect', 'test:///default', 'uri'], { encoding: 'utf8' }).status === 0;
describe.skipIf(!hasVirsh)('virshLine read by virsh itself (test driver)', () => {
  it('keeps spaces, quotes, dashes and shell syntax as one argument each', () => {
    const words = odd.filter((w) => w !== '' && !w.startsWith('-'));
    const line = virshLine(['echo', '--shell', ...words]);
    const out = spawnSync('virsh', ['--connect', 'test:///default', line], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    // `echo --shell` prints each argument quoted for sh: parse that back with sh.
    const back = spawnSync('sh', ['-c', `for a in ${out.stdout.trim()}; do printf '%s\\n' "$a"; done`], {
      encoding: 'utf8',
    });
    expect(back.stdout.split('\n').slice(0, -1)).toEqual(words);
  });
});
