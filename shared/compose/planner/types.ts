import type { Domain, HostSnapshot, InterfaceKind, LibvirtNetwork, NetInterface } from '../../snapshot/types';
import type { InterfaceConstraintMap } from '../constraints/types';
import type { MacvlanMode } from '../macvlan-modes';
import type { HostMarks } from '../marks';

/** The parts of a HostSnapshot the planner reads (a full HostSnapshot fits). */
export interface PlannerSnapshot {
  hostname: HostSnapshot['hostname'];
  interfaces: NetInterface[];
  libvirt: { networks: LibvirtNetwork[]; domains: Domain[] } | null;
}

export type InstallMode = 'manual' | 'deployed';

export interface PlanInput {
  snapshot: PlannerSnapshot;
  marks?: HostMarks;
  /** Parsed interface constraints; null or empty = let the rules for the install mode choose. */
  constraints: InterfaceConstraintMap | null;
  /** The pod's default macvtap mode (falls back to 'bridge', as in MAAS). */
  macvlanMode?: MacvlanMode | null;
  /** Per-label overrides of the macvtap mode. The NIC planned without constraints has label '0'. */
  perNicModes?: Readonly<Record<string, MacvlanMode>>;
  installMode: InstallMode;
  /** The pod's default network for NICs without constraints (pod settings); ignored when absent on the host. */
  defaultNetwork?: string | null;
  /** MACs this VM already has (a reviewed plan's): a reservation or lease for one of them is its own, not a clash. */
  ownMacs?: readonly string[];
}

/** How the guest NIC attaches, in libvirt's terms. */
export type Attachment =
  | { type: 'bridge'; source: string }
  | { type: 'direct'; dev: string; mode: MacvlanMode }
  | { type: 'network'; network: string };

export type CandidateOutcome = 'chosen' | 'lost' | 'no-match' | 'unusable';

/** What happened to one host interface or libvirt network while choosing a NIC's attachment. */
export interface CandidateVerdict {
  name: string;
  kind: InterfaceKind | 'network';
  outcome: CandidateOutcome;
  /** A plain sentence. */
  reason: string;
}

export interface NicWhy {
  /** The rule that decided, in a sentence. */
  rule: string;
  /** One-sentence summary suitable as the NIC's subtitle. */
  summary: string;
  /** Every candidate looked at, the chosen one first. */
  candidates: CandidateVerdict[];
}

/** Whether something hands out addresses where the NIC lands, and how we know. */
export interface DhcpInfo {
  available: boolean;
  source: 'libvirt' | 'mark' | null;
  detail: string;
}

export interface PlannedNic {
  /** The constraint label ('0' for the NIC chosen without constraints). */
  label: string;
  /** The guest-side name MAAS derives from the label (0 → eth0). */
  ifname: string;
  attach: Attachment;
  /** The host interface the NIC ends up on: the bridge, the macvtap parent or the network's bridge. */
  hostInterface: string | null;
  /** Addresses asked for with ip=…, within a subnet of the chosen interface. */
  requestedIps: string[];
  /** An ip= address libvirt's DHCP can hand out by MAC: added with net-update before define. */
  reservation: { network: string; ip: string } | null;
  dhcp: DhcpInfo;
  why: NicWhy;
}

export type WarningCode =
  | 'macvtap-host-isolation'
  | 'vepa-needs-switch'
  | 'passthrough-parent-in-use'
  | 'interface-down'
  | 'network-inactive'
  | 'no-dhcp'
  | 'ip-not-reservable'
  | 'ip-in-use'
  | 'mode-ignored';

export interface PlanWarning {
  code: WarningCode;
  label?: string;
  message: string;
}

export interface AttachmentPlan {
  nics: PlannedNic[];
  warnings: PlanWarning[];
}

export interface PlanFailure {
  /** The label that could not be placed, when it is about one. */
  label?: string;
  /** What went wrong and what to do, in sentences. */
  message: string;
  /** Supporting facts: one line per candidate or check. */
  details: string[];
}
