import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { hostInput, lab, qemuHost, startCore, type TestCore } from './harness';

let c: TestCore | undefined;
afterAll(() => c?.cleanup());

describe('ProxyJump', () => {
  it('reaches a host through the jump host’s pooled connection', async () => {
    c = await startCore();
    const l = lab();
    const h = qemuHost(l);
    const auth = { method: 'key' as const, keyPath: l.clientKey };
    // The lab's KVM host jumps to its own address: from the sshd's point of view the second login
    // then comes from inside the host rather than from the root namespace.
    const view = await c.hosts.add(
      hostInput(h, l, { name: 'via-jump', jump: { address: h.address, port: h.port, user: h.user, auth } }),
    );
    expect(view.lastFacts?.hostname).toBe('labhost1');
    const opened = c.pool.stats().opened;
    expect(opened[`root@${h.address}:22`]).toBe(1);
    expect(opened[`root@${h.address}:22 via root@${h.address}:22`]).toBe(1);
    const log = readFileSync(h.sshdLog, 'utf8');
    expect(log).toMatch(new RegExp(`Accepted publickey for root from ${h.address.replace(/\./g, '\\.')} `));
    // Two key prompts: the jump host and the target (same key, asked once per endpoint at most).
    expect(c.prompts_seen.filter((p) => p.kind === 'hostKey').length).toBeLessThanOrEqual(2);
  });
});
