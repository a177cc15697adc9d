/** Byte writers shared by the ISO 9660 builder and its Rock Ridge entries. */

const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** ISO 9660's "both-byte orders" 16-bit field: little-endian, then big-endian. */
export function both16(b: Uint8Array, at: number, v: number): void {
  view(b).setUint16(at, v, true);
  view(b).setUint16(at + 2, v, false);
}

export function both32(b: Uint8Array, at: number, v: number): void {
  view(b).setUint32(at, v, true);
  view(b).setUint32(at + 4, v, false);
}

export function uint32(b: Uint8Array, at: number, v: number, littleEndian: boolean): void {
  view(b).setUint32(at, v, littleEndian);
}

export function uint16(b: Uint8Array, at: number, v: number, littleEndian: boolean): void {
  view(b).setUint16(at, v, littleEndian);
}

/** ASCII, padded with spaces. */
export function ascii(b: Uint8Array, at: number, len: number, text: string): void {
  for (let i = 0; i < len; i++) b[at + i] = i < text.length ? text.charCodeAt(i) : 0x20;
}

/** The 7-byte date of a directory record (and of Rock Ridge's TF), UTC. */
export function recordDate(d: Date): number[] {
  return [
    d.getUTCFullYear() - 1900,
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    0,
  ];
}
