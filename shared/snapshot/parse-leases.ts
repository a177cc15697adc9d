import type { DhcpLease, IpFamily } from './types';
import { tableRows } from './virsh-text';

/**
 * Parses `virsh net-dhcp-leases NET`. Rows:
 *  " 2024-05-01 12:34:56   52:54:00:12:34:56   ipv4   192.168.122.45/24   host   01:52:54:…"
 * Hostnames and client IDs hold no spaces; virsh prints "-" for a missing one.
 */
export function parseDhcpLeases(body: string): DhcpLease[] {
  return (tableRows(body)?.rows ?? []).flatMap((row) => {
    const [date, time, mac, proto, cidr, hostname, clientId] = row.trim().split(/\s+/);
    const addr = splitCidr(cidr);
    if (!date || !time || !mac || !addr) return [];
    const lease: DhcpLease = {
      mac: mac.toLowerCase(),
      family: toFamily(proto, addr.address),
      ip: addr.address,
      expiry: `${date} ${time}`,
    };
    if (addr.prefixLen !== undefined) lease.prefixLen = addr.prefixLen;
    if (hostname && hostname !== '-') lease.hostname = hostname;
    if (clientId && clientId !== '-') lease.clientId = clientId;
    return [lease];
  });
}

export interface IfAddrRow {
  /** The host-side device, e.g. vnet0. */
  name: string;
  mac: string;
  family: IpFamily;
  address: string;
  prefixLen?: number;
}

/**
 * Parses `virsh domifaddr DOM --source lease`. An interface's further addresses come on rows with
 * "-" for name and MAC; an interface without any address shows "N/A".
 */
export function parseDomIfAddr(body: string): IfAddrRow[] {
  const out: IfAddrRow[] = [];
  let name = '';
  let mac = '';
  for (const row of tableRows(body)?.rows ?? []) {
    const [n, m, proto, cidr] = row.trim().split(/\s+/);
    if (n && n !== '-') name = n;
    if (m && m !== '-') mac = m.toLowerCase();
    const addr = splitCidr(cidr);
    if (!addr || !mac) continue;
    const r: IfAddrRow = { name, mac, family: toFamily(proto, addr.address), address: addr.address };
    if (addr.prefixLen !== undefined) r.prefixLen = addr.prefixLen;
    out.push(r);
  }
  return out;
}

function splitCidr(cidr: string | undefined): { address: string; prefixLen?: number } | undefined {
  if (!cidr || cidr === 'N/A' || cidr === '-') return undefined;
  const [address = '', prefix] = cidr.split('/');
  if (!/^[0-9a-fA-F.:]+$/.test(address)) return undefined;
  return prefix !== undefined && /^\d+$/.test(prefix) ? { address, prefixLen: Number(prefix) } : { address };
}

function toFamily(proto: string | undefined, address: string): IpFamily {
  return proto === 'ipv6' || (proto !== 'ipv4' && address.includes(':')) ? 'ipv6' : 'ipv4';
}
