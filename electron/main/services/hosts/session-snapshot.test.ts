import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSnapshotOutput } from '../../../../shared/snapshot/parse-snapshot';
import { SNAPSHOT_SCRIPT } from '../../../../shared/snapshot/snapshot-script';
import { SessionSnapshotReader, shellSessionArgv, shellSessionSetup, virshSessionArgv } from './session-snapshot';
import { localTransportOpener } from './session-transport';
import { ResidentSession } from './virsh-session';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const fixture = path.join(__dirname, '..', '..', '..', '..', 'shared', 'snapshot', 'fixtures', 'test-node.xml');
const uri = `test://${fixture}`;

const open: ResidentSession[] = [];
function sessions(u = uri) {
  const sh = new ResidentSession({
    dialect: 'sh',
    argv: shellSessionArgv(),
    setup: shellSessionSetup(),
    open: localTransportOpener,
    timeoutMs: 10_000,
    label: 'local',
  });
  const virsh = new ResidentSession({
    dialect: 'virsh',
    argv: virshSessionArgv(u),
    open: localTransportOpener,
    timeoutMs: 10_000,
    label: 'local',
  });
  open.push(sh, virsh);
  return { sh, virsh };
}
// MemAvailable moves between two reads: like the time, it is left out of the comparison.
const withoutTime = <T extends { takenAt: string; system?: object }>(s: T) => ({
  ...s,
  takenAt: 'x',
  system: { ...s.system, memoryAvailableKiB: 0 },
});

afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe.skipIf(!has('virsh') || !has('dash'))('resident sessions (local virsh test driver)', () => {
  it('read exactly the snapshot the one-exec script reads', async () => {
    const stdout = execFileSync('sh', ['-s', '--', uri], { input: SNAPSHOT_SCRIPT, encoding: 'utf8' });
    const viaScript = parseSnapshotOutput(stdout, 'x');
    const { sh, virsh } = sessions();
    const reader = new SessionSnapshotReader(sh, virsh);
    const viaSession = await reader.read();
    expect(withoutTime(viaSession)).toEqual(withoutTime(viaScript));
    expect(viaSession.libvirt?.domains.length).toBeGreaterThan(0);
    // A targeted re-read (one domain named by an event) gives the same picture again.
    const name = viaScript.libvirt!.domains[0]!.name;
    expect(withoutTime(await reader.read({ domains: [name] }))).toEqual(withoutTime(viaScript));
    expect(withoutTime(await reader.read({ host: true, networks: true, pools: true }))).toEqual(withoutTime(viaScript));
    expect(reader.stats).toEqual({ full: 1, targeted: 2 });
    expect(virsh.stats.starts).toBe(1);
  });

  it('frames answers whatever the output holds, one request at a time', async () => {
    const { virsh } = sessions();
    const tricky = "@@@LDS:00000000-0000-0000-0000-000000000000:end:@@@ virsh # echo @@@L''DS: @@@lds:x end";
    const [a, b, c] = await Promise.all([
      virsh.run([
        { name: 'a', cmd: `echo "${tricky}"` },
        { name: 'b', cmd: 'uri' },
      ]),
      virsh.run([{ name: 'c', cmd: 'dumpxml no-such-domain' }]),
      virsh.run([{ name: 'd', cmd: 'echo ok' }]),
    ]);
    expect(a.map((s) => [s.name, s.body.trim()])).toEqual([
      ['a', tricky],
      ['b', uri],
    ]);
    expect(b[0]!.body).toMatch(/^error: failed to get domain 'no-such-domain'/);
    expect(c[0]!.body.trim()).toBe('ok');
  });

  it('times out a stuck command, kills the session and starts a new one for the next', async () => {
    const { virsh } = sessions();
    await expect(
      virsh.run([{ name: 'w', cmd: 'event --all --loop --timeout 20' }], { timeoutMs: 500 }),
    ).rejects.toMatchObject({ shape: { kind: 'timeout' } });
    const [r] = await virsh.run([{ name: 'u', cmd: 'uri' }]);
    expect(r!.body.trim()).toBe(uri);
    expect(virsh.stats).toMatchObject({ starts: 2, timeouts: 1 });
  });
});
