import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import sshpk from 'sshpk';

/** One usable line of an OpenSSH known_hosts file. @cert-authority lines are kept but never match a plain key. */
export type KnownHostLine = {
  marker: 'revoked' | 'cert-authority' | null;
  patterns: string[];
  keyType: string;
  keyBlob: Buffer;
  source: string;
  lineNo: number;
};

export type HostKeyVerdict =
  | { verdict: 'match'; source: string }
  | { verdict: 'unknown' }
  | { verdict: 'mismatch'; knownFingerprint: string; source: string; lineNo: number }
  /** No key of the presented type is known, but a key of another type is: a possible downgrade. */
  | { verdict: 'otherType'; knownType: string; knownFingerprint: string; source: string; lineNo: number }
  | { verdict: 'revoked'; source: string; lineNo: number };

/** Parse known_hosts text; malformed lines are skipped the way ssh does, never fatal. */
export function parseKnownHosts(text: string, source: string): KnownHostLine[] {
  const out: KnownHostLine[] = [];
  text.split('\n').forEach((raw, idx) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let marker: KnownHostLine['marker'] = null;
    if (fields[0]?.startsWith('@')) {
      const m = fields.shift();
      if (m === '@revoked') marker = 'revoked';
      else if (m === '@cert-authority') marker = 'cert-authority';
      else return;
    }
    const [hosts, keyType, keyB64] = fields;
    if (!hosts || !keyType || !keyB64) return;
    const keyBlob = Buffer.from(keyB64, 'base64');
    if (keyBlob.length === 0) return;
    out.push({ marker, patterns: hosts.split(','), keyType, keyBlob, source, lineNo: idx + 1 });
  });
  return out;
}

/** The name ssh looks up: bare host on port 22, `[host]:port` otherwise. */
export function hostLookupName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function hashedMatches(pattern: string, name: string): boolean {
  // |1|base64(salt)|base64(HMAC-SHA1(salt, name))
  const parts = pattern.split('|');
  if (parts.length !== 4 || parts[1] !== '1' || !parts[2] || !parts[3]) return false;
  const salt = Buffer.from(parts[2], 'base64');
  const want = Buffer.from(parts[3], 'base64');
  const got = createHmac('sha1', salt).update(name).digest();
  return want.length === got.length && timingSafeEqual(want, got);
}

/**
 * OpenSSH's match_pattern: `*` and `?` are the only special characters; everything else — `[`, `]`
 * of `[host]:port`, dots, parentheses — is literal. Done without regular expressions, so no
 * pattern in a known_hosts file can throw or backtrack badly.
 */
export function globMatches(glob: string, name: string): boolean {
  const p = glob.toLowerCase();
  const s = name.toLowerCase();
  let pi = 0;
  let si = 0;
  let starP = -1;
  let starS = 0;
  while (si < s.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === s[si]))) {
      pi++;
      si++;
    } else if (pi < p.length && p[pi] === '*') {
      starP = pi++;
      starS = si;
    } else if (starP !== -1) {
      pi = starP + 1;
      si = ++starS;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

function patternMatches(pattern: string, name: string): boolean {
  if (pattern.startsWith('|')) return hashedMatches(pattern, name);
  if (pattern.includes('*') || pattern.includes('?')) return globMatches(pattern, name);
  return pattern.toLowerCase() === name.toLowerCase();
}

/** ssh semantics: any negated pattern that matches excludes the line; otherwise one positive match is enough. */
export function lineMatchesHost(line: KnownHostLine, name: string): boolean {
  let positive = false;
  for (const p of line.patterns) {
    if (p.startsWith('!')) {
      if (patternMatches(p.slice(1), name)) return false;
    } else if (patternMatches(p, name)) {
      positive = true;
    }
  }
  return positive;
}

export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const len = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + len).toString('latin1');
}

/** OpenSSH's display form, "SHA256:" + unpadded base64, so users can compare with `ssh-keygen -l`. */
export function fingerprintOf(blob: Buffer): string {
  try {
    return sshpk.parseKey(blob, 'rfc4253').fingerprint('sha256').toString();
  } catch {
    // Key types sshpk does not know still get a comparable fingerprint.
    return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
  }
}

/**
 * Decide what the known lines say about a presented key. Revocation wins over everything; a key
 * of the same type but different bytes is a mismatch (the host key changed); a key of a type we
 * have nothing for, while another type is known, is `otherType` — never a plain first use, since a
 * man in the middle without the real key would present exactly that.
 */
export function checkHostKey(lines: KnownHostLine[], host: string, port: number, presented: Buffer): HostKeyVerdict {
  const name = hostLookupName(host, port);
  const presentedType = keyTypeOf(presented);
  for (const l of lines) {
    if (l.marker === 'revoked' && l.keyBlob.equals(presented) && lineMatchesHost(l, name)) {
      return { verdict: 'revoked', source: l.source, lineNo: l.lineNo };
    }
  }
  let mismatch: HostKeyVerdict | undefined;
  let otherType: HostKeyVerdict | undefined;
  for (const l of lines) {
    if (l.marker !== null || !lineMatchesHost(l, name)) continue;
    if (l.keyBlob.equals(presented)) return { verdict: 'match', source: l.source };
    const knownType = keyTypeOf(l.keyBlob);
    if (!mismatch && knownType === presentedType) {
      mismatch = {
        verdict: 'mismatch',
        knownFingerprint: fingerprintOf(l.keyBlob),
        source: l.source,
        lineNo: l.lineNo,
      };
    } else if (!otherType && knownType !== presentedType) {
      otherType = {
        verdict: 'otherType',
        knownType,
        knownFingerprint: fingerprintOf(l.keyBlob),
        source: l.source,
        lineNo: l.lineNo,
      };
    }
  }
  return mismatch ?? otherType ?? { verdict: 'unknown' };
}

/** Key types on file for this host (plain lines only), in file order. */
export function knownKeyTypes(lines: KnownHostLine[], host: string, port: number): string[] {
  const name = hostLookupName(host, port);
  const types = lines.filter((l) => l.marker === null && lineMatchesHost(l, name)).map((l) => keyTypeOf(l.keyBlob));
  return [...new Set(types)];
}

/**
 * The host-key algorithms LabDeck offers, known types first (as OpenSSH orders them), so a host
 * with several keys presents the one we can check. `ssh-rsa` (RSA with SHA-1 signatures) and DSA
 * are not offered at all; RSA keys are still accepted with SHA-2 signatures.
 */
export const HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
];
/** MACs without SHA-1 or MD5. */
export const MAC_ALGORITHMS = [
  'hmac-sha2-256-etm@openssh.com',
  'hmac-sha2-512-etm@openssh.com',
  'hmac-sha2-256',
  'hmac-sha2-512',
];

export function preferredHostKeyAlgorithms(knownTypes: readonly string[]): string[] {
  const first = knownTypes
    .flatMap((t) => (t === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256'] : [t]))
    .filter((a) => HOST_KEY_ALGORITHMS.includes(a));
  return [...new Set([...first, ...HOST_KEY_ALGORITHMS])];
}

export function formatKnownHostLine(host: string, port: number, blob: Buffer): string {
  return `${hostLookupName(host, port)} ${keyTypeOf(blob)} ${blob.toString('base64')}`;
}
