import { afterAll, describe, expect, it } from 'vitest';
import { hostInput, qemuHost, startCore, type TestCore } from './harness';

let c: TestCore | undefined;
afterAll(() => c?.cleanup());

describe('compose dry run and the host snapshot', () => {
  it('reads the host fresh by default, and reuses a young snapshot when the caller allows it', async () => {
    c = await startCore();
    const { id } = await c.hosts.add(hostInput(qemuHost()));
    const execs = async () => {
      await c!.audit.flushed();
      return (await c!.audit.list({ hostId: id, limit: 5000 })).filter((e) => e.argv[0] === 'sh').length;
    };
    const before = await execs();
    await c.compose.plan({ hostId: id, hostname: 'it-plan-cache', interfaces: 'eth0:name=br0' });
    expect(await execs()).toBe(before + 1);
    const plan = await c.compose.plan({
      hostId: id,
      hostname: 'it-plan-cache',
      interfaces: 'eth0:name=br0',
      maxSnapshotAgeMs: 60_000,
    });
    expect(await execs()).toBe(before + 1);
    expect(plan.nics[0]?.attach).toEqual({ type: 'bridge', source: 'br0' });
  });
});
