import { attr, child, childText, children, parseXmlRoot, text } from './xml';

/** The CPU modes LabDeck offers ('maximum' and future ones are left out). */
type KnownCpuMode = 'host-passthrough' | 'host-model' | 'custom' | 'default';

export interface DomCapabilities {
  /** <domain>: the virt type asked for. */
  domain: 'kvm' | 'qemu';
  arch: string;
  /** <machine>: the machine type described (libvirt's default unless --machine was given). */
  machines: string[];
  /** Every LabDeck mode; 'default' (no <cpu>) is always supported. */
  cpuModes: { mode: KnownCpuMode; supported: boolean }[];
  /** Models mode 'custom' can run as is (usable='yes'), in libvirt's order. */
  models: string[];
  /** The model host-model expands to. */
  hostModel?: string;
}

const LISTED: readonly KnownCpuMode[] = ['host-passthrough', 'host-model', 'custom'];

/**
 * Parses `virsh domcapabilities --virttype T --arch A`; undefined for anything else (virsh printed
 * an error, or the virt type is one LabDeck does not compose).
 */
export function parseDomCapabilities(xml: string): DomCapabilities | undefined {
  const root = parseXmlRoot(xml, 'domainCapabilities');
  const domain = childText(root, 'domain');
  const arch = childText(root, 'arch');
  if (!root || (domain !== 'kvm' && domain !== 'qemu') || !arch) return undefined;
  const modes = children(child(root, 'cpu'), 'mode');
  const mode = (name: string) => modes.find((m) => attr(m, 'name') === name);
  const custom = mode('custom');
  const hostModel = text(child(mode('host-model'), 'model'));
  const caps: DomCapabilities = {
    domain,
    arch,
    machines: children(root, 'machine')
      .map((m) => text(m) ?? '')
      .filter(Boolean),
    cpuModes: [
      ...LISTED.map((m) => ({ mode: m, supported: attr(mode(m), 'supported') === 'yes' })),
      { mode: 'default', supported: true },
    ],
    models:
      attr(custom, 'supported') === 'yes'
        ? children(custom, 'model')
            .filter((m) => attr(m, 'usable') === 'yes')
            .map((m) => text(m) ?? '')
            .filter(Boolean)
        : [],
  };
  if (hostModel) caps.hostModel = hostModel;
  return caps;
}
