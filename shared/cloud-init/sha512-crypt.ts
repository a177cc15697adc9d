import { sha512 } from '@noble/hashes/sha2.js';

/**
 * SHA-512 crypt ("$6$"), as glibc's crypt(3) computes it (Ulrich Drepper's "Unix crypt using
 * SHA-256 and SHA-512"). Written on @noble/hashes so the renderer can hash a password before it
 * ever leaves the page: no node:crypto, no async WebCrypto.
 */

/** crypt(3)'s base-64 alphabet (not RFC 4648's). */
export const CRYPT_ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const DEFAULT_ROUNDS = 5000;
const MIN_ROUNDS = 1000;
const MAX_ROUNDS = 999_999_999;
const MAX_SALT = 16;

/** The byte triples the spec encodes, high byte first; the last group holds byte 63 alone. */
const ORDER: readonly (readonly [number, number, number])[] = [
  [0, 21, 42],
  [22, 43, 1],
  [44, 2, 23],
  [3, 24, 45],
  [25, 46, 4],
  [47, 5, 26],
  [6, 27, 48],
  [28, 49, 7],
  [50, 8, 29],
  [9, 30, 51],
  [31, 52, 10],
  [53, 11, 32],
  [12, 33, 54],
  [34, 55, 13],
  [56, 14, 35],
  [15, 36, 57],
  [37, 58, 16],
  [59, 17, 38],
  [18, 39, 60],
  [40, 61, 19],
  [62, 20, 41],
];

function b64(w: number, chars: number): string {
  let out = '';
  for (let i = 0; i < chars; i++) {
    out += CRYPT_ALPHABET[w & 0x3f];
    w >>>= 6;
  }
  return out;
}

/** `len` bytes of `digest` repeated (steps 16 and 20 of the spec). */
function repeatTo(digest: Uint8Array, len: number): Uint8Array {
  const out = new Uint8Array(len);
  for (let i = 0; i < len; i += digest.length) out.set(digest.subarray(0, Math.min(digest.length, len - i)), i);
  return out;
}

/**
 * `$6$salt$hash`, or `$6$rounds=N$salt$hash` when rounds ≠ 5000. Like glibc, the salt is cut to
 * 16 characters and rounds are clamped to 1000…999999999. Throws on a salt outside the crypt
 * alphabet: salts come from randomSalt, so that is a programming error, not user input.
 */
export function sha512Crypt(password: string, salt: string, rounds: number = DEFAULT_ROUNDS): string {
  if (!Number.isInteger(rounds)) throw new RangeError(`rounds must be an integer, got ${rounds}`);
  if (!/^[./0-9A-Za-z]*$/.test(salt)) throw new RangeError('The salt may hold only . / 0-9 A-Z a-z');
  const r = Math.min(MAX_ROUNDS, Math.max(MIN_ROUNDS, rounds));
  const s = salt.slice(0, MAX_SALT);
  const P = new TextEncoder().encode(password);
  const S = new TextEncoder().encode(s);

  const B = sha512.create().update(P).update(S).update(P).digest();

  const a = sha512.create().update(P).update(S);
  for (let n = P.length; n > 0; n -= 64) a.update(B.subarray(0, Math.min(64, n)));
  for (let n = P.length; n > 0; n >>>= 1) a.update(n & 1 ? B : P);
  const A = a.digest();

  const dp = sha512.create();
  for (let i = 0; i < P.length; i++) dp.update(P);
  const pSeq = repeatTo(dp.digest(), P.length);

  const ds = sha512.create();
  for (let i = 0; i < 16 + A[0]!; i++) ds.update(S);
  const sSeq = repeatTo(ds.digest(), S.length);

  let C = A;
  for (let i = 0; i < r; i++) {
    const c = sha512.create();
    c.update(i & 1 ? pSeq : C);
    if (i % 3 !== 0) c.update(sSeq);
    if (i % 7 !== 0) c.update(pSeq);
    c.update(i & 1 ? C : pSeq);
    C = c.digest();
  }

  let hash = '';
  for (const [x, y, z] of ORDER) hash += b64((C[x]! << 16) | (C[y]! << 8) | C[z]!, 4);
  hash += b64(C[63]!, 2);
  return r === DEFAULT_ROUNDS ? `$6$${s}$${hash}` : `$6$rounds=${r}$${s}$${hash}`;
}

/** `length` salt characters from `random` (e.g. crypto.getRandomValues); 256 = 4·64, so unbiased. */
export function randomSalt(random: (n: number) => Uint8Array, length = MAX_SALT): string {
  if (!Number.isInteger(length) || length < 1 || length > MAX_SALT) {
    throw new RangeError(`A salt is 1–${MAX_SALT} characters, got ${length}`);
  }
  const bytes = random(length);
  if (bytes.length < length) throw new RangeError(`random(${length}) returned only ${bytes.length} bytes`);
  let out = '';
  for (let i = 0; i < length; i++) out += CRYPT_ALPHABET[bytes[i]! & 0x3f];
  return out;
}

/** What LabDeck stores and sends: a `$6$` hash with a fresh 16-character salt, default rounds. */
export function hashPassword(password: string, random: (n: number) => Uint8Array): string {
  return sha512Crypt(password, randomSalt(random));
}
