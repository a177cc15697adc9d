import { describe, expect, it } from 'vitest';
import { failure, hostInput, qemuHost } from './harness';
import { coresPerTest } from './per-test-cores';

// Issue 10: trust defects that need a real host.
const core = coresPerTest();

describe('credentials are never shared between entries (defect 1)', () => {
  it('a second entry for the same user@host:port with a missing key file is refused, while the first is online', async () => {
    const c = await core();
    const h = qemuHost();
    const first = await c.hosts.add(hostInput(h));
    expect(first.status).toBe('online');
    const err = await failure(
      c.hosts.add(
        hostInput(h, undefined, {
          name: 'it-trust-wrong-key',
          auth: { method: 'key', keyPath: '/nonexistent/it-trust-key' },
        }),
      ),
    );
    expect(err.shape.kind).toBe('auth');
    expect(err.message).toMatch(/Cannot read key file/);
    expect(c.hosts.list().map((x) => x.name)).toEqual([h.name]);
  });

  it('an agent entry does not ride on a key entry’s connection either', async () => {
    const c = await core();
    const h = qemuHost();
    await c.hosts.add(hostInput(h));
    const saved = process.env.SSH_AUTH_SOCK;
    delete process.env.SSH_AUTH_SOCK;
    try {
      const err = await failure(
        c.hosts.add(hostInput(h, undefined, { name: 'it-trust-agent', auth: { method: 'agent' } })),
      );
      expect(err.shape.kind).toBe('auth');
    } finally {
      if (saved !== undefined) process.env.SSH_AUTH_SOCK = saved;
    }
  });
});

describe('host-supplied names are never read as options (defect 5)', () => {
  it('deletes a VM whose name begins with a dash', async () => {
    const c = await core();
    const h = qemuHost();
    const { id } = await c.hosts.add(hostInput(h));
    const host = c.hosts.configs()[0]!;
    const name = '-it-trust-dash';
    const xml = `<domain type='qemu'><name>${name}</name><memory unit='MiB'>32</memory><os><type arch='x86_64'>hvm</type></os></domain>`;
    const def = await c.runner.exec(host, ['virsh', '-c', host.libvirtUri, 'define', '--file', '/dev/stdin'], {
      stdin: xml,
    });
    expect(def.outcome, def.stderr).toBe('ok');
    try {
      await c.hosts.refresh(id, { interactive: true });
      const r = await c.actions.domain(id, name, 'delete', false);
      expect(r.commands[0]).toContain(`undefine --domain ${name}`);
      expect(r.snapshot?.libvirt?.domains.some((d) => d.name === name)).toBe(false);
    } finally {
      await c.runner.exec(host, ['virsh', '-c', host.libvirtUri, 'undefine', '--domain', name]);
    }
  });
});
