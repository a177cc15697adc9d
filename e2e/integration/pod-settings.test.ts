import { afterAll, beforeAll, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/dispatch';
import { createHandlers } from '../../electron/main/handlers';
import { hostInput, qemuHost, startCore, type TestCore } from './harness';

let c: TestCore;
beforeAll(async () => {
  c = await startCore();
});
afterAll(async () => {
  await c?.cleanup();
});

it('pod defaults for virt type and CPU mode are set, and cleared back to automatic with null (through the contract, as JSON)', async () => {
  const h = await c.hosts.add(hostInput(qemuHost()));
  const handlers = createHandlers(c);
  const set = await dispatch(
    handlers,
    'hosts.update',
    JSON.parse(
      JSON.stringify({ id: h.id, patch: { pod: { virtType: 'qemu', cpuMode: 'custom', cpuModel: 'qemu64' } } }),
    ),
  );
  expect(set).toMatchObject({ ok: true, value: { pod: { virtType: 'qemu', cpuMode: 'custom', cpuModel: 'qemu64' } } });
  const cleared = await dispatch(
    handlers,
    'hosts.update',
    JSON.parse(JSON.stringify({ id: h.id, patch: { pod: { virtType: null, cpuMode: null, cpuModel: null } } })),
  );
  expect(cleared.ok).toBe(true);
  const pod = c.hosts.configs().find((x) => x.id === h.id)?.pod;
  expect(pod).not.toHaveProperty('virtType');
  expect(pod).not.toHaveProperty('cpuMode');
  expect(pod).not.toHaveProperty('cpuModel');
  expect(pod?.defaultMacvlanMode).toBe('bridge');
});
