import type { DhcpHost, ForwardMode, LibvirtNetwork, NetworkIp } from './types';
import { forwardModes } from './types';
import { classfulPrefix, netmaskToPrefix } from './units';
import { attr, child, childText, children, parseXmlRoot, type XmlNode } from './xml';

/** What a network's XML says; state (active, autostart, persistent) and leases come from elsewhere. */
export type NetworkDefinition = Omit<LibvirtNetwork, 'active' | 'autostart' | 'persistent' | 'leases'>;

/** Modes where libvirt runs no dnsmasq, so there is neither DNS nor DHCP from libvirt. */
const noDnsmasq = new Set<ForwardMode>(['bridge', 'private', 'vepa', 'passthrough', 'hostdev']);

/** Parses `virsh net-dumpxml`; undefined if it isn't a network with name and UUID. */
export function parseNetworkXml(xml: string): NetworkDefinition | undefined {
  const net = parseXmlRoot(xml, 'network');
  const name = childText(net, 'name');
  const uuid = childText(net, 'uuid');
  if (!net || !name || !uuid) return undefined;
  const forward = child(net, 'forward');
  const forwardMode = toForwardMode(forward);
  const forwardDevs = [attr(forward, 'dev'), ...children(forward, 'interface').map((i) => attr(i, 'dev'))];
  const result: NetworkDefinition = {
    name,
    uuid,
    forwardMode,
    forwardDevs: [...new Set(forwardDevs.filter((d): d is string => !!d))],
    ips: children(net, 'ip').flatMap(toIp),
    dnsEnabled: attr(child(net, 'dns'), 'enable') !== 'no' && !noDnsmasq.has(forwardMode),
  };
  const bridge = attr(child(net, 'bridge'), 'name');
  if (bridge) result.bridge = bridge;
  return result;
}

function toForwardMode(forward: XmlNode | undefined): ForwardMode {
  if (!forward) return 'isolated';
  const mode = attr(forward, 'mode') ?? 'nat'; // <forward/> without mode means NAT
  return (forwardModes as readonly string[]).includes(mode) ? (mode as ForwardMode) : 'other';
}

function toIp(ip: XmlNode): NetworkIp[] {
  const address = attr(ip, 'address');
  if (!address) return [];
  const family = attr(ip, 'family') === 'ipv6' || address.includes(':') ? 'ipv6' : 'ipv4';
  const prefix = attr(ip, 'prefix');
  const netmask = attr(ip, 'netmask');
  const prefixLen =
    prefix !== undefined && /^\d+$/.test(prefix)
      ? Number(prefix)
      : netmask
        ? (netmaskToPrefix(netmask) ?? 0)
        : family === 'ipv6'
          ? 64
          : classfulPrefix(address);
  const dhcp = child(ip, 'dhcp');
  return [
    {
      family,
      address,
      prefixLen,
      dhcp: dhcp
        ? {
            ranges: children(dhcp, 'range').flatMap((r) => {
              const start = attr(r, 'start');
              const end = attr(r, 'end');
              return start && end ? [{ start, end }] : [];
            }),
            hosts: children(dhcp, 'host').flatMap(toDhcpHost),
          }
        : null,
    },
  ];
}

function toDhcpHost(h: XmlNode): DhcpHost[] {
  const ip = attr(h, 'ip');
  if (!ip) return [];
  const host: DhcpHost = { ip };
  const mac = attr(h, 'mac');
  const name = attr(h, 'name');
  if (mac) host.mac = mac.toLowerCase();
  if (name) host.name = name;
  return [host];
}
