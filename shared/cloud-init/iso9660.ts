import { ascii, both16, both32, recordDate, uint16, uint32 } from './iso-bytes';
import { continuationArea, fileEntries, MAX_RR_NAME_BYTES, rootDotDotEntries, rootDotEntries } from './rock-ridge';

/**
 * A minimal ISO 9660 image with Rock Ridge and a Joliet supplementary volume descriptor, like
 * genisoimage -J -r: one root directory of plain files, which is all a NoCloud seed needs. The
 * primary tree can only hold 8.3 upper-case names (META_DAT.;1); Rock Ridge (what Linux reads
 * first) and Joliet (what Windows and Rock-Ridge-less readers use) keep `meta-data` as written.
 * Pure bytes, and the same bytes for the same input: the date is a parameter (default the Unix
 * epoch), nothing else varies.
 *
 * Layout (2048-byte sectors): 0–15 system area, 16 primary descriptor, 17 Joliet descriptor,
 * 18 terminator, 19–22 path tables (L and M, primary then Joliet), 23 the Rock Ridge
 * continuation area, then the primary root directory, the Joliet root directory, and the files.
 */

export interface IsoFile {
  name: string;
  data: Uint8Array;
}

export interface IsoInput {
  /** The label blkid reports, e.g. "cidata"; kept as given, as genisoimage -V does. */
  volumeId: string;
  files: IsoFile[];
  /** Recorded as every timestamp; blkid derives the UUID from it. Default 1970-01-01T00:00:00Z. */
  date?: Date;
}

const SECTOR = 2048;
const CONTINUATION = 23;
const FIRST_DIR = 24;

/** UCS-2 big-endian, padded with UCS-2 spaces (Joliet's strings). */
function ucs2(b: Uint8Array, at: number, len: number, text: string): void {
  for (let i = 0; i + 1 < len; i += 2) {
    const c = i / 2 < text.length ? text.charCodeAt(i / 2) : 0x20;
    b[at + i] = c >> 8;
    b[at + i + 1] = c & 0xff;
  }
}

const ucs2Bytes = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length * 2);
  ucs2(out, 0, out.length, text);
  return out;
};

/** The 17-byte date of a volume descriptor: "YYYYMMDDHHMMSScc" and a zero UTC offset. */
function volumeDate(b: Uint8Array, at: number, d: Date | null): void {
  const p = (n: number, w: number): string => String(n).padStart(w, '0');
  const text = d
    ? `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1, 2)}${p(d.getUTCDate(), 2)}${p(d.getUTCHours(), 2)}${p(d.getUTCMinutes(), 2)}${p(d.getUTCSeconds(), 2)}00`
    : '0000000000000000';
  ascii(b, at, 16, text);
  b[at + 16] = 0;
}

interface Entry {
  id: Uint8Array;
  extent: number;
  size: number;
  dir: boolean;
  /** System Use bytes (Rock Ridge), after the identifier. */
  sua?: Uint8Array;
}

function directoryRecord(e: Entry, date: Date): Uint8Array {
  const idEnd = 33 + e.id.length + (e.id.length % 2 === 0 ? 1 : 0);
  const sua = e.sua ?? new Uint8Array(0);
  const len = idEnd + sua.length + ((idEnd + sua.length) % 2);
  if (len > 255) throw new RangeError('A directory record would exceed 255 bytes');
  const r = new Uint8Array(len);
  r[0] = len;
  both32(r, 2, e.extent);
  both32(r, 10, e.size);
  r.set(recordDate(date), 18);
  r[25] = e.dir ? 2 : 0;
  both16(r, 28, 1);
  r[32] = e.id.length;
  r.set(e.id, 33);
  r.set(sua, idEnd);
  return r;
}

/** Records packed into sectors; a record never crosses a sector boundary. */
function directorySectors(records: Uint8Array[]): number {
  let sectors = 1;
  let used = 0;
  for (const r of records) {
    if (used + r.length > SECTOR) {
      sectors++;
      used = 0;
    }
    used += r.length;
  }
  return sectors;
}

