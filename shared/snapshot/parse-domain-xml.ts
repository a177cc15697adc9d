import type { Domain, DomainDisk, DomainNic } from './types';
import { sizeToBytes } from './units';
import { attr, child, childText, children, parseXmlRoot, text, type XmlNode } from './xml';

/** What a domain's XML says; its state comes from `domstate`, NIC addresses from leases. */
export type DomainDefinition = Omit<Domain, 'state'>;

/**
 * Parses `virsh dumpxml` (the live XML for a running domain, so NIC targets vnetN/macvtapN are there).
 * undefined if it isn't a domain with name and UUID.
 */
export function parseDomainXml(xml: string): DomainDefinition | undefined {
  const dom = parseXmlRoot(xml, 'domain');
  const name = childText(dom, 'name');
  const uuid = childText(dom, 'uuid');
  if (!dom || !name || !uuid) return undefined;
  const memoryKiB = kib(child(dom, 'memory')) ?? 0;
  const vcpu = child(dom, 'vcpu');
  const devices = child(dom, 'devices');
  const result: DomainDefinition = {
    name,
    uuid,
    // current= is how many vCPUs are online when fewer than the maximum are.
    vcpus: Number(attr(vcpu, 'current') ?? text(vcpu) ?? 0) || 0,
    memoryKiB,
    currentMemoryKiB: kib(child(dom, 'currentMemory')) ?? memoryKiB,
    disks: children(devices, 'disk').map(toDisk),
    nics: children(devices, 'interface').map(toNic),
  };
  const virtType = attr(dom, 'type');
  if (virtType) result.virtType = virtType;
  const arch = attr(child(child(dom, 'os'), 'type'), 'arch');
  if (arch) result.arch = arch;
  return result;
}

/** Domain memory defaults to KiB when unit= is missing. */
function kib(node: XmlNode | undefined): number | undefined {
  const bytes = sizeToBytes(text(node), attr(node, 'unit'), 'KiB');
  return bytes === undefined ? undefined : bytes / 1024;
}

const sourceAttrs = ['file', 'dev', 'dir', 'pool', 'volume', 'protocol', 'name'] as const;

function toDisk(d: XmlNode): DomainDisk {
  const src = child(d, 'source');
  const source: NonNullable<DomainDisk['source']> = {};
  for (const a of sourceAttrs) {
    const v = attr(src, a);
    if (v !== undefined) source[a] = v;
  }
  const target = child(d, 'target');
  const disk: DomainDisk = {
    device: attr(d, 'device') ?? 'disk',
    type: attr(d, 'type') ?? 'file',
    // An empty cdrom has no <source> (or one without attributes).
    source: Object.keys(source).length > 0 ? source : null,
  };
  const dev = attr(target, 'dev');
  const bus = attr(target, 'bus');
  const format = attr(child(d, 'driver'), 'type');
  if (dev) disk.target = dev;
  if (bus) disk.bus = bus;
  if (format) disk.format = format;
  return disk;
}

function toNic(i: XmlNode): DomainNic {
  const type = attr(i, 'type') ?? 'unknown';
  const src = child(i, 'source');
  // A running type='network' NIC also carries bridge= in its source: the type decides what counts.
  const source =
    type === 'network'
      ? attr(src, 'network')
      : type === 'bridge'
        ? attr(src, 'bridge')
        : type === 'direct'
          ? attr(src, 'dev')
          : (attr(src, 'network') ?? attr(src, 'bridge') ?? attr(src, 'dev') ?? attr(src, 'path'));
  const nic: DomainNic = { type, ips: [] };
  if (source) nic.source = source;
  const mode = type === 'direct' ? attr(src, 'mode') : undefined;
  // libvirt's default macvtap mode is vepa.
  if (type === 'direct') nic.mode = mode ?? 'vepa';
  const mac = attr(child(i, 'mac'), 'address');
  const model = attr(child(i, 'model'), 'type');
  const target = attr(child(i, 'target'), 'dev');
  if (mac) nic.mac = mac.toLowerCase();
  if (model) nic.model = model;
  if (target) nic.target = target;
  return nic;
}
