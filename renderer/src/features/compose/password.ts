import { hashPassword } from '../../../../shared/cloud-init/sha512-crypt';

/** Cryptographically strong bytes from the page itself: the clear password never leaves the renderer. */
export const randomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

export type PasswordOutcome =
  { kind: 'empty' } | { kind: 'mismatch'; message: string } | { kind: 'hashed'; hash: string };

/**
 * The password and its confirmation, turned into what the draft may keep: a `$6$` hash, or why
 * not. Nothing derived from the clear text (not even its length) is returned otherwise.
 */
export function hashPasswordPair(
  password: string,
  confirm: string,
  random: (n: number) => Uint8Array = randomBytes,
): PasswordOutcome {
  if (password === '' && confirm === '') return { kind: 'empty' };
  if (password !== confirm)
    return {
      kind: 'mismatch',
      message: confirm === '' ? 'Type the password again to confirm it.' : 'The two passwords differ.',
    };
  return { kind: 'hashed', hash: hashPassword(password, random) };
}