function writeDirectory(image: Uint8Array, sector: number, records: Uint8Array[]): void {
  let at = sector * SECTOR;
  for (const r of records) {
    if ((at % SECTOR) + r.length > SECTOR) at += SECTOR - (at % SECTOR);
    image.set(r, at);
    at += r.length;
  }
}

/** "meta-data" → "META_DAT.;1": ISO 9660 level 1, made unique within the directory. */
function primaryName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const clean = (s: string, n: number): string =>
    s
      .toUpperCase()
      .replace(/[^A-Z0-9_]/g, '_')
      .slice(0, n);
  let base = clean(dot > 0 ? name.slice(0, dot) : name, 8) || '_';
  const ext = clean(dot > 0 ? name.slice(dot + 1) : '', 3);
  for (let n = 1; taken.has(`${base}.${ext}`); n++) base = `${base.slice(0, 8 - String(n).length)}${n}`;
  taken.add(`${base}.${ext}`);
  return `${base}.${ext};1`;
}

function checkInput(input: IsoInput): void {
  if (!/^[A-Za-z0-9_]{1,16}$/.test(input.volumeId)) {
    throw new RangeError(`The volume id must be 1–16 letters, digits or _ (Joliet holds 16), got "${input.volumeId}"`);
  }
  const seen = new Set<string>();
  for (const f of input.files) {
    // Joliet forbids these, and allows 64 UCS-2 characters.
    const bad = [...f.name].some((c) => c.charCodeAt(0) < 0x20 || c.length > 1 || '*/:;?\\'.includes(c));
    if (bad || f.name.length < 1 || f.name.length > 64 || f.name === '.' || f.name === '..') {
      throw new RangeError(`"${f.name}" cannot be a Joliet file name`);
    }
    if (new TextEncoder().encode(f.name).length > MAX_RR_NAME_BYTES) {
      throw new RangeError(
        `"${f.name}" is longer than the ${MAX_RR_NAME_BYTES} bytes of UTF-8 a Rock Ridge name may have here`,
      );
    }
    if (seen.has(f.name)) throw new RangeError(`Two files are named "${f.name}"`);
    seen.add(f.name);
  }
}

function pathTables(image: Uint8Array, first: number, rootSector: number): void {
  for (const [i, little] of [
    [0, true],
    [1, false],
  ] as const) {
    const at = (first + i) * SECTOR;
    image[at] = 1; // the root's identifier is one byte, 0x00
    uint32(image, at + 2, rootSector, little);
    uint16(image, at + 6, 1, little);
  }
}

function descriptor(
  image: Uint8Array,
  o: {
    sector: number;
    joliet: boolean;
    volumeId: string;
    volumeSectors: number;
    pathTable: number;
    root: Entry;
    date: Date;
  },
): void {
  const d = image.subarray(o.sector * SECTOR, (o.sector + 1) * SECTOR);
  const text = o.joliet ? ucs2 : ascii;
  d[0] = o.joliet ? 2 : 1;
  ascii(d, 1, 5, 'CD001');
  d[6] = 1;
  text(d, 8, 32, '');
  text(d, 40, 32, o.volumeId);
  both32(d, 80, o.volumeSectors);
  if (o.joliet) ascii(d, 88, 3, '%/E'); // UCS-2 level 3
  both16(d, 120, 1);
  both16(d, 124, 1);
  both16(d, 128, SECTOR);
  both32(d, 132, 10);
  uint32(d, 140, o.pathTable, true);
  uint32(d, 148, o.pathTable + 1, false);
  // The root record in a descriptor is exactly 34 bytes: no System Use entries.
  d.set(directoryRecord({ ...o.root, sua: undefined }, o.date), 156);
  for (const [at, len] of [
    [190, 128],
    [318, 128],
    [446, 128],
    [574, 128],
    [702, 37],
    [739, 37],
    [776, 37],
  ] as const)
    text(d, at, len, '');
  volumeDate(d, 813, o.date);
  volumeDate(d, 830, o.date);
  volumeDate(d, 847, null);
  volumeDate(d, 864, o.date);
  d[881] = 1;
}

