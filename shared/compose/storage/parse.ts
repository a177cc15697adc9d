import { err, ok, positioned, type PositionedError, type Result } from '../result';
import { DEFAULT_STORAGE, type StorageDisk } from './types';

const LABEL = /^[A-Za-z0-9]+$/;

/** Bytes for a decimal GB string, exactly: no floating-point rounding ("0.3" → 300000000). */
export function gbTextToBytes(text: string): number {
  const [whole = '', frac = ''] = text.split('.');
  const nanos = (frac + '000000000').slice(0, 9);
  return Number(BigInt(whole || '0') * 1_000_000_000n + BigInt(nanos));
}

function describeChar(c: string): string {
  if (c === ' ') return 'a space';
  if (/\s/.test(c)) return 'a whitespace character';
  return `'${c}'`;
}

/**
 * Parses MAAS's storage grammar: comma-separated `[label:]size[(tag,…)]`, size in decimal GB.
 * Empty (or whitespace-only) text means the default `root:8(local)`. Surrounding whitespace is
 * ignored (as Django's CharField strips it); whitespace between disks is an error, as in MAAS.
 * Beyond MAAS: sizes must be > 0 and a well-formed number, labels unique, tags non-empty.
 */
export function parseStorage(text: string): Result<StorageDisk[], PositionedError> {
  let offset = 0;
  let src = text;
  if (src.trim() === '') {
    src = DEFAULT_STORAGE;
  } else {
    offset = src.length - src.trimStart().length;
    src = src.trim();
  }
  const at = (i: number) => i + offset;
  const disks: StorageDisk[] = [];
  let i = 0;
  for (;;) {
    const start = i;
    // Optional label: a run up to ':' before any size/tag/separator character.
    let label: string | null = null;
    const colon = src.indexOf(':', i);
    const stop = src.slice(i).search(/[,(]/);
    const stopAt = stop < 0 ? src.length : i + stop;
    if (colon >= 0 && colon < stopAt) {
      label = src.slice(i, colon);
      if (label === '')
        return err(
          positioned(at(i), "a label is missing before ':' — write label:size, e.g. root:8, or leave both out"),
        );
      if (!LABEL.test(label)) {
        const bad = [...label].findIndex((c) => !/[A-Za-z0-9]/.test(c));
        return err(
          positioned(
            at(i + bad),
            `disk label '${label}' contains ${describeChar(label[bad] ?? '')} — storage labels hold only letters and digits`,
          ),
        );
      }
      i = colon + 1;
    }
    // Size.
    const sizeMatch = /^[0-9]*\.?[0-9]*/.exec(src.slice(i));
    const sizeText = sizeMatch?.[0] ?? '';
    if (!/[0-9]/.test(sizeText)) {
      const found = src[i];
      return err(
        positioned(
          at(i),
          found === undefined
            ? `a size in GB is missing${label ? ` after '${label}:'` : ''} — e.g. ${label ?? 'root'}:8`
            : `expected a size in GB but found ${describeChar(found)} — e.g. ${label ?? 'root'}:8`,
        ),
      );
    }
    const sizeBytes = gbTextToBytes(sizeText);
    if (sizeBytes === 0) return err(positioned(at(i), 'a disk must be larger than 0 GB'));
    const sizePos = i;
    i += sizeText.length;
    // Tags.
    const tags: string[] = [];
    if (src[i] === '(') {
      const close = src.indexOf(')', i);
      if (close < 0) return err(positioned(at(i), "the tag list is not closed — add ')'"));
      let tagStart = i + 1;
      for (const raw of src.slice(i + 1, close).split(',')) {
        const tag = raw.trim();
        const tagPos = tagStart + (raw.length - raw.trimStart().length);
        if (tag === '') return err(positioned(at(tagStart), 'empty tag — remove the extra comma or write a tag name'));
        if (tag.includes('(')) return err(positioned(at(tagPos + tag.indexOf('(')), "tags may not contain '('"));
        tags.push(tag);
        tagStart += raw.length + 1;
      }
      i = close + 1;
    }
    const name = label ?? `disk${disks.length}`;
    const sizeGB = Number(sizeText);
    if (!Number.isFinite(sizeGB)) return err(positioned(at(sizePos), `size '${sizeText}' is not a number`));
    disks.push({ label, name, sizeGB, sizeBytes, tags, position: at(start), boot: disks.length === 0 });
    if (i >= src.length) break;
    if (src[i] !== ',') {
      const what = describeChar(src[i] ?? '');
      return err(
        positioned(
          at(i),
          src[i] === ')'
            ? "unexpected ')' — a tag list starts with '('"
            : `unexpected ${what} after disk ${disks.length} — separate disks with ',' and no spaces, e.g. root:8,data:20`,
        ),
      );
    }
    i += 1;
    if (i >= src.length) return err(positioned(at(i), "a disk is missing after ',' — remove the trailing comma"));
  }
  // Names must be unique: they become volume names.
  const byName = new Map<string, StorageDisk>();
  for (const d of disks) {
    const other = byName.get(d.name);
    if (other) {
      const why =
        d.label !== null && other.label !== null
          ? `disk label '${d.name}' is used twice`
          : `'${d.name}' clashes with the automatic name of an unlabelled disk — choose another label`;
      return err(positioned(d.position, why));
    }
    byName.set(d.name, d);
  }
  return ok(disks);
}
