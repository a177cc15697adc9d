import { isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { SeedFiles } from './seed';

/**
 * The seed as the plan and logs may show it: every password (hash or, in raw user-data, clear)
 * replaced by a marker. By key where the YAML reads, and then by shape for any crypt hash left
 * (a runcmd line, a comment), so a hash never reaches the screen.
 */

export const REDACTED = '<password hash>';

const SECRET_KEYS = new Set(['hashed_passwd', 'passwd', 'plain_text_passwd', 'password']);
const CRYPT_HASH = /\$(1|2[abxy]|5|6|7|y|gy|md5|sha1)\$[./0-9A-Za-z$=,]{8,}/g;

/** "user:secret" lines of chpasswd's old list form. */
const redactLine = (l: string): string => l.replace(/^([^:]*):.*$/, `$1:${REDACTED}`);

function redactUserData(text: string): string {
  const doc = parseDocument(text, { version: '1.1' });
  if (doc.errors.length > 0) return text.replace(CRYPT_HASH, REDACTED);
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && SECRET_KEYS.has(String(pair.key.value)) && isScalar(pair.value))
        pair.value.value = REDACTED;
    },
  });
  const list = doc.getIn(['chpasswd', 'list'], true);
  if (isScalar(list) && typeof list.value === 'string') {
    list.value = list.value
      .split('\n')
      .map((l) => (l === '' ? l : redactLine(l)))
      .join('\n');
  } else if (isSeq(list)) {
    for (const item of list.items)
      if (isScalar(item) && typeof item.value === 'string') item.value = redactLine(item.value);
  }
  return doc.toString({ lineWidth: 0 }).replace(CRYPT_HASH, REDACTED);
}

export function redactSeed(files: SeedFiles): SeedFiles {
  return { ...files, userData: redactUserData(files.userData) };
}
