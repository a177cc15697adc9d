import type { IpFamily } from './types';
import { tableRows, virshErrors } from './virsh-text';

/**
 * `virsh domifaddr DOMAIN --source lease|arp|agent [--full]`, parsed (LC_ALL=C, stderr merged).
 *
 * virsh prints one row per address, `name  mac    proto  address/prefix`; without --full an
 * interface's further rows carry "-" for name and MAC; an interface without any address prints
 * "N/A" for protocol and address; a missing MAC prints as nothing at all. The guest agent's names
 * are the guest's own and may hold spaces ("Ethernet 2"), so a row is read from the right.
 *
 * On failure virsh prints "error: Failed to query for interfaces addresses" and then the reason.
 */

export interface DomIfAddr {
  /** The host-side device (lease, arp: vnet0, macvtap0) or the guest's own name (agent: eth0, lo). */
  ifname?: string;
  /** Lower-case, each octet two digits; '' when virsh printed none. */
  mac: string;
  family: IpFamily;
  address: string;
  prefixLen?: number;
}

export type DomIfAddrOutcome =
  | {
      ok: true;
      addresses: DomIfAddr[];
      /** Interfaces virsh listed, with or without addresses. */ interfaces: { ifname?: string; mac: string }[];
    }
  | {
      ok: false;
      /**
       * notRunning: the domain is not running (no source can answer).
       * unavailable: this source cannot answer for this domain or driver (no guest agent, test driver).
       * failed: anything else (libvirt's own error, e.g. its ARP reader failing).
       */
      reason: 'notRunning' | 'unavailable' | 'failed';
      message: string;
    };

const GENERIC = /^Failed to query for interfaces addresses$/i;
const NOT_RUNNING = /domain is not running/i;
const UNAVAILABLE = [
  /guest agent is not (configured|connected|responding|available)/i,
  /QEMU guest agent/i,
  /not supported by the connection driver/i,
  /unsupported .*source|source .*unsupported|unknown .*source/i,
  /Guest agent disappeared/i,
];

const MAC = /^[0-9a-f]{1,2}(:[0-9a-f]{1,2}){5,19}$/i;

/** "0:0:0:0:0:0" (some guest agents) → "00:00:00:00:00:00"; lower case. */
export function normaliseMac(mac: string): string {
  return mac
    .toLowerCase()
    .split(':')
    .map((o) => o.padStart(2, '0'))
    .join(':');
}

function splitCidr(text: string): { address: string; prefixLen?: number } | undefined {
  if (!text || text === 'N/A' || text === '-') return undefined;
  const slash = text.lastIndexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const prefix = slash < 0 ? undefined : text.slice(slash + 1);
  if (!/^[0-9a-fA-F.:]+$/.test(address) || !/[.:]/.test(address)) return undefined;
  return prefix !== undefined && /^\d+$/.test(prefix) ? { address, prefixLen: Number(prefix) } : { address };
}

function familyOf(proto: string, address: string): IpFamily {
  if (proto === 'ipv6') return 'ipv6';
  if (proto === 'ipv4') return 'ipv4';
  return address.includes(':') ? 'ipv6' : 'ipv4';
}

/** The reason virsh gave: its last error line that is not the generic "Failed to query…". */
function errorMessage(body: string): string | undefined {
  const errors = virshErrors(body);
  if (errors.length === 0) return undefined;
  const specific = errors.filter((e) => !GENERIC.test(e));
  return (specific.length > 0 ? specific : errors).join(' — ');
}

export function classifyDomIfAddrError(message: string): 'notRunning' | 'unavailable' | 'failed' {
  if (NOT_RUNNING.test(message)) return 'notRunning';
  if (UNAVAILABLE.some((re) => re.test(message))) return 'unavailable';
  return 'failed';
}

/** Parses one `domifaddr` run's output (its stderr merged in). */
export function parseDomIfAddrOutput(body: string): DomIfAddrOutcome {
  const message = errorMessage(body);
  if (message !== undefined) return { ok: false, reason: classifyDomIfAddrError(message), message };
  const table = tableRows(body);
  const addresses: DomIfAddr[] = [];
  const interfaces: { ifname?: string; mac: string }[] = [];
  let ifname: string | undefined;
  let mac = '';
  for (const row of table?.rows ?? []) {
    const t = row.trim().split(/\s+/);
    if (t.length < 2) continue;
    const cidr = t.pop()!;
    const proto = t.pop()!;
    // What is left is "name mac", "name" (no MAC), "- -" (a continuation) or a name with spaces.
    let rowMac: string | undefined;
    if (
      t.length > 0 &&
      (MAC.test(t[t.length - 1]!) || (t[t.length - 1] === '-' && t.length >= 2) || t[t.length - 1] === 'N/A')
    ) {
      rowMac = t.pop()!;
    }
    const rowName = t.join(' ');
    const continuation = rowName === '-' || (rowName === '' && rowMac === '-');
    if (!continuation) {
      ifname = rowName || undefined;
      mac = rowMac && MAC.test(rowMac) ? normaliseMac(rowMac) : '';
      interfaces.push(ifname === undefined ? { mac } : { ifname, mac });
    }
    const addr = splitCidr(cidr);
    if (!addr) continue;
    const a: DomIfAddr = { mac, family: familyOf(proto, addr.address), address: addr.address };
    if (ifname !== undefined) a.ifname = ifname;
    if (addr.prefixLen !== undefined) a.prefixLen = addr.prefixLen;
    addresses.push(a);
  }
  return { ok: true, addresses, interfaces };
}

export interface DomIfListRow {
  /** vnet0, macvtap0; undefined while the domain is shut off ("-"). */
  target?: string;
  /** 'network', 'bridge', 'direct', 'user' … */
  type: string;
  source?: string;
  model?: string;
  mac: string;
}

/** Parses `virsh domiflist DOMAIN`: Interface, Type, Source, Model, MAC (no cell holds spaces). */
export function parseDomIfList(body: string): DomIfListRow[] {
  const out: DomIfListRow[] = [];
  for (const row of tableRows(body)?.rows ?? []) {
    const [target, type, source, model, mac] = row.trim().split(/\s+/);
    if (!type || !mac || !MAC.test(mac)) continue;
    const r: DomIfListRow = { type, mac: normaliseMac(mac) };
    if (target && target !== '-') r.target = target;
    if (source && source !== '-') r.source = source;
    if (model && model !== '-') r.model = model;
    out.push(r);
  }
  return out;
}

export interface ArpEntry {
  address: string;
  mac: string;
  device: string;
}

/**
 * Parses /proc/net/arp (IP, HW type, Flags, HW address, Mask, Device): only complete entries
 * (flag 0x2 set) with a real MAC. This is what libvirt's `--source arp` reads too, via netlink.
 */
export function parseProcNetArp(body: string): ArpEntry[] {
  const out: ArpEntry[] = [];
  for (const line of body.split('\n').slice(1)) {
    const [address, , flags, mac, , device] = line.trim().split(/\s+/);
    if (!address || !flags || !mac || !device) continue;
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(address) || !MAC.test(mac)) continue;
    if ((Number.parseInt(flags, 16) & 0x2) === 0 || /^(0+:){5}0+$/.test(mac)) continue;
    out.push({ address, mac: normaliseMac(mac), device });
  }
  return out;
}
