import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import sshpk from 'sshpk';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventBus } from '../event-bus';
import { PromptBroker } from '../prompts/prompt-broker';
import { HostKeyStore } from './host-key-store';
import {
  checkHostKey,
  fingerprintOf,
  formatKnownHostLine,
  globMatches,
  hostLookupName,
  parseKnownHosts,
  preferredHostKeyAlgorithms,
} from './known-hosts';

function newKey(kind: 'ed25519' | 'rsa' = 'ed25519'): { blob: Buffer; line: string } {
  const { publicKey } =
    kind === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ed25519');
  const ssh = sshpk.parseKey(publicKey.export({ type: 'spki', format: 'pem' }), 'pem').toString('ssh');
  const [type, b64] = ssh.split(' ');
  return { blob: Buffer.from(b64!, 'base64'), line: `${type} ${b64}` };
}

function hashed(name: string): string {
  const salt = randomBytes(20);
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

const a = newKey();
const b = newKey();

describe('known_hosts', () => {
  it('names non-22 ports the OpenSSH way', () => {
    expect(hostLookupName('h', 22)).toBe('h');
    expect(hostLookupName('10.0.0.1', 2222)).toBe('[10.0.0.1]:2222');
  });

  it('matches plain, bracketed-port and hashed entries', () => {
    const lines = parseKnownHosts(`h1 ${a.line}\n[h2]:2200 ${a.line}\n${hashed('[h3]:2201')} ${a.line}\n`, 'f');
    expect(checkHostKey(lines, 'h1', 22, a.blob).verdict).toBe('match');
    expect(checkHostKey(lines, 'h2', 2200, a.blob).verdict).toBe('match');
    expect(checkHostKey(lines, 'h2', 22, a.blob).verdict).toBe('unknown');
    expect(checkHostKey(lines, 'h3', 2201, a.blob).verdict).toBe('match');
    expect(checkHostKey(lines, 'h3', 22, a.blob).verdict).toBe('unknown');
  });

  it('reports a changed key with the known fingerprint', () => {
    const lines = parseKnownHosts(`h1,10.0.0.1 ${a.line} comment here\n`, 'f');
    const v = checkHostKey(lines, '10.0.0.1', 22, b.blob);
    expect(v).toMatchObject({ verdict: 'mismatch', knownFingerprint: fingerprintOf(a.blob), lineNo: 1 });
  });

  it('honours @revoked before anything else', () => {
    const lines = parseKnownHosts(`h1 ${a.line}\n@revoked * ${a.line}\n`, 'f');
    expect(checkHostKey(lines, 'h1', 22, a.blob).verdict).toBe('revoked');
  });

  it('skips @cert-authority, comments, blank and malformed lines without breaking', () => {
    const text = `# comment\n\n@cert-authority *.lab ${a.line}\ngarbage\n@bogus h1 ${a.line}\nh1 ${b.line}\n`;
    const lines = parseKnownHosts(text, 'f');
    expect(lines).toHaveLength(2);
    expect(checkHostKey(lines, 'x.lab', 22, a.blob).verdict).toBe('unknown');
    expect(checkHostKey(lines, 'h1', 22, b.blob).verdict).toBe('match');
  });

  it('supports wildcards and negation', () => {
    const lines = parseKnownHosts(`*.lab,!bad.lab ${a.line}\n`, 'f');
    expect(checkHostKey(lines, 'good.lab', 22, a.blob).verdict).toBe('match');
    expect(checkHostKey(lines, 'bad.lab', 22, a.blob).verdict).toBe('unknown');
  });

  it('prints SHA256 fingerprints as ssh-keygen does', () => {
    expect(fingerprintOf(a.blob)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('writes lines it can read back', () => {
    const lines = parseKnownHosts(formatKnownHostLine('10.0.0.9', 2222, a.blob), 'own');
    expect(checkHostKey(lines, '10.0.0.9', 2222, a.blob).verdict).toBe('match');
  });

  // Issue 10, defect 7: globs with regex metacharacters.
  it('matches globs with [ ] and other metacharacters literally, and never throws', () => {
    const lines = parseKnownHosts(`[10.0.0.*]:2222 ${a.line}\n*[ ${b.line}\n(a|b).lab ${b.line}\n`, 'f');
    expect(checkHostKey(lines, '10.0.0.7', 2222, a.blob).verdict).toBe('match');
    expect(checkHostKey(lines, '10.0.0.7', 2222, b.blob).verdict).toBe('mismatch');
    expect(() => checkHostKey(lines, 'h', 22, a.blob)).not.toThrow();
    expect(checkHostKey(lines, 'x.lab', 22, b.blob).verdict).toBe('unknown');
    expect(globMatches('h?st*.l*b', 'HOST1.lab')).toBe(true);
    expect(globMatches('a*b*c', 'aXbYc')).toBe(true);
    expect(globMatches('a*b*c', 'aXbY')).toBe(false);
    expect(globMatches('*', '')).toBe(true);
    expect(globMatches('a.c', 'abc')).toBe(false);
  });

  // Issue 10, defect 4: host-key type downgrade.
  it('reports a key of another type than the known one as otherType, not unknown', () => {
    const rsa = newKey('rsa');
    const lines = parseKnownHosts(`h1 ${a.line}\n`, 'f');
    expect(checkHostKey(lines, 'h1', 22, rsa.blob)).toMatchObject({
      verdict: 'otherType',
      knownType: 'ssh-ed25519',
      knownFingerprint: fingerprintOf(a.blob),
    });
    expect(checkHostKey(lines, 'h2', 22, rsa.blob).verdict).toBe('unknown');
  });

  it('offers the known key types first and never ssh-rsa (SHA-1)', () => {
    expect(preferredHostKeyAlgorithms([])).not.toContain('ssh-rsa');
    expect(preferredHostKeyAlgorithms(['ssh-rsa']).slice(0, 2)).toEqual(['rsa-sha2-512', 'rsa-sha2-256']);
    expect(preferredHostKeyAlgorithms(['ecdsa-sha2-nistp256'])[0]).toBe('ecdsa-sha2-nistp256');
  });
});

describe('HostKeyStore against a type downgrade (defect 4)', () => {
  it('refuses an ssh-rsa key when an ed25519 key is on file, without a first-use prompt', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-hk-'));
    try {
      const file = path.join(dir, 'known_hosts');
      writeFileSync(file, `[10.0.0.5]:2222 ${a.line}\n`);
      const bus = new EventBus();
      const asked: string[] = [];
      bus.subscribe((n) => asked.push(n));
      const store = new HostKeyStore({
        ownFile: path.join(dir, 'own'),
        userFiles: [file],
        prompts: new PromptBroker(bus),
      });
      const r = await store.verify('10.0.0.5', 2222, newKey('rsa').blob, true);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.shape.kind).toBe('hostKeyMismatch');
        expect(r.error.message).toMatch(/another key type is already known for it: ssh-ed25519 SHA256:/);
      }
      expect(asked).not.toContain('prompt.opened');
      expect((await store.algorithmsFor('10.0.0.5', 2222))[0]).toBe('ssh-ed25519');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('also after a key of one type was accepted once this session', async () => {
    const bus = new EventBus();
    const prompts = new PromptBroker(bus);
    bus.subscribe((n, p) => {
      if (n === 'prompt.opened')
        prompts.answer({ kind: 'hostKey', promptId: (p as { promptId: string }).promptId, decision: 'once' });
    });
    const store = new HostKeyStore({ ownFile: path.join(os.tmpdir(), 'labdeck-none', 'own'), userFiles: [], prompts });
    expect((await store.verify('h9', 22, a.blob, true)).ok).toBe(true);
    expect((await store.verify('h9', 22, a.blob, false)).ok).toBe(true);
    expect((await store.verify('h9', 22, newKey('rsa').blob, true)).ok).toBe(false);
  });
});
