import { normalizeMacvlanMode, type MacvlanMode } from '../compose/macvlan-modes';
import type { Domain, DomainNic, HostSnapshot, LibvirtNetwork, NetInterface } from '../snapshot/types';

/** Where one VM NIC meets the host. */
export interface NicAttachment {
  domain: Domain;
  nic: DomainNic;
  /** Position of the NIC in the domain XML (0-based). */
  index: number;
  /** The libvirt network, for type='network' NICs whose network exists. */
  network?: LibvirtNetwork;
  /**
   * The host interfaces the NIC's traffic enters: the bridge (type bridge), the macvtap parent
   * (type direct), the network's bridge or its forward devices (type network).
   */
  hostInterfaces: string[];
  /** Set when the NIC is a macvtap: directly (type direct) or through a macvtap-mode network. */
  macvtapMode?: MacvlanMode;
}

/** Domains that hold their NICs open on the host right now. */
export const isDomainUp = (d: Domain): boolean =>
  d.state === 'running' || d.state === 'idle' || d.state === 'paused' || d.state === 'in shutdown';

/** libvirt's default mode for <interface type='direct'> without a mode is vepa. */
const DIRECT_DEFAULT_MODE: MacvlanMode = 'vepa';

/** A network in one of the macvtap forward modes hands out macvtaps on its forward devices. */
function networkMacvtapMode(n: LibvirtNetwork): MacvlanMode | undefined {
  if (n.forwardMode === 'vepa' || n.forwardMode === 'private' || n.forwardMode === 'passthrough') return n.forwardMode;
  // forward mode='bridge' without a <bridge name> but with forward devices is a macvtap pool in bridge mode.
  if (n.forwardMode === 'bridge' && !n.bridge && n.forwardDevs.length > 0) return 'bridge';
  return undefined;
}

function attachmentOf(
  domain: Domain,
  nic: DomainNic,
  index: number,
  networks: readonly LibvirtNetwork[],
): NicAttachment {
  const base = { domain, nic, index };
  if (nic.type === 'bridge') return { ...base, hostInterfaces: nic.source ? [nic.source] : [] };
  if (nic.type === 'direct') {
    return {
      ...base,
      hostInterfaces: nic.source ? [nic.source] : [],
      macvtapMode: normalizeMacvlanMode(nic.mode) ?? DIRECT_DEFAULT_MODE,
    };
  }
  if (nic.type === 'network') {
    const network = networks.find((n) => n.name === nic.source);
    if (!network) return { ...base, hostInterfaces: [] };
    const macvtapMode = networkMacvtapMode(network);
    const hostInterfaces = network.bridge ? [network.bridge] : [...network.forwardDevs];
    return macvtapMode ? { ...base, network, hostInterfaces, macvtapMode } : { ...base, network, hostInterfaces };
  }
  return { ...base, hostInterfaces: [] };
}

/** Every NIC of every domain, with what it attaches to on the host. */
export function nicAttachments(snapshot: Pick<HostSnapshot, 'libvirt'>): NicAttachment[] {
  const lv = snapshot.libvirt;
  if (!lv || lv.error) return [];
  return lv.domains.flatMap((d) => domainAttachments(d, lv.networks));
}

/** One domain's NICs, with what each attaches to (for a view that draws a few VMs of many). */
export const domainAttachments = (d: Domain, networks: readonly LibvirtNetwork[]): NicAttachment[] =>
  d.nics.map((nic, i) => attachmentOf(d, nic, i, networks));

/** A short name for a NIC in sentences: its MAC, else its position. */
export const nicLabel = (a: Pick<NicAttachment, 'nic' | 'index'>): string =>
  a.nic.mac ? `NIC ${a.nic.mac}` : `NIC ${a.index + 1}`;

/** Interfaces that are the host end of something else (taps, macvtaps) or not a network at all (lo). */
export const isHostEndDevice = (i: NetInterface): boolean =>
  i.kind === 'tap' || i.kind === 'macvtap' || i.kind === 'loopback';
