import { err, ok, type Result } from '../compose/result';

/**
 * One OpenSSH public key line, `type base64 [comment]`, as authorized_keys wants it. The base64
 * must decode to a whole key blob of the same type: that catches keys cut off in a copy-paste.
 */

const KNOWN_TYPES =
  /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com)$/;
const TYPE_LIST =
  'ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521, sk-ssh-ed25519@openssh.com or sk-ecdsa-sha2-nistp256@openssh.com';

/** How many length-prefixed fields each key blob holds (RFC 4253, 5656, 8709; OpenSSH PROTOCOL.u2f). */
const FIELDS: Record<string, number> = {
  'ssh-ed25519': 2,
  'ssh-rsa': 3,
  'sk-ssh-ed25519@openssh.com': 3,
  'sk-ecdsa-sha2-nistp256@openssh.com': 4,
};

/** The blob's fields, or null unless it splits exactly into length-prefixed strings. */
function blobFields(b64: string): string[] | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) return null;
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    return null;
  }
  const fields: string[] = [];
  for (let at = 0; at < bin.length;) {
    if (at + 4 > bin.length) return null;
    const len =
      ((bin.charCodeAt(at) << 24) |
        (bin.charCodeAt(at + 1) << 16) |
        (bin.charCodeAt(at + 2) << 8) |
        bin.charCodeAt(at + 3)) >>>
      0;
    if (at + 4 + len > bin.length) return null;
    fields.push(bin.slice(at + 4, at + 4 + len));
    at += 4 + len;
  }
  return fields;
}

/** Does the blob hold a whole key of this type? A key cut short in a copy-paste does not. */
function wholeKey(type: string, b64: string): boolean {
  const f = blobFields(b64);
  if (f === null || f[0] !== type || f.length !== (FIELDS[type] ?? 3)) return false;
  if (type === 'ssh-ed25519' || type === 'sk-ssh-ed25519@openssh.com') return f[1]!.length === 32;
  return true;
}

/** The key normalised to single spaces, or why it is not a public key line. */
export function checkSshKey(line: string): Result<string, string> {
  const text = line.trim();
  if (text === '') return err('An SSH key entry is empty.');
  if (/PRIVATE KEY/.test(text))
    return err('This is a private key. Paste the public key instead (the .pub file, one line).');
  if (/[\r\n]/.test(text)) return err('Put one SSH public key per entry (this one holds several lines).');
  const [type = '', data = '', ...comment] = text.split(/\s+/);
  const short = `${type.slice(0, 30)}${type.length > 30 ? '…' : ''}`;
  if (!KNOWN_TYPES.test(type)) {
    if (type === 'ssh-dss') return err('DSA keys (ssh-dss) are refused by current OpenSSH; use an ed25519 key.');
    if (/[=,"]/.test(type))
      return err('Key options (from=, command=, …) are not supported; give just "type key comment".');
    return err(`"${short}" is not an SSH public key type LabDeck knows (${TYPE_LIST}).`);
  }
  if (data === '') return err(`The ${type} key has no key data after its type.`);
  if (!wholeKey(type, data))
    return err(`The ${type} key data is damaged or cut off (it does not decode to a ${type} key).`);
  return ok([type, data, ...comment].join(' '));
}

/** The part that identifies a key (type and data), for spotting the same key with another comment. */
export function sshKeyIdentity(line: string): string {
  return line.trim().split(/\s+/).slice(0, 2).join(' ');
}
