import { Document, Scalar } from 'yaml';
import { formatIp, networkContains, parseCidr, parseIp, type IpNetwork } from '../compose/net/ip';
import { err, ok, type Result } from '../compose/result';
import { normaliseMac } from './checks';

/**
 * network-config version 2 for the NoCloud seed. The shape is kept small and fixed (one
 * `ethernets` entry per NIC: match, then addresses and gateway or dhcp4, block style, no
 * set-name) because a busybox guest in the lab reads it with awk, not a YAML parser.
 */

export interface SeedNic {
  mac: string;
  /** CIDR, e.g. "10.0.0.5/24"; none means DHCP. */
  addresses: string[];
  gateway?: string;
}

/** The address as typed, host bits kept: "10.0.0.5/24". */
const asCidr = (net: IpNetwork): string => `${formatIp({ family: net.family, value: net.address })}/${net.prefix}`;

function addressProblem(label: string, text: string, net: IpNetwork | null): string | null {
  if (net === null) {
    return parseIp(text.trim()) !== null
      ? `${label}: ${text.trim()} needs its prefix length, like ${text.trim()}/24.`
      : `${label}: "${text}" is not an address with a prefix, like 10.0.0.5/24 or 2001:db8::5/64.`;
  }
  const host = net.family === 4 ? 32 : 128;
  if (net.family === 4 && net.prefix < 31) {
    const last = net.network | ((1n << BigInt(host - net.prefix)) - 1n);
    if (net.address === net.network)
      return `${label}: ${asCidr(net)} is the network's own address; pick a host address.`;
    if (net.address === last)
      return `${label}: ${asCidr(net)} is the network's broadcast address; pick a host address.`;
  }
  return null;
}

/** The YAML text, undefined when every NIC uses DHCP (then no network-config is written at all). */
export function buildNetworkConfig(nics: readonly SeedNic[]): Result<string | undefined, string> {
  const problems: string[] = [];
  const seenMacs = new Set<string>();
  const gateways = { 4: 0, 6: 0 };
  const ethernets: Record<string, Record<string, unknown>> = {};

  nics.forEach((nic, i) => {
    const label = `NIC ${i} (nic${i})`;
    const mac = normaliseMac(nic.mac);
    if ('problem' in mac) problems.push(`${label}: ${mac.problem}`);
    else if (seenMacs.has(mac.mac)) problems.push(`${label}: the MAC ${mac.mac} is already used by another NIC.`);
    else seenMacs.add(mac.mac);

    const nets = nic.addresses.map((a) => parseCidr(a.trim()));
    nic.addresses.forEach((a, j) => {
      const p = addressProblem(label, a, nets[j]!);
      if (p) problems.push(p);
    });
    const valid = nets.filter((n): n is IpNetwork => n !== null);

    // Quoted: unquoted, YAML 1.1 (cloud-init's PyYAML) reads 52:54:00:12:34:56 as a base-60 number.
    const macaddress = new Scalar('mac' in mac ? mac.mac : nic.mac);
    macaddress.type = Scalar.QUOTE_DOUBLE;
    const entry: Record<string, unknown> = { match: { macaddress } };

    if (nic.addresses.length === 0) {
      if (nic.gateway !== undefined)
        problems.push(
          `${label}: a gateway needs a static address on the NIC; give one, or drop the gateway to use DHCP.`,
        );
      entry.dhcp4 = true;
    } else {
      entry.addresses = valid.map(asCidr);
      if (nic.gateway !== undefined) {
        const gw = parseIp(nic.gateway.trim());
        if (gw === null) {
          problems.push(`${label}: the gateway "${nic.gateway}" is not an IP address.`);
        } else if (!valid.some((n) => networkContains(n, gw))) {
          problems.push(
            `${label}: the gateway ${formatIp(gw)} is not in any of the NIC's subnets (${valid.map(asCidr).join(', ') || 'none'}).`,
          );
        } else if (valid.some((n) => n.address === gw.value && n.family === gw.family)) {
          problems.push(`${label}: the gateway ${formatIp(gw)} is the NIC's own address.`);
        } else {
          gateways[gw.family]++;
          // gateway4/gateway6 rather than routes: every cloud-init v2 renderer knows them, and so does the awk reader.
          entry[gw.family === 4 ? 'gateway4' : 'gateway6'] = formatIp(gw);
        }
      }
    }
    ethernets[`nic${i}`] = entry;
  });
  if (gateways[4] > 1) problems.push('Only one NIC can have the IPv4 default gateway; remove it from the others.');
  if (gateways[6] > 1) problems.push('Only one NIC can have the IPv6 default gateway; remove it from the others.');
  if (problems.length > 0) return err(problems.join('\n'));
  if (nics.every((n) => n.addresses.length === 0)) return ok(undefined);

  const doc = new Document({ version: 2, ethernets }, { version: '1.1' });
  return ok(doc.toString({ lineWidth: 0 }));
}
