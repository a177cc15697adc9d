import type { NetworkChange, NetworkKind, NetworkSpec } from '../../../../shared/contract/networks';
import type { MacvlanMode } from '../../../../shared/contract/host';
import { maasPreset, suggestSubnet } from '../../../../shared/networks/presets';
import type { HostSnapshot, LibvirtNetwork } from '../../../../shared/snapshot/types';

/** The DHCP part of both forms (New and Edit network), as typed. */
export interface DhcpDraft {
  dhcpOn: boolean;
  dhcpStart: string;
  dhcpEnd: string;
}

/** What the New network form holds, as typed. */
export interface CreateDraft extends DhcpDraft {
  preset: 'none' | 'maas';
  name: string;
  kind: NetworkKind;
  ipv4: string;
  bridge: string;
  mode: MacvlanMode;
  devices: string[];
  autostart: boolean;
  start: boolean;
}

/** Props of a part of the New network form: the host it is for, the draft, and where changes go. */
export type CreateDraftProps = {
  snapshot: HostSnapshot;
  draft: CreateDraft;
  onChange: (d: CreateDraft) => void;
};

/** A /24's .100–.200 (or the middle of a smaller one) as the DHCP range to offer. */
export function suggestRange(ipv4: string): { start: string; end: string } {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(ipv4.trim());
  if (!m || Number(m[5]) > 24) return { start: '', end: '' };
  return { start: `${m[1]}.${m[2]}.${m[3]}.100`, end: `${m[1]}.${m[2]}.${m[3]}.200` };
}

export function initialCreateDraft(snapshot: HostSnapshot): CreateDraft {
  const ipv4 = suggestSubnet(snapshot);
  const r = suggestRange(ipv4);
  return {
    preset: 'none',
    name: '',
    kind: 'nat',
    ipv4,
    dhcpOn: true,
    dhcpStart: r.start,
    dhcpEnd: r.end,
    bridge:
      snapshot.interfaces.find(
        (i) =>
          i.kind === 'bridge' &&
          !(snapshot.libvirt?.networks ?? []).some((n) => n.bridge === i.name && n.forwardMode !== 'bridge'),
      )?.name ?? '',
    mode: 'bridge',
    devices: [],
    autostart: true,
    start: true,
  };
}

/** The MAAS-ready preset applied to the form: named maas, DHCP off, NAT or bridged to the chosen bridge. */
export function withMaasPreset(d: CreateDraft, snapshot: HostSnapshot, via: 'nat' | 'bridge'): CreateDraft {
  const spec = maasPreset(
    snapshot,
    via === 'bridge' && d.bridge ? { kind: 'bridge', bridge: d.bridge } : { kind: 'nat' },
  );
  return {
    ...d,
    preset: 'maas',
    name: spec.name,
    kind: spec.kind,
    ipv4: spec.ipv4 ?? d.ipv4,
    dhcpOn: false,
    autostart: true,
    start: true,
  };
}

export function createChange(d: CreateDraft): NetworkChange {
  const spec: NetworkSpec = {
    name: d.name.trim(),
    kind: d.kind,
    dhcp: null,
    autostart: d.autostart,
    start: d.start,
    devices: [],
  };
  if (d.kind === 'nat' || d.kind === 'route' || d.kind === 'isolated') {
    spec.ipv4 = d.ipv4.trim();
    if (d.dhcpOn) spec.dhcp = { start: d.dhcpStart.trim(), end: d.dhcpEnd.trim() };
  }
  if (d.kind === 'bridge') spec.bridge = d.bridge;
  if (d.kind === 'macvtap') {
    spec.macvtapMode = d.mode;
    spec.devices = d.devices;
  }
  return { op: 'create', spec };
}

/** A static host to add, as typed: MAC, IP, optional name. */
export interface NewStaticHost {
  mac: string;
  ip: string;
  name: string;
}

/** What the Edit form holds. */
export interface EditDraft extends DhcpDraft {
  addHosts: NewStaticHost[];
  /** IPs of existing static hosts to remove. */
  removeIps: string[];
  autostart: boolean;
}

export function initialEditDraft(n: LibvirtNetwork): EditDraft {
  const ip4 = n.ips.find((i) => i.family === 'ipv4');
  const range = ip4?.dhcp?.ranges[0];
  const fallback = ip4 ? suggestRange(`${ip4.address}/${ip4.prefixLen}`) : { start: '', end: '' };
  return {
    dhcpOn: !!ip4?.dhcp,
    dhcpStart: range?.start ?? fallback.start,
    dhcpEnd: range?.end ?? fallback.end,
    addHosts: [],
    removeIps: [],
    autostart: n.autostart,
  };
}

export function editChange(n: LibvirtNetwork, d: EditDraft): NetworkChange {
  const before = initialEditDraft(n);
  const rangeChanged = d.dhcpOn && (d.dhcpStart.trim() !== before.dhcpStart || d.dhcpEnd.trim() !== before.dhcpEnd);
  const dhcp =
    d.dhcpOn !== before.dhcpOn || rangeChanged
      ? d.dhcpOn
        ? { start: d.dhcpStart.trim(), end: d.dhcpEnd.trim() }
        : null
      : undefined;
  return {
    op: 'edit',
    network: n.name,
    ...(dhcp !== undefined ? { dhcp } : {}),
    addHosts: d.addHosts.map((h) => ({
      mac: h.mac.trim(),
      ip: h.ip.trim(),
      ...(h.name.trim() ? { name: h.name.trim() } : {}),
    })),
    removeHosts: d.removeIps.map((ip) => ({ ip })),
    ...(d.autostart !== n.autostart ? { autostart: d.autostart } : {}),
  };
}
