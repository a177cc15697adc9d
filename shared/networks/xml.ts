import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { DhcpRangeInput, NetworkSpecParsed } from '../contract/networks';
import { parseCidr, formatIp } from '../compose/net/ip';
import { xmlBuilder } from '../compose/domain-xml/xml';

/**
 * Network XML, always through fast-xml-parser: new networks from a spec with the compose XML
 * builder, edits of an existing network's XML in fast-xml-parser's order-preserving form (so
 * everything LabDeck does not touch — uuid, mac, nat ports, dns — comes back as it was).
 */

/** The XML `virsh net-define` gets for a new network (libvirt adds uuid, mac and a virbrN bridge). */
export function buildNetworkXml(spec: NetworkSpecParsed): string {
  const network: Record<string, unknown> = { name: spec.name };
  switch (spec.kind) {
    case 'nat':
      network.forward = { '@_mode': 'nat' };
      break;
    case 'route':
      network.forward = { '@_mode': 'route' };
      break;
    case 'isolated':
      break;
    case 'bridge':
      network.forward = { '@_mode': 'bridge' };
      network.bridge = { '@_name': spec.bridge ?? '' };
      break;
    case 'macvtap':
      network.forward = {
        '@_mode': spec.macvtapMode ?? 'bridge',
        interface: spec.devices.map((dev) => ({ '@_dev': dev })),
      };
      break;
  }
  if (spec.kind === 'nat' || spec.kind === 'route' || spec.kind === 'isolated') {
    const cidr = spec.ipv4 ? parseCidr(spec.ipv4) : null;
    if (cidr) {
      const ip: Record<string, unknown> = {
        '@_address': formatIp({ family: cidr.family, value: cidr.address }),
        '@_prefix': String(cidr.prefix),
      };
      if (spec.dhcp) ip.dhcp = { range: { '@_start': spec.dhcp.start, '@_end': spec.dhcp.end } };
      network.ip = ip;
    }
  }
  return xmlBuilder(true).build({ network }) as string;
}

// ------------------------------------------------------------ order-preserving edits

/** One element in fast-xml-parser's preserveOrder form: { tag: children[], ':@': { '@_attr': … } }. */
type ONode = Record<string, unknown>;

const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  processEntities: true,
  htmlEntities: true,
});

const orderedBuilder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

const tagOf = (n: ONode): string | undefined => Object.keys(n).find((k) => k !== ':@');
const kids = (n: ONode): ONode[] => {
  const t = tagOf(n);
  const v = t ? n[t] : undefined;
  return Array.isArray(v) ? (v as ONode[]) : [];
};
const attrs = (n: ONode): Record<string, string> => (n[':@'] as Record<string, string> | undefined) ?? {};
const el = (tag: string, attributes: Record<string, string>, children: ONode[] = []): ONode => ({
  [tag]: children,
  ...(Object.keys(attributes).length
    ? { ':@': Object.fromEntries(Object.entries(attributes).map(([k, v]) => [`@_${k}`, v])) }
    : {}),
});

export interface DhcpEdit {
  /** undefined: leave DHCP as it is; null: remove <dhcp>; a range: DHCP on with exactly this range. */
  dhcp?: DhcpRangeInput | null;
  addHosts?: { mac?: string; ip: string; name?: string }[];
  /** Host entries to drop, matched by IP (and MAC when given). */
  removeHosts?: { mac?: string; ip: string }[];
}

/**
 * The network XML with its IPv4 <dhcp> changed as asked; an error text when the XML is no network
 * or has no IPv4 address to serve.
 */
export function editNetworkXml(xml: string, edit: DhcpEdit): { ok: true; xml: string } | { ok: false; error: string } {
  let doc: ONode[];
  try {
    doc = orderedParser.parse(xml) as ONode[];
  } catch (e) {
    return { ok: false, error: `The network XML does not parse: ${(e as Error).message}` };
  }
  const net = doc.find((n) => tagOf(n) === 'network');
  if (!net) return { ok: false, error: 'The XML is not a <network>.' };
  const touchesDhcp =
    edit.dhcp !== undefined || (edit.addHosts?.length ?? 0) > 0 || (edit.removeHosts?.length ?? 0) > 0;
  if (!touchesDhcp) return { ok: true, xml: orderedBuilder.build(doc) as string };
  const ip = kids(net).find(
    (n) => tagOf(n) === 'ip' && attrs(n)['@_family'] !== 'ipv6' && !(attrs(n)['@_address'] ?? '').includes(':'),
  );
  if (!ip) return { ok: false, error: 'This network has no IPv4 address, so libvirt cannot serve DHCP on it.' };
  const ipKids = kids(ip);
  let dhcpIdx = ipKids.findIndex((n) => tagOf(n) === 'dhcp');
  if (edit.dhcp === null) {
    if (dhcpIdx >= 0) ipKids.splice(dhcpIdx, 1);
    return { ok: true, xml: orderedBuilder.build(doc) as string };
  }
  if (dhcpIdx < 0) {
    if (edit.dhcp === undefined)
      return { ok: false, error: 'DHCP is off on this network: turn it on to keep static host entries.' };
    ipKids.push(el('dhcp', {}));
    dhcpIdx = ipKids.length - 1;
  }
  const dhcp = ipKids[dhcpIdx] as ONode;
  let entries = kids(dhcp);
  if (edit.dhcp) {
    entries = entries.filter((n) => tagOf(n) !== 'range');
    entries.unshift(el('range', { start: edit.dhcp.start, end: edit.dhcp.end }));
  }
  for (const h of edit.removeHosts ?? []) {
    entries = entries.filter((n) => {
      if (tagOf(n) !== 'host') return true;
      const a = attrs(n);
      return !(a['@_ip'] === h.ip && (h.mac === undefined || (a['@_mac'] ?? '').toLowerCase() === h.mac.toLowerCase()));
    });
  }
  for (const h of edit.addHosts ?? []) {
    entries.push(
      el('host', { ...(h.mac ? { mac: h.mac.toLowerCase() } : {}), ...(h.name ? { name: h.name } : {}), ip: h.ip }),
    );
  }
  dhcp.dhcp = entries;
  return { ok: true, xml: orderedBuilder.build(doc) as string };
}

/** One `<range …/>` or `<host …/>` element on one line, as `virsh net-update --xml` takes it. */
export function dhcpElementXml(tag: 'range' | 'host', attributes: Record<string, string | undefined>): string {
  const a = Object.fromEntries(
    Object.entries(attributes)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [`@_${k}`, v]),
  );
  return xmlBuilder(false).build({ [tag]: a }) as string;
}

/** Pretty-prints any network XML the same way (so a diff shows changes, not formatting). */
export function normalizeXml(xml: string): string {
  try {
    return (orderedBuilder.build(orderedParser.parse(xml)) as string).trim() + '\n';
  } catch {
    return xml;
  }
}
