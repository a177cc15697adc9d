import { type Document, isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { sshKeyIdentity } from './ssh-key';

/**
 * Merges LabDeck's fields into a cloud-config document, keeping every key the user wrote (and
 * their comments and layout). Decisions, one place:
 * - hostname: the user's `hostname` or `fqdn` wins: they typed it on purpose. Otherwise the VM's
 *   name. meta-data's local-hostname is always the VM's name.
 * - a named user: added to the user's `users` list, or, when an entry of that name exists, its
 *   keys are appended to that entry; the user's own `sudo`, `shell` etc. stay. Two different
 *   passwords for one account is refused rather than guessed.
 * - the default user (no name): `users: [default]` when there is no `users`; `default` is appended
 *   to a `users` list without it when LabDeck has keys or a password for it; keys go to the
 *   top-level `ssh_authorized_keys`, a password to `password` with `chpasswd: {expire: false}`
 *   (else cloud-init forces a password change at first login).
 */

export interface LabDeckFields {
  hostname: string;
  user?: string;
  passwordHash?: string;
  /** Already checked and normalised. */
  sshKeys: string[];
}

const SUDO = 'ALL=(ALL) NOPASSWD:ALL';

function appendKeys(owner: YAMLMap, keys: readonly string[], where: string): string | null {
  if (keys.length === 0) return null;
  const node = owner.get('ssh_authorized_keys', true);
  if (node === undefined) {
    owner.set('ssh_authorized_keys', [...keys]);
    return null;
  }
  if (!isSeq(node))
    return `${where} ssh_authorized_keys is not a list; write it as a list so LabDeck can add its keys.`;
  const have = new Set(node.items.map((k) => (isScalar(k) ? sshKeyIdentity(String(k.value)) : '')));
  for (const k of keys) if (!have.has(sshKeyIdentity(k))) node.add(k);
  return null;
}

function mergeIntoEntry(entry: YAMLMap, f: LabDeckFields & { user: string }): string | null {
  if (f.passwordHash !== undefined) {
    for (const key of ['hashed_passwd', 'passwd', 'plain_text_passwd']) {
      if (entry.has(key) && !(key === 'hashed_passwd' && entry.get(key) === f.passwordHash)) {
        return `The user-data already gives ${f.user} a password (${key}); set it in one place, there or in LabDeck's password field.`;
      }
    }
    if (entry.get('lock_passwd') === true) {
      return `The user-data locks ${f.user}'s password (lock_passwd: true) while LabDeck sets one; drop one of them.`;
    }
    entry.set('lock_passwd', false);
    entry.set('hashed_passwd', f.passwordHash);
  }
  const problem = appendKeys(entry, f.sshKeys, `The user-data's entry for ${f.user}:`);
  if (problem) return problem;
  if (!entry.has('sudo')) entry.set('sudo', SUDO);
  return null;
}

function newEntry(doc: Document, f: LabDeckFields & { user: string }): YAMLMap {
  return doc.createNode({
    name: f.user,
    lock_passwd: f.passwordHash === undefined,
    ...(f.passwordHash !== undefined ? { hashed_passwd: f.passwordHash } : {}),
    // cloud-init's schema wants at least one key when the list is there.
    ...(f.sshKeys.length > 0 ? { ssh_authorized_keys: [...f.sshKeys] } : {}),
    sudo: SUDO,
    // No shell: /bin/bash is missing on busybox guests, and the distro's default works everywhere.
  }) as YAMLMap;
}

function mergeNamedUser(doc: Document, root: YAMLMap, f: LabDeckFields & { user: string }): string | null {
  const users = root.get('users', true);
  if (users === undefined) {
    root.set('users', doc.createNode([newEntry(doc, f)]));
    return null;
  }
  if (!isSeq(users))
    return `The user-data's users: is not a list; write it as a list (users: [default, …]) so LabDeck can add ${f.user}.`;
  const seq = users as YAMLSeq;
  const at = seq.items.findIndex((u) => (isScalar(u) && u.value === f.user) || (isMap(u) && u.get('name') === f.user));
  const found = seq.items[at];
  if (found === undefined) seq.add(newEntry(doc, f));
  // A bare name in the list is that user with defaults: the same as LabDeck's entry.
  else if (isScalar(found)) seq.items[at] = newEntry(doc, f);
  else if (isMap(found)) return mergeIntoEntry(found, f);
  return null;
}

function mergeDefaultUser(doc: Document, root: YAMLMap, f: LabDeckFields): string | null {
  const needsDefault = f.sshKeys.length > 0 || f.passwordHash !== undefined;
  const users = root.get('users', true);
  if (users === undefined) root.set('users', doc.createNode(['default']));
  else if (isSeq(users)) {
    if (needsDefault && !users.items.some((u) => isScalar(u) && u.value === 'default')) users.add('default');
  } else if (
    needsDefault &&
    !(
      isScalar(users) &&
      String(users.value)
        .split(',')
        .some((u) => u.trim() === 'default')
    )
  ) {
    return "The user-data's users: is not a list holding default; write it as a list (users: [default, …]) so LabDeck's keys and password reach the default user.";
  }

  const problem = appendKeys(root, f.sshKeys, "The user-data's");
  if (problem) return problem;

  if (f.passwordHash !== undefined) {
    // cloud-init's chpasswd only recognises $1$ $2a$ $2y$ $5$ $6$ as hashes; anything else it would set as the clear password.
    if (!/^\$[56]\$/.test(f.passwordHash)) {
      return 'A $y$ (yescrypt) hash can only be given to a named user; cloud-init would take it as a clear password for the default user. Name a user, or use a $6$ hash.';
    }
    if (root.has('password') && root.get('password') !== f.passwordHash) {
      return "The user-data already sets the default user's password (password:); set it in one place, there or in LabDeck's password field.";
    }
    const chpasswd = root.get('chpasswd', true);
    if (chpasswd !== undefined && !isMap(chpasswd)) return "The user-data's chpasswd: is not a mapping.";
    if (chpasswd !== undefined && (chpasswd.get('users') != null || chpasswd.get('list') != null)) {
      return "The user-data's chpasswd lists users, and then cloud-init ignores the default user's password; set the password there instead.";
    }
    root.set('password', f.passwordHash);
    if (chpasswd === undefined) root.set('chpasswd', doc.createNode({ expire: false }));
    else if (!chpasswd.has('expire')) chpasswd.set('expire', false);
  }
  return null;
}

/** Applies the fields to `doc` (a mapping or empty); a message when they clash with it. */
export function mergeLabDeckFields(doc: Document, f: LabDeckFields): string | null {
  if (doc.contents === null) doc.contents = doc.createNode({});
  const root = doc.contents as YAMLMap;
  if (!root.has('hostname') && !root.has('fqdn')) root.set('hostname', f.hostname);
  return f.user !== undefined ? mergeNamedUser(doc, root, { ...f, user: f.user }) : mergeDefaultUser(doc, root, f);
}
