import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSshConfigCandidates, sshConfigCandidates } from './ssh-config-import';

const config = `
Host bastion
  HostName 203.0.113.10
  Port 2222
  User jump
  IdentityFile ~/.ssh/bastion

Host kvm1 kvm2
  HostName 10.0.0.%h
  User admin
  ProxyJump bastion

Host kvm3
  HostName kvm3.lab
  ProxyJump ops@bastion:2200

# ssh takes the first value it finds, so defaults go last.
Host *
  User fallback
  ServerAliveInterval 30

Match exec "touch /tmp/labdeck-should-not-run"
  User nope
`;

describe('sshConfigCandidates', () => {
  it('lists concrete hosts with their resolved settings, skipping wildcards', () => {
    const c = sshConfigCandidates(config);
    expect(c.map((x) => x.alias)).toEqual(['bastion', 'kvm1', 'kvm2', 'kvm3']);
    expect(c[0]).toMatchObject({ address: '203.0.113.10', port: 2222, user: 'jump', identityFile: '~/.ssh/bastion' });
    expect(c[3]).toMatchObject({ address: 'kvm3.lab', port: 22, user: 'fallback' });
  });

  it('resolves ProxyJump through the jump host’s own entry', () => {
    const c = sshConfigCandidates(config);
    expect(c[1]!.proxyJump).toEqual({
      address: '203.0.113.10',
      port: 2222,
      user: 'jump',
      identityFile: '~/.ssh/bastion',
    });
    expect(c[3]!.proxyJump).toMatchObject({ address: '203.0.113.10', port: 2200, user: 'ops' });
  });

  it('never runs Match exec', async () => {
    sshConfigCandidates(config);
    const { existsSync } = await import('node:fs');
    expect(existsSync('/tmp/labdeck-should-not-run')).toBe(false);
  });

  it('returns nothing for an empty file', () => {
    expect(sshConfigCandidates('')).toEqual([]);
  });

  it('reads config from the ssh folder: none without the file, an error when it is there but unreadable', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-sshcfg-'));
    try {
      await expect(readSshConfigCandidates(dir)).resolves.toEqual([]);
      writeFileSync(path.join(dir, 'config'), 'Host kvm9\n  HostName 10.0.0.9\n');
      await expect(readSshConfigCandidates(dir)).resolves.toMatchObject([{ alias: 'kvm9', address: '10.0.0.9' }]);
      rmSync(path.join(dir, 'config'));
      mkdirSync(path.join(dir, 'config'));
      await expect(readSshConfigCandidates(dir)).rejects.toMatchObject({
        shape: { kind: 'internal', message: expect.stringMatching(/^Could not read .*config: /) },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
