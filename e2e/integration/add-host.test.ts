import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/main/core';
import { failure, hostInput, knownHostsLine, lab, qemuHost, testHosts } from './harness';
import { coresPerTest } from './per-test-cores';

const core = coresPerTest();

describe('adding a host (the vertical slice)', () => {
  it('asks about the unknown key, shows its SHA256 fingerprint, and reads the real facts', async () => {
    const c = await core();
    const h = qemuHost();
    const view = await c.hosts.add(hostInput(h));
    expect(c.prompts_seen).toHaveLength(1);
    expect(c.prompts_seen[0]).toMatchObject({
      kind: 'hostKey',
      host: h.address,
      port: h.port,
      fingerprint: h.hostKeyFingerprint,
    });
    expect(view.status).toBe('online');
    expect(view.kind).toBe('pod');
    expect(view.lastFacts).toMatchObject({
      hostname: 'labhost1',
      domainsTotal: 2,
      domainsRunning: 1,
      networksTotal: 2,
    });
    expect(view.lastFacts?.cpus).toBeGreaterThan(0);
    expect(view.lastFacts?.memoryKiB).toBeGreaterThan(0);
    expect(view.lastFacts?.libvirtVersion).toMatch(/^\d+\.\d+/);
    expect(view.lastFacts?.hypervisor).toMatch(/QEMU/i);
  });

  it('keeps the inventory across restarts, and a remembered key is not asked again', async () => {
    const c = await core({ answerHostKey: 'remember' });
    const h = qemuHost();
    await c.hosts.add(hostInput(h));
    await c.dispose();
    const again = await createCore({ dataDir: c.dataDir, sshDir: c.sshDir, mode: 'cli', backgroundRefresh: false });
    try {
      const [stored] = again.hosts.list();
      expect(stored?.name).toBe(h.name);
      expect(stored?.lastFacts?.hostname).toBe('labhost1');
      const prompts: string[] = [];
      again.bus.subscribe((n) => prompts.push(n));
      await again.hosts.refresh(stored!.id, { interactive: false });
      expect(prompts).not.toContain('prompt.opened');
    } finally {
      await again.dispose();
    }
  });

  it('refuses a changed host key with both fingerprints and adds nothing', async () => {
    const [a, b] = testHosts();
    // known_hosts says a's endpoint has b's key: exactly what a reinstalled or spoofed host looks like.
    const c = await core({ knownHosts: knownHostsLine(a!, b!) });
    const err = await failure(c.hosts.add(hostInput(a!)));
    expect(err.shape.kind).toBe('hostKeyMismatch');
    expect(err.shape.knownFingerprint).toBe(b!.hostKeyFingerprint);
    expect(err.shape.presentedFingerprint).toBe(a!.hostKeyFingerprint);
    expect(c.prompts_seen).toHaveLength(0);
    expect(c.hosts.list()).toHaveLength(0);
  });

  it('refuses a revoked key', async () => {
    const [a] = testHosts();
    const c = await core({ knownHosts: `@revoked * ${a!.hostKeyPublic}\n${knownHostsLine(a!)}` });
    const err = await failure(c.hosts.add(hostInput(a!)));
    expect(err.shape.kind).toBe('hostKeyRevoked');
  });

  it('trusts a matching key in known_hosts without asking', async () => {
    const [a] = testHosts();
    const c = await core({
      knownHosts: `# a comment\n@cert-authority *.example ${a!.hostKeyPublic}\n${knownHostsLine(a!)}`,
    });
    const view = await c.hosts.add(hostInput(a!));
    expect(c.prompts_seen).toHaveLength(0);
    expect(view.lastFacts?.hostname).toBe(a!.name);
  });

  it('cancelling the key prompt connects to nothing and adds nothing', async () => {
    const c = await core({ answerHostKey: 'cancel' });
    const err = await failure(c.hosts.add(hostInput(qemuHost())));
    expect(err.shape.kind).toBe('hostKeyRejected');
    expect(c.hosts.list()).toHaveLength(0);
  });

  it('reports a wrong port at once', async () => {
    const c = await core();
    const l = lab();
    const t0 = Date.now();
    const err = await failure(
      c.hosts.add(hostInput(qemuHost(), l, { address: l.closedEndpoint.address, port: l.closedEndpoint.port })),
    );
    expect(err.shape.kind).toBe('connect');
    expect(err.shape.message).toMatch(/refused/i);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('gives up on a dead host within the connect timeout', async () => {
    const c = await core({ timeouts: { connectMs: 1500 } });
    const l = lab();
    const t0 = Date.now();
    const err = await failure(
      c.hosts.add(hostInput(qemuHost(), l, { address: l.deadEndpoint.address, port: l.deadEndpoint.port })),
    );
    expect(err.shape.kind).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(6000);
  });

  it('a user outside the libvirt group gets a hint, not a stack trace', async () => {
    const c = await core();
    const l = lab();
    const view = await c.hosts.add(hostInput(qemuHost(), l, { user: l.unprivilegedUser, name: 'unprivileged' }));
    expect(view.status).toBe('noLibvirt');
    expect(view.statusMessage).toMatch(/libvirt/);
  });

  it('refuses bad input and changes nothing', async () => {
    const c = await core();
    const err = await failure(c.hosts.add({ ...hostInput(qemuHost()), port: 70000 }));
    expect(err.shape.kind).toBe('validation');
    expect(err.shape.message).toMatch(/port/i);
    expect(c.hosts.list()).toHaveLength(0);
  });
});