/** The image. Throws on a volume id or file name no ISO could hold: callers pass fixed names. */
export function buildIso9660(input: IsoInput): Uint8Array {
  checkInput(input);
  const date = input.date ?? new Date(0);
  const taken = new Set<string>();
  const named = input.files.map((f) => ({ ...f, primary: primaryName(f.name, taken) }));
  const dot = new Uint8Array([0]);
  const dotDot = new Uint8Array([1]);

  // Directory sizes depend only on the names, so place the directories first, then the files.
  const primaryRecords = (extents: { root: number; size: number; file: (i: number) => number }): Uint8Array[] => {
    const self = { extent: extents.root, size: extents.size, dir: true };
    const files = named
      .map((f, i) => ({ f, i }))
      .sort((a, b) => (a.f.primary < b.f.primary ? -1 : 1))
      .map(({ f, i }) => ({
        id: new TextEncoder().encode(f.primary),
        extent: extents.file(i),
        size: f.data.length,
        dir: false,
        sua: fileEntries(f.name, date),
      }));
    return [
      { ...self, id: dot, sua: rootDotEntries(date, CONTINUATION) },
      { ...self, id: dotDot, sua: rootDotDotEntries(date) },
      ...files,
    ].map((e) => directoryRecord(e, date));
  };
  const jolietRecords = (extents: { root: number; size: number; file: (i: number) => number }): Uint8Array[] => {
    const self = { extent: extents.root, size: extents.size, dir: true };
    const files = named
      .map((f, i) => ({ f, i }))
      .sort((a, b) => (a.f.name < b.f.name ? -1 : 1))
      .map(({ f, i }) => ({ id: ucs2Bytes(f.name), extent: extents.file(i), size: f.data.length, dir: false }));
    return [{ ...self, id: dot }, { ...self, id: dotDot }, ...files].map((e) => directoryRecord(e, date));
  };
  const dummy = { root: 0, size: 0, file: () => 0 };
  const primarySectors = directorySectors(primaryRecords(dummy));
  const jolietSectors = directorySectors(jolietRecords(dummy));
  const primaryRoot = FIRST_DIR;
  const jolietRoot = primaryRoot + primarySectors;

  const extents: number[] = [];
  let next = jolietRoot + jolietSectors;
  for (const f of named) {
    extents.push(next);
    next += Math.ceil(f.data.length / SECTOR);
  }
  const image = new Uint8Array(next * SECTOR);
  named.forEach((f, i) => image.set(f.data, extents[i]! * SECTOR));
  const file = (i: number): number => extents[i]!;
  writeDirectory(image, primaryRoot, primaryRecords({ root: primaryRoot, size: primarySectors * SECTOR, file }));
  writeDirectory(image, jolietRoot, jolietRecords({ root: jolietRoot, size: jolietSectors * SECTOR, file }));
  image.set(continuationArea(), CONTINUATION * SECTOR);

  const common = { volumeId: input.volumeId, volumeSectors: next, date };
  const root = (extent: number, sectors: number): Entry => ({ id: dot, extent, size: sectors * SECTOR, dir: true });
  descriptor(image, { ...common, sector: 16, joliet: false, pathTable: 19, root: root(primaryRoot, primarySectors) });
  descriptor(image, { ...common, sector: 17, joliet: true, pathTable: 21, root: root(jolietRoot, jolietSectors) });
  image[18 * SECTOR] = 255;
  ascii(image, 18 * SECTOR + 1, 5, 'CD001');
  image[18 * SECTOR + 6] = 1;
  pathTables(image, 19, primaryRoot);
  pathTables(image, 21, jolietRoot);
  return image;
}
