/** Size units as libvirt writes them in XML (unit='KiB', 'M', 'GB', 'bytes' …) and as virsh prints them. */

const powers = ['b', 'k', 'm', 'g', 't', 'p', 'e'];

/**
 * Bytes per `unit` by libvirt's rules (virScaleInteger): 'b'/'bytes' = 1, a bare letter or "<letter>iB"
 * is binary, "<letter>B" decimal. `fallback` applies when the attribute is missing: libvirt's default
 * differs per element (KiB for domain memory, bytes for pools). undefined for an unknown unit.
 */
export function unitBytes(unit: string | undefined, fallback: string): number | undefined {
  const u = (unit ?? fallback).trim().toLowerCase();
  if (u === 'b' || u === 'byte' || u === 'bytes') return 1;
  const power = powers.indexOf(u.charAt(0));
  if (power <= 0) return undefined;
  const rest = u.slice(1);
  if (rest === '' || rest === 'ib') return 1024 ** power;
  if (rest === 'b') return 1000 ** power;
  return undefined;
}

/** A libvirt XML size value in bytes; undefined if the number or unit doesn't parse. */
export function sizeToBytes(value: string | undefined, unit: string | undefined, fallback: string): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  const per = unitBytes(unit, fallback);
  return per === undefined ? undefined : Number(value) * per;
}

/** virsh's rounded sizes ("196.00 MiB", "0.00 B": vshPrettyCapacity) back to (approximate) bytes. */
export function prettyToBytes(value: string, unit: string): number | undefined {
  const n = Number(value);
  const per = unitBytes(unit, 'b');
  if (!Number.isFinite(n) || per === undefined) return undefined;
  return Math.round(n * per);
}

/** 255.255.255.0 → 24; undefined for a non-contiguous or malformed mask. */
export function netmaskToPrefix(mask: string): number | undefined {
  const parts = mask.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  const bits = parts.map((p) => p.toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits) ? (bits.indexOf('0') === -1 ? 32 : bits.indexOf('0')) : undefined;
}

/** libvirt's default for an IPv4 <ip> without netmask/prefix is the classful one. */
export function classfulPrefix(address: string): number {
  const first = Number(address.split('.')[0]);
  return first < 128 ? 8 : first < 192 ? 16 : 24;
}
