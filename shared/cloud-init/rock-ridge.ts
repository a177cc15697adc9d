import { ascii, both32, recordDate } from './iso-bytes';

/**
 * Rock Ridge (RRIP 1.10, "RRIP_1991A", as genisoimage -r writes it) for the primary tree: the
 * exact file name (NM), read-only POSIX modes owned by root (PX), timestamps (TF). Linux prefers
 * Rock Ridge over Joliet when both are there, so these entries decide the names a guest sees.
 * Only the System Use bytes of directory records are made here; iso9660.ts places them.
 */

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;

const ER_ID = 'RRIP_1991A';
const ER_DESCRIPTION = 'THE ROCK RIDGE INTERCHANGE PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS';
const ER_SOURCE =
  'PLEASE CONTACT DISC PUBLISHER FOR SPECIFICATION SOURCE.  SEE PUBLISHER IDENTIFIER IN PRIMARY VOLUME DESCRIPTOR FOR CONTACT INFORMATION.';

/** The longest UTF-8 name that still fits one directory record with these entries. */
export const MAX_RR_NAME_BYTES = 136;

function entry(sig: string, body: number[] | Uint8Array): Uint8Array {
  const e = new Uint8Array(4 + body.length);
  ascii(e, 0, 2, sig);
  e[2] = e.length;
  e[3] = 1;
  e.set(body, 4);
  return e;
}

function px(mode: number, links: number): Uint8Array {
  const body = new Uint8Array(32);
  both32(body, 0, mode);
  both32(body, 8, links);
  // uid and gid 0
  return entry('PX', body);
}

/** Modification, access and attribute-change times, all `date`. */
const tf = (date: Date): Uint8Array =>
  entry('TF', [0x0e, ...recordDate(date), ...recordDate(date), ...recordDate(date)]);

/** "RR" lists which RRIP entries follow (PX 0x01, NM 0x08, TF 0x80); RRIP 1.10 readers look for it. */
const rr = (flags: number): Uint8Array => entry('RR', [flags]);

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** The root's "." record: SP announces SUSP, CE points at the ER entry (too long for the record). */
export function rootDotEntries(date: Date, continuationSector: number): Uint8Array {
  const ce = new Uint8Array(24);
  both32(ce, 0, continuationSector);
  both32(ce, 8, 0);
  both32(ce, 16, continuationArea().length);
  return concat([entry('SP', [0xbe, 0xef, 0]), rr(0x81), px(S_IFDIR | 0o555, 2), tf(date), entry('CE', ce)]);
}

export function rootDotDotEntries(date: Date): Uint8Array {
  return concat([rr(0x81), px(S_IFDIR | 0o555, 2), tf(date)]);
}

export function fileEntries(name: string, date: Date): Uint8Array {
  const utf8 = new TextEncoder().encode(name);
  return concat([rr(0x89), entry('NM', [0, ...utf8]), px(S_IFREG | 0o444, 1), tf(date)]);
}

/** The ER entry naming RRIP 1.10, which lives in the continuation area. */
export function continuationArea(): Uint8Array {
  const text = new TextEncoder().encode(`${ER_ID}${ER_DESCRIPTION}${ER_SOURCE}`);
  return entry('ER', [ER_ID.length, ER_DESCRIPTION.length, ER_SOURCE.length, 1, ...text]);
}
