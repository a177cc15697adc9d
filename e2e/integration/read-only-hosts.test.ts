import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostInput, qemuHost, startCore, testHosts, type TestCore } from './harness';

// Issue 12, item 2: a libvirt test-driver host keeps no change past one virsh process, so LabDeck says
// so up front and refuses changes before running anything; labhost1 (real libvirtd) is unaffected.
let c: TestCore;
let testId: string;
let qemuId: string;
const [t] = testHosts();

beforeAll(async () => {
  c = await startCore();
  testId = (await c.hosts.add(hostInput(t!))).id;
  qemuId = (await c.hosts.add(hostInput(qemuHost()))).id;
});
afterAll(() => c?.cleanup());

const changesRun = async (hostId: string) => {
  await c.audit.flushed();
  return (await c.audit.list({ hostId, limit: 5000 })).filter(
    (e) => e.argv[0] === 'virsh' && !['domstate', 'dumpxml', 'net-dumpxml'].some((r) => e.argv.includes(r)),
  ).length;
};

describe('read-only hosts', () => {
  it('marks the test-driver host read-only in its snapshot, and labhost1 not', async () => {
    const s = await c.hosts.refresh(testId, { interactive: true });
    expect(s.libvirt?.readOnly?.reason).toMatch(/test driver/);
    const q = await c.hosts.refresh(qemuId, { interactive: true });
    expect(q.libvirt?.readOnly).toBeUndefined();
  });

  it('refuses compose on the test-driver host up front: plan and start', async () => {
    const req = { hostId: testId, hostname: 'it-readonly', interfaces: 'eth0:name=default' };
    await expect(c.compose.plan(req)).rejects.toMatchObject({
      shape: {
        kind: 'validation',
        message: expect.stringMatching(/read-only: compose would change nothing.*test driver/),
      },
    });
    expect(() => c.compose.start(req)).toThrow(/read-only/);
  });

  it('refuses Start and network actions on the test-driver host before running virsh', async () => {
    const before = await changesRun(testId);
    await expect(c.actions.domain(testId, 'labtest1-vm2', 'start', false)).rejects.toMatchObject({
      shape: { kind: 'validation', message: expect.stringMatching(/labtest1 is read-only; nothing was changed/) },
    });
    await expect(c.actions.network(testId, 'isolated', 'start')).rejects.toMatchObject({
      shape: { kind: 'validation' },
    });
    expect(await changesRun(testId)).toBe(before);
  });

  it('still lets labhost1 plan a compose', async () => {
    const plan = await c.compose.plan({
      hostId: qemuId,
      hostname: 'it-readonly-ok',
      interfaces: 'eth0:name=br0',
      maxSnapshotAgeMs: 60_000,
    });
    expect(plan.nics[0]?.attach).toEqual({ type: 'bridge', source: 'br0' });
  });
});
