import { z } from 'zod';
import { MacvlanMode } from './host';
import { HostSnapshot } from '../snapshot/types';

/**
 * Creating, editing, stopping and deleting libvirt networks. Every change is planned first (the
 * network XML before and after, the exact commands, the VMs it touches and what it does to the
 * compose plan) and applied only as planned.
 */
export const networkKinds = ['nat', 'route', 'isolated', 'bridge', 'macvtap'] as const;
export const NetworkKind = z.enum(networkKinds);
export type NetworkKind = z.infer<typeof NetworkKind>;

export const DhcpRangeInput = z.object({ start: z.string().trim(), end: z.string().trim() });
export type DhcpRangeInput = z.infer<typeof DhcpRangeInput>;

export const NetworkSpec = z.object({
  name: z.string().trim().min(1, 'Give the network a name.'),
  kind: NetworkKind,
  /** nat / route / isolated: the host's address on the network and the prefix, e.g. "10.77.0.1/24". */
  ipv4: z.string().trim().optional(),
  /** nat / route / isolated: libvirt's DHCP and its range; null = no DHCP. */
  dhcp: DhcpRangeInput.nullable().default(null),
  /** bridge: the existing host bridge the network hands out. */
  bridge: z.string().trim().optional(),
  /** macvtap: libvirt's forward mode (the macvlan mode). */
  macvtapMode: MacvlanMode.optional(),
  /** macvtap: the host interfaces macvtaps are made on (one for passthrough per guest). */
  devices: z.array(z.string().trim().min(1)).default([]),
  autostart: z.boolean().default(true),
  /** Start it right away. */
  start: z.boolean().default(true),
});
export type NetworkSpec = z.input<typeof NetworkSpec>;
export type NetworkSpecParsed = z.output<typeof NetworkSpec>;

export const DhcpHostInput = z.object({
  mac: z.string().trim().optional(),
  ip: z.string().trim(),
  name: z.string().trim().optional(),
});
export type DhcpHostInput = z.infer<typeof DhcpHostInput>;

const NetworkName = z.string().min(1);

/** One static DHCP `<host>` entry to remove, as the Networks tab lists it (matched by IP, and MAC when given). */
export const RemoveReservationRequest = z.object({
  hostId: z.string().min(1),
  network: NetworkName,
  ip: z.string().trim().min(1, 'Which address? The reservation is matched by its IP.'),
  mac: z.string().trim().optional(),
  name: z.string().trim().optional(),
});
export type RemoveReservationRequest = z.input<typeof RemoveReservationRequest>;

export const NetworkChange = z.discriminatedUnion('op', [
  z.object({ op: z.literal('create'), spec: NetworkSpec }),
  z.object({
    op: z.literal('edit'),
    network: NetworkName,
    /** undefined: as it is; null: DHCP off; a range: DHCP on with that range. */
    dhcp: DhcpRangeInput.nullable().optional(),
    addHosts: z.array(DhcpHostInput).default([]),
    /** Matched by IP address (and MAC when given). */
    removeHosts: z.array(DhcpHostInput).default([]),
    autostart: z.boolean().optional(),
  }),
  z.object({ op: z.literal('stop'), network: NetworkName }),
  z.object({ op: z.literal('delete'), network: NetworkName }),
]);
export type NetworkChange = z.input<typeof NetworkChange>;
export type NetworkChangeParsed = z.output<typeof NetworkChange>;

export const NetworkPlanRequest = z.object({ hostId: z.string().min(1), change: NetworkChange });
export type NetworkPlanRequest = z.input<typeof NetworkPlanRequest>;

export const NetworkApplyRequest = NetworkPlanRequest.extend({
  /**
   * The running VMs the user saw named and accepted losing their link. A change that cuts off a
   * running VM not in this list is refused.
   */
  acknowledgeVms: z.array(z.string()).default([]),
});
export type NetworkApplyRequest = z.input<typeof NetworkApplyRequest>;

export const NetworkPlanCommand = z.object({
  description: z.string(),
  /** The exact command line, quoted as the remote shell gets it. */
  command: z.string(),
  /** What it reads on stdin (network XML for net-define). */
  stdin: z.string().optional(),
  rollback: z.string().nullable(),
});
export type NetworkPlanCommand = z.infer<typeof NetworkPlanCommand>;

export const XmlDiffLine = z.object({ kind: z.enum(['same', 'add', 'remove']), text: z.string() });
export type XmlDiffLine = z.infer<typeof XmlDiffLine>;

export const ComposeEffect = z.object({
  /** Which rule: "Manually installed host (MAAS 2.4)", "This pod's default network" … */
  rule: z.string(),
  before: z.string(),
  after: z.string(),
  changed: z.boolean(),
  /** A VM composed this way would get no address. */
  noAddress: z.boolean(),
});
export type ComposeEffect = z.infer<typeof ComposeEffect>;

export const NetworkChangePlan = z.object({
  hostId: z.string(),
  hostName: z.string(),
  network: z.string(),
  op: z.enum(['create', 'edit', 'stop', 'delete']),
  /** One sentence: what the change does. */
  summary: z.string(),
  /** Why it cannot be applied as asked; empty when it can. Nothing is changed while any remain. */
  problems: z.array(z.string()),
  xmlBefore: z.string().nullable(),
  xmlAfter: z.string().nullable(),
  diff: z.array(XmlDiffLine),
  commands: z.array(NetworkPlanCommand),
  /** The network is stopped and started again (its bridge goes away for a moment). */
  restart: z.boolean(),
  /** Running VMs that lose their link (for a moment on a restart; until started again on a stop). */
  vmsCutOff: z.array(z.string()),
  /** Every VM with a NIC on this network, running or not. */
  vmsUsing: z.array(z.string()),
  composeEffects: z.array(ComposeEffect),
  /** Things worth knowing: the preset's reason, what a macvtap mode does, what a restart means. */
  notes: z.array(z.string()),
  snapshotTakenAt: z.string(),
});
export type NetworkChangePlan = z.infer<typeof NetworkChangePlan>;

export const NetworkApplyResult = z.object({
  commands: z.array(z.string()),
  snapshot: HostSnapshot.nullable(),
  /** For a network change: its plan as made again under the host's lock, the one that ran. */
  plan: NetworkChangePlan.optional(),
});
export type NetworkApplyResult = z.infer<typeof NetworkApplyResult>;
