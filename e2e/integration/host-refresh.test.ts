import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/dispatch';
import { createHandlers, type Handlers } from '../../electron/main/handlers';
import { hostInput, lab, qemuHost, startCore, testHosts, type TestCore } from './harness';

// Refresh, Refresh all and "Re-read host" answer when the read is done, and a failed read rejects
// with the host's error instead of being started and forgotten.
describe('refresh through the contract', () => {
  let c: TestCore;
  let handlers: Handlers;
  let good: { id: string; name: string };
  let gone: { id: string; name: string };

  beforeAll(async () => {
    c = await startCore();
    handlers = createHandlers(c);
    good = await c.hosts.add(hostInput(qemuHost()));
    gone = await c.hosts.add(hostInput(testHosts()[0]!));
    // The host's sshd is gone: its endpoint now refuses every connection.
    const closed = lab().closedEndpoint;
    const moved = await dispatch(handlers, 'hosts.update', {
      id: gone.id,
      patch: { address: closed.address, port: closed.port },
    });
    expect(moved.ok).toBe(true);
  });
  afterAll(async () => {
    await c?.cleanup();
  });

  it('a host that answers: resolves once it has been read', async () => {
    const before = c.hosts.latestSnapshot(good.id)?.takenAt;
    await expect(dispatch(handlers, 'hosts.refresh', { id: good.id })).resolves.toEqual({
      ok: true,
      value: { refreshed: 1 },
    });
    expect(c.hosts.latestSnapshot(good.id)?.takenAt).not.toBe(before);
  });

  it('a host whose sshd is gone: rejects with the error the host view shows', async () => {
    const r = await dispatch(handlers, 'hosts.refresh', { id: gone.id });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('connect');
    expect(r.error.message).not.toBe('');
    const view = c.hosts.view(gone.id);
    expect(view.status).not.toBe('online');
    expect(view.lastError).toMatchObject({ kind: r.error.kind, message: r.error.message });
  });

  it('Refresh all: reads every host, then rejects naming the one that failed', async () => {
    const r = await dispatch(handlers, 'hosts.refresh', {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('connect');
    expect(r.error.message).toMatch(new RegExp(`^1 of 2 hosts could not be read — ${gone.name}: `));
    expect(r.error.message).not.toContain(good.name);
    expect(c.hosts.view(good.id).status).toBe('online');
  });

  it('"Re-read host" rejects instead of answering with the last snapshot', async () => {
    const r = await dispatch(handlers, 'hosts.snapshot', { id: gone.id, refresh: true });
    expect(r).toMatchObject({ ok: false, error: { kind: 'connect' } });
    // Without refresh, the last snapshot read is still there to show.
    const last = await dispatch(handlers, 'hosts.snapshot', { id: gone.id, refresh: false });
    expect(last).toMatchObject({ ok: true, value: { snapshot: { takenAt: expect.any(String) } } });
  });

  it('an unknown host is notFound, not a silent zero', async () => {
    await expect(dispatch(handlers, 'hosts.refresh', { id: 'no-such-host' })).resolves.toMatchObject({
      ok: false,
      error: { kind: 'notFound' },
    });
  });
});
