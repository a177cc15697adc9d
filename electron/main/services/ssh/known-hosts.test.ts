import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import sshpk from 'sshpk';
import { checkHostKey, fingerprintOf, formatKnownHostLine, hostLookupName, parseKnownHosts } from './known-hosts';

function newKey(): { blob: Buffer; line: string } {
  const { publicKey } = generateKeyPairSync('ed25519');
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
});
