/** CRC-32 (IEEE 802.3, as zlib.crc32) of some bytes. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * The guest NIC name MAAS derives from a constraint label (get_ifname_for_label): a numeric
 * label n becomes `eth<n>`; a name over 15 bytes (the kernel's limit) becomes
 * `eth-<5 hex of crc32>-<last 5 bytes>`.
 */
export function ifnameForLabel(label: string): string {
  let name = /^[0-9]+$/.test(label) ? `eth${BigInt(label).toString()}` : label;
  const bytes = new TextEncoder().encode(name);
  if (bytes.length > 15) {
    const hash = crc32(bytes).toString(16).padStart(5, '0').slice(-5);
    const tail = new TextDecoder().decode(bytes.slice(bytes.length - 5));
    name = `eth-${hash}-${tail}`;
  }
  return name;
}
