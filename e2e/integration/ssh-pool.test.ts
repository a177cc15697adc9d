import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostConfig } from '../../shared/contract';
import { injectionCorpus } from '../../shared/remote/injection-corpus';
import { hostInput, lab, qemuHost, startCore, type TestCore } from './harness';
import { restartSshd } from './lab-control';

let c: TestCore;
let host: HostConfig;
const h = qemuHost();

function acceptedLogins(): number {
  return (readFileSync(h.sshdLog, 'utf8').match(/Accepted publickey for root/g) ?? []).length;
}

beforeAll(async () => {
  c = await startCore({ timeouts: { idleMs: 60_000 } });
  const view = await c.hosts.add(hostInput(h));
  host = c.hosts.configs().find((x) => x.id === view.id)!;
});
afterAll(() => c.cleanup());

describe('SSH connection pool against the lab', () => {
  it('reuses one connection for many commands (counted at the sshd side)', async () => {
    const before = acceptedLogins();
    for (let i = 0; i < 10; i++) await c.hosts.refresh(host.id, { interactive: false });
    await Promise.all(Array.from({ length: 20 }, () => c.runner.run(host, ['true'])));
    expect(acceptedLogins() - before).toBe(0);
    expect(Object.values(c.pool.stats().opened)).toEqual([1]);
  });

  it('queues channels above the per-host cap instead of failing', async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => c.runner.run(host, ['sh', '-c', `sleep 0.2; echo ${i}`])),
    );
    expect(results.map((r) => Number(r.trim()))).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('keeps stdout, stderr and the exit code apart', async () => {
    const r = await c.runner.exec(host, ['sh', '-c', 'echo out; echo err >&2; exit 3']);
    expect(r).toMatchObject({ stdout: 'out\n', stderr: 'err\n', exitCode: 3, outcome: 'failed' });
  });

  it('turns virsh errors into typed errors that show the command', async () => {
    await expect(c.runner.virsh(host, ['dominfo', 'no-such-domain'])).rejects.toMatchObject({
      shape: {
        kind: 'remote',
        command: expect.stringContaining('virsh --connect qemu:///system dominfo no-such-domain'),
        stderr: expect.stringContaining('error:'),
      },
    });
  });

  it('passes hostile strings as data, never as shell', async () => {
    for (const s of injectionCorpus) {
      const out = await c.runner.run(host, ['printf', '%s', s]);
      expect(out).toBe(s);
    }
    const weird = `x; touch /tmp/labdeck-pwned-$$ $(id) 'q' "d"\nnl`;
    const r = await c.runner.exec(host, ['virsh', '-c', host.libvirtUri, 'dominfo', weird]);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain('failed to get domain');
    expect(await c.runner.run(host, ['sh', '-c', 'ls /tmp | grep -c labdeck-pwned || true'])).toBe('0\n');
  });

  it('passes XML on stdin', async () => {
    const xml = `<network><name>it&apos;s</name></network>`;
    expect(await c.runner.run(host, ['cat'], { stdin: xml })).toBe(xml);
  });

  it('stops a command at its timeout, on the host too', async () => {
    const marker = `${Date.now() % 100000}.25`;
    const r = await c.runner.exec(host, ['sleep', marker], { timeoutMs: 500 });
    expect(r.outcome).toBe('timeout');
    await new Promise((res) => setTimeout(res, 700));
    expect(await c.runner.run(host, ['sh', '-c', `pgrep -f "[s]leep ${marker}" || true`])).toBe('');
  });

  it('cancels a running command for real', async () => {
    const marker = `${Date.now() % 100000}.5`;
    const ac = new AbortController();
    const p = c.runner.exec(host, ['sh', '-c', `sleep ${marker}; echo never`], { signal: ac.signal });
    await new Promise((res) => setTimeout(res, 400));
    ac.abort();
    const r = await p;
    expect(r.outcome).toBe('cancelled');
    expect(r.stdout).toBe('');
    await new Promise((res) => setTimeout(res, 700));
    expect(await c.runner.run(host, ['sh', '-c', `pgrep -f "[s]leep ${marker}" || true`])).toBe('');
  });

  it('reconnects after sshd restarts', async () => {
    await c.runner.run(host, ['true']);
    const openedBefore = Object.values(c.pool.stats().opened)[0]!;
    restartSshd(h);
    // The old connection dies with the daemon; the next command opens a new one by itself.
    let out = '';
    for (let i = 0; i < 20 && out === ''; i++) {
      out = await c.runner.run(host, ['hostname']).catch(async () => {
        await new Promise((r) => setTimeout(r, 250));
        return '';
      });
    }
    expect(out.trim()).toBe('labhost1');
    expect(Object.values(c.pool.stats().opened)[0]).toBe(openedBefore + 1);
  });

  it('writes every command to the audit log', async () => {
    await c.runner.run(host, ['echo', 'audited']);
    await c.audit.flushed();
    const entries = await c.audit.list({ hostId: host.id, limit: 5 });
    expect(entries[0]).toMatchObject({ argv: ['echo', 'audited'], exitCode: 0, outcome: 'ok', hostId: host.id });
    const lines = readFileSync(c.audit.file, 'utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ argv: ['echo', 'audited'] });
    expect(lab().hosts.length).toBeGreaterThan(1);
  });
});
