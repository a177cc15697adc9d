/**
 * IPv4/IPv6 address and CIDR parsing without any I/O. Addresses are held as bigint so that one
 * code path serves both families.
 */

export type IpVersion = 4 | 6;

export interface IpAddress {
  family: IpVersion;
  value: bigint;
}

export interface IpNetwork {
  family: IpVersion;
  /** The network address (host bits cleared). */
  network: bigint;
  prefix: number;
  /** The address exactly as given before the slash (host bits kept), e.g. 10.0.0.5 in 10.0.0.5/24. */
  address: bigint;
}

const bits = (family: IpVersion): number => (family === 4 ? 32 : 128);

/** Strict dotted quad: four decimal octets 0–255, no leading zeros (they are ambiguous: octal?). */
export function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

/** RFC 4291 text forms, including "::" compression and a trailing dotted quad. No zone ids. */
export function parseIpv6(text: string): bigint | null {
  if (text.length === 0 || text.includes('%')) return null;
  let head = text;
  let tailV4: bigint | null = null;
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.slice(lastColon + 1).includes('.')) {
    tailV4 = parseIpv4(text.slice(lastColon + 1));
    if (tailV4 === null) return null;
    // Keep the colon so "::1.2.3.4" still has its "::"; drop a single trailing one.
    head = text.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const groupsWanted = tailV4 === null ? 8 : 6;
  const doubleAt = head.indexOf('::');
  if (doubleAt !== head.lastIndexOf('::')) return null;
  const parseGroups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  let groups: number[];
  if (doubleAt >= 0) {
    const left = parseGroups(head.slice(0, doubleAt));
    const right = parseGroups(head.slice(doubleAt + 2));
    if (left === null || right === null) return null;
    const missing = groupsWanted - left.length - right.length;
    if (missing < 1) return null;
    groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  } else {
    const all = parseGroups(head);
    if (all === null || all.length !== groupsWanted) return null;
    groups = all;
  }
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  if (tailV4 !== null) value = (value << 32n) | tailV4;
  return value;
}

export function parseIp(text: string): IpAddress | null {
  const v4 = parseIpv4(text);
  if (v4 !== null) return { family: 4, value: v4 };
  const v6 = parseIpv6(text);
  if (v6 !== null) return { family: 6, value: v6 };
  return null;
}

/** "addr/prefix"; host bits may be set (as in an interface address like 192.168.1.5/24). */
export function parseCidr(text: string): IpNetwork | null {
  const slash = text.indexOf('/');
  if (slash < 0 || slash !== text.lastIndexOf('/')) return null;
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (ip === null || !/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > bits(ip.family)) return null;
  return { family: ip.family, prefix, network: maskOf(ip.value, ip.family, prefix), address: ip.value };
}

function maskOf(value: bigint, family: IpVersion, prefix: number): bigint {
  const width = BigInt(bits(family));
  const hostBits = width - BigInt(prefix);
  return (value >> hostBits) << hostBits;
}

export function networkContains(net: IpNetwork, ip: IpAddress): boolean {
  return net.family === ip.family && maskOf(ip.value, ip.family, net.prefix) === net.network;
}

export function sameNetwork(a: IpNetwork, b: IpNetwork): boolean {
  return a.family === b.family && a.prefix === b.prefix && a.network === b.network;
}

export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) {
    const v = ip.value;
    return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join('.');
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((ip.value >> BigInt(i * 16)) & 0xffffn));
  // Longest run of zero groups (length ≥ 2) becomes "::" (RFC 5952).
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** Canonical "network/prefix" text, e.g. "192.168.1.0/24" for "192.168.1.7/24". */
export function formatNetwork(net: IpNetwork): string {
  return `${formatIp({ family: net.family, value: net.network })}/${net.prefix}`;
}

/** The network address and the broadcast (IPv4) / last address of a network. */
export function networkBounds(net: IpNetwork): { first: bigint; last: bigint } {
  const hostBits = BigInt(bits(net.family) - net.prefix);
  return { first: net.network, last: net.network | ((1n << hostBits) - 1n) };
}
